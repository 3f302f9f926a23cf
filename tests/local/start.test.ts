import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/local-stack.ts';

/** `npm start` itself (local/start.ts) as a child process: it prints its endpoints and stops on a signal. */

const REPO = new URL('../..', import.meta.url).pathname;
const ENDPOINT_LINE = /^\s+(S3 API|SQS API|DynamoDB API|HTTP API)\s+(http:\/\/\S+)/gm;

let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function startLocal(env: NodeJS.ProcessEnv = {}): { process: ChildProcess; output: () => string } {
  dataDir = mkdtempSync(join(tmpdir(), 'precis-start-'));
  let output = '';
  // As `npm start` runs it: node with tsx's loader, so a signal reaches the stack itself. The tsx CLI would relay
  // it to a child process and SIGKILL that child when it does not answer within 30 ms, which a loaded machine misses.
  const started = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      PRECIS_DATA_DIR: dataDir,
      PRECIS_S3_PORT: '0',
      PRECIS_DYNAMODB_PORT: '0',
      PRECIS_API_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  started.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child = started;
  return { process: started, output: () => output };
}

// Each test starts `npm start` as a child process, which imports the whole pipeline: slow on a loaded machine.
describe('npm start', { timeout: 120_000 }, () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints its endpoints and exits cleanly on %s',
    async (signal) => {
      const local = startLocal();
      const banner = await eventually(
        async () => (local.output().includes('Ctrl-C stops.') ? local.output() : undefined),
        {
          // Generous: the stack imports the whole pipeline, which takes many seconds on a loaded machine.
          timeoutMs: 90_000,
          what: 'the start banner',
        },
      );
      const endpoints = Object.fromEntries(
        [...banner.matchAll(ENDPOINT_LINE)].map((match) => [match[1], match[2]]),
      );
      const health = await fetch(`${endpoints['HTTP API']}/nothing-here`);

      local.process.kill(signal);
      const [code] = await once(local.process, 'exit');

      expect(Object.keys(endpoints).sort()).toEqual(['DynamoDB API', 'HTTP API', 'S3 API', 'SQS API']);
      expect(health.status).toBe(404);
      expect(code).toBe(0);
    },
    120_000,
  );

  it('exits 1 with a one-line reason when an environment variable is malformed', async () => {
    const local = startLocal({ PRECIS_API_PORT: 'eighty' });

    const [code] = await once(local.process, 'exit');

    expect(code).toBe(1);
    expect(local.output()).toContain(
      '[precis local] could not start: Environment variable PRECIS_API_PORT must be an integer from 0 to 65535, got "eighty"\n',
    );
    expect(local.output()).not.toContain('    at ');
  });

  it('exits 1 naming the taken address and the port variables when a port is in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    const local = startLocal({ PRECIS_API_PORT: String(port) });

    const [code] = await once(local.process, 'exit');
    taken.close();

    expect(code).toBe(1);
    expect(local.output()).toContain(
      `could not start: 127.0.0.1:${port} is in use; choose other ports with PRECIS_S3_PORT, PRECIS_DYNAMODB_PORT, PRECIS_API_PORT\n`,
    );
    expect(local.output()).not.toContain('    at ');
  });
});
