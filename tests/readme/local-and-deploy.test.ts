import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeLines, REPO_ROOT, readMarkdown, section, spansIn, tables } from '#tests/helpers/markdown.ts';
import { LOCAL_ENV, LOCAL_NAMES, MAX_RECEIVE_COUNT } from '../../local/settings.ts';

/**
 * README's "Try it locally" and "Deploy" against the local stack's settings and the CDK app: the ports,
 * names and redrive count the local stack uses, the outputs the stack declares, the context it reads.
 */

const readme = readMarkdown('README.md');
const [servicesTable] = tables(section(readme, 'Try it locally'));
const services = servicesTable?.rows ?? [];
const shell = codeLines(readme, ['sh']);
const infraSource = (file: string) => readFileSync(join(REPO_ROOT, 'infra', file), 'utf8');
const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1] ?? '');

describe("README's local stack", () => {
  it("gives each server's port with the variable that overrides it, as local/settings.ts does", () => {
    const ports = services.map((row) => /localhost:(\d+) \(`(\w+)`\)/.exec(row.cells[2] ?? ''));
    expect(ports).toHaveLength(3);
    const documented = ports.map((match) => [match?.[2], Number(match?.[1])]);
    const settings = [LOCAL_ENV.s3Port, LOCAL_ENV.dynamodbPort, LOCAL_ENV.apiPort].map((spec) => [
      spec.name,
      spec.fallback,
    ]);
    expect(documented).toEqual(settings);
  });

  it('names the bucket, queues and tables the local stack creates, and its redrive count', () => {
    const created = services.flatMap((row) => spansIn(row.cells[3] ?? ''));
    const names: readonly string[] = Object.values(LOCAL_NAMES);
    expect(created.length).toBeGreaterThan(3);
    expect(created.filter((name) => !names.includes(name))).toEqual([]);
    expect(services[0]?.cells[3]).toContain(`maxReceiveCount ${MAX_RECEIVE_COUNT}`);
  });

  it("sends the shell examples to the local stack's ports, bucket and tables", () => {
    const ports = Object.values(LOCAL_ENV).map((spec) => String(spec.fallback));
    const usedPorts = shell.flatMap(({ value }) => matches(value, /localhost:(\d+)/g));
    expect(usedPorts.length).toBeGreaterThan(10);
    expect(usedPorts.filter((port) => !ports.includes(port))).toEqual([]);
    const local = shell.filter(({ value }) => value.includes('--endpoint-url http://localhost'));
    const buckets = local.flatMap(({ value }) => matches(value, /s3:\/\/([\w.-]+)\//g));
    const tablesUsed = local.flatMap(({ value }) => matches(value, /--table-name ([\w.-]+)/g));
    expect(buckets.length + tablesUsed.length).toBeGreaterThan(2);
    expect(buckets.filter((bucket) => bucket !== LOCAL_NAMES.bucket)).toEqual([]);
    expect(tablesUsed.filter((table) => table !== LOCAL_NAMES.table)).toEqual([]);
  });
});

describe("README's Deploy", () => {
  const outputs = matches(infraSource('precis-stack.ts'), /new CfnOutput\(this, '(\w+)'/g);
  const app = infraSource('app.ts');

  it('lists exactly the outputs the stack declares', () => {
    // `npx cdk deploy …   # … outputs A, B,` and the comment lines that go on with the list.
    const deploy = shell.findIndex(({ value }) => value.includes('npx cdk deploy'));
    const after = shell.slice(deploy + 1);
    const continued = after.slice(
      0,
      Math.max(
        0,
        after.findIndex(({ value }) => !/^\s+#/.test(value)),
      ),
    );
    const listing = [shell[deploy], ...continued]
      .map((line) => line?.value.replace(/^.*outputs /, ''))
      .join(' ');
    const listed = matches(listing, /\b([A-Z]\w+)\b/g);
    expect(outputs.length).toBeGreaterThan(5);
    expect(listed.sort()).toEqual([...outputs].sort());
  });

  it('reads only outputs the stack declares, of the stack the app names', () => {
    const read = shell.flatMap(({ value }) => matches(value, /\$\(output (\w+)\)/g));
    expect(read.length).toBeGreaterThan(2);
    expect(read.filter((output) => !outputs.includes(output))).toEqual([]);
    const stackName = /new PrecisStack\(app, '(\w+)'/.exec(app)?.[1];
    const named = shell.flatMap(({ value }) => matches(value, /--stack-name (\w+)/g));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => name !== stackName)).toEqual([]);
  });

  it('passes only the context the app reads', () => {
    const read = matches(app, /tryGetContext\('(\w+)'\)/g);
    const passed = shell.flatMap(({ value }) => matches(value, /\s-c (\w+)=/g));
    expect(passed.length).toBeGreaterThan(0);
    expect(passed.filter((key) => !read.includes(key))).toEqual([]);
  });
});
