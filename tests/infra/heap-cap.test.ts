import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INPUT_BYTES } from '#shared/config.ts';
import type { InputRun } from '../../bench/large-input.ts';
import {
  HEAP_ENV,
  heapLimitsFor,
  LAMBDA_NODE_OPTIONS,
  PROCESS_MEMORY_MB,
  V8_FLAGS,
  V8_FLAGS_ENV,
} from '../../infra/function-sizing.ts';
import { PrecisStack } from '../../infra/precis-stack.ts';
import { createTestApp } from './synth.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WRAPPER = join(ROOT, 'infra/runtime/heap-cap.sh');
/**
 * The input of bench:large with the highest peak memory under the heap cap (bench/results/large.json): a
 * wall of 1.7 million "$1" amounts.
 */
const WORST_INPUT = 'dollar-amounts';

/** What the Node.js runtime's bootstrap passes for a function of `memoryMb` (90% old space, 5% semi-space). */
const runtimeArguments = (memoryMb: number) => [
  '--expose-gc',
  '--max-http-header-size',
  '81920',
  `--max-semi-space-size=${Math.floor(memoryMb / 20)}`,
  `--max-old-space-size=${memoryMb - Math.floor(memoryMb / 10)}`,
];

const heapEnvironment = (memoryMb: number) => {
  const limits = heapLimitsFor(memoryMb);
  return {
    [HEAP_ENV.maxOldSpaceMb]: String(limits.maxOldSpaceMb),
    [HEAP_ENV.maxSemiSpaceMb]: String(limits.maxSemiSpaceMb),
  };
};

const PROBE = join(tmpdir(), `precis-heap-probe-${process.pid}.mjs`);
writeFileSync(
  PROBE,
  "import v8 from 'node:v8'; console.log(JSON.stringify({ execArgv: process.execArgv, argv: process.argv.slice(2), limitMb: v8.getHeapStatistics().heap_size_limit / 2 ** 20 }));",
);
afterAll(() => rmSync(PROBE, { force: true }));

/** Starts `node <args>` through the wrapper, as Lambda does with AWS_LAMBDA_EXEC_WRAPPER set. */
function throughWrapper(args: readonly string[], env: Record<string, string>) {
  return execFileSync(WRAPPER, [process.execPath, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
}

describe('the runtime wrapper (infra/runtime/heap-cap.sh)', () => {
  it("replaces the runtime's heap flags with the function's cap and keeps every other argument", () => {
    const memoryMb = 1024;
    const { maxOldSpaceMb, maxSemiSpaceMb } = heapLimitsFor(memoryMb);

    const probe = JSON.parse(
      throughWrapper([...runtimeArguments(memoryMb), PROBE, 'a b', 'c'], heapEnvironment(memoryMb)),
    );

    expect(probe.execArgv).toEqual([
      `--max-old-space-size=${maxOldSpaceMb}`,
      `--max-semi-space-size=${maxSemiSpaceMb}`,
      '--expose-gc',
      '--max-http-header-size',
      '81920',
    ]);
    expect(probe.argv).toEqual(['a b', 'c']);
    expect(probe.limitMb).toBe(maxOldSpaceMb + 3 * maxSemiSpaceMb);
    expect(probe.limitMb).toBeLessThan(memoryMb);
  });

  it('adds the V8 flags of PRECIS_V8_FLAGS, one argument each, with or without a cap', () => {
    const memoryMb = 1024;
    const { maxOldSpaceMb, maxSemiSpaceMb } = heapLimitsFor(memoryMb);
    const flags = { [V8_FLAGS_ENV]: '--no-regexp-tier-up --stack-trace-limit=20' };

    const capped = JSON.parse(
      throughWrapper([...runtimeArguments(memoryMb), PROBE, 'a b'], {
        ...heapEnvironment(memoryMb),
        ...flags,
      }),
    );
    const uncapped = JSON.parse(throughWrapper(['--max-old-space-size=900', PROBE], flags));

    expect(capped.execArgv).toEqual([
      `--max-old-space-size=${maxOldSpaceMb}`,
      `--max-semi-space-size=${maxSemiSpaceMb}`,
      '--no-regexp-tier-up',
      '--stack-trace-limit=20',
      '--expose-gc',
      '--max-http-header-size',
      '81920',
    ]);
    expect(capped.argv).toEqual(['a b']);
    expect(uncapped.execArgv).toEqual([
      '--no-regexp-tier-up',
      '--stack-trace-limit=20',
      '--max-old-space-size=900',
    ]);
  });

  it('starts the command unchanged when no cap is configured', () => {
    const probe = JSON.parse(throughWrapper(['--max-old-space-size=900', PROBE], {}));

    expect(probe.execArgv).toEqual(['--max-old-space-size=900']);
  });
});

describe('heap caps in the stack', () => {
  const { app, dispose } = createTestApp();
  afterAll(dispose);
  const stack = new PrecisStack(app, 'Precis', { env: { region: 'us-east-1' } });
  type FunctionResource = { Properties: { MemorySize: number; Environment?: { Variables: object } } };
  /** precis's own functions (CDK's helpers, such as the bucket notifications handler, are not ours). */
  const functions = Object.entries(
    Template.fromStack(stack).findResources('AWS::Lambda::Function') as Record<string, FunctionResource>,
  ).filter(([, resource]) => 'POWERTOOLS_SERVICE_NAME' in (resource.Properties.Environment?.Variables ?? {}));
  const processId = stack.resolve(
    (stack.node.findChild('ProcessFunction').node.defaultChild as CfnResource).logicalId,
  );

  it.each(functions.map(([id, resource]) => [id, resource]))(
    'starts %s through the wrapper with the cap of its memory size, our V8 flags and Node options',
    (_id, resource) => {
      const { MemorySize, Environment } = resource.Properties;

      expect(Environment?.Variables).toMatchObject({
        AWS_LAMBDA_EXEC_WRAPPER: '/var/task/heap-cap.sh',
        ...heapEnvironment(MemorySize),
        [V8_FLAGS_ENV]: [...V8_FLAGS, ...LAMBDA_NODE_OPTIONS].join(' '),
      });
    },
  );

  it(`runs the worst input of bench:large (${WORST_INPUT}, ${DEFAULT_MAX_INPUT_BYTES} bytes) to DONE under the process function's cap, within its memory`, () => {
    const processFunction = functions.find(([id]) => id === processId)?.[1];
    const memoryMb = processFunction?.Properties.MemorySize ?? 0;
    expect(memoryMb).toBe(PROCESS_MEMORY_MB);

    const output = throughWrapper(
      [
        ...runtimeArguments(memoryMb),
        '--import',
        'tsx',
        'bench/large-input.ts',
        '--child',
        'input',
        WORST_INPUT,
        String(DEFAULT_MAX_INPUT_BYTES),
      ],
      heapEnvironment(memoryMb),
    );
    const run = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as InputRun;

    expect(run.status).toBe('DONE');
    expect(run.bytes).toBeGreaterThan(0.95 * DEFAULT_MAX_INPUT_BYTES);
    const { maxOldSpaceMb, maxSemiSpaceMb } = heapLimitsFor(memoryMb);
    expect(run.heapLimitMiB).toBe(maxOldSpaceMb + 3 * maxSemiSpaceMb);
    expect(run.peakMiB).toBeLessThan(memoryMb);
  }, 600_000);
});
