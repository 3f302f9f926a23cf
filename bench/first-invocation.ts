/**
 * The first invocation of a cold `process` function, not only its first article: fresh Node processes load
 * the function's bundle as Lambda's runtime does (`require`) and call its handler with real SQS events of
 * the local stack (S3 notifications of uploads of the seed article), so the first invocation pays what a
 * cold container pays on AWS beyond processArticle: the SDK's first requests (endpoint resolution, signing,
 * the HTTP agent, response parsing), the idempotency record, the S3 read and the DynamoDB and S3 writes,
 * Powertools' logs and metrics. A second invocation, on another upload, shows what is left once warm.
 *
 * The local stack runs in this process, its `process` handler replaced by one that only records the events
 * the queue delivers; the fresh processes send their requests to its emulators (loopback, no AWS). Part of
 * `npm run bench:cold-start`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { ENV } from '#shared/config.ts';
import { lambdaNodeFlags, PROCESS_MEMORY_MB } from '../infra/function-sizing.ts';
import { LOCAL_CREDENTIALS, LOCAL_NAMES, LOCAL_REGION } from '../local/settings.ts';
import { startLocalStack } from '../local/stack.ts';
import { median } from './measure.ts';

/** Each fresh process: its module init, then one invocation per event, each CPU summed over threads. */
const INVOKE_SCRIPT = `const { readFileSync } = require('node:fs');
const cpuMs = (started) => { const { user, system } = process.cpuUsage(started); return (user + system) / 1000; };
const [bundlePath, eventsPath] = process.argv.slice(1);
const events = JSON.parse(readFileSync(eventsPath, 'utf8'));
const context = (n) => ({ callbackWaitsForEmptyEventLoop: false, functionName: 'precis-process', functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:precis-process', memoryLimitInMB: '${PROCESS_MEMORY_MB}',
  awsRequestId: 'cold-start-' + n, logGroupName: '/aws/lambda/precis-process', logStreamName: 'cold-start',
  getRemainingTimeInMillis: () => 30000 });
(async () => {
  let started = process.cpuUsage();
  const { handler } = require(bundlePath);
  const initCpuMs = cpuMs(started);
  const invocations = [];
  for (const [n, event] of events.entries()) {
    started = process.cpuUsage();
    const response = await handler(event, context(n));
    invocations.push({ cpuMs: cpuMs(started), failures: response.batchItemFailures.length });
  }
  console.log(JSON.stringify({ initCpuMs, invocations }));
})();`;

export interface FirstInvocation {
  /** Module init of the function's bundle (its `require`), median over the processes. */
  readonly initCpuMs: number;
  /** The handler's first invocation, one S3 notification of the seed article. */
  readonly firstInvocationCpuMs: number;
  /** The same handler's second invocation in the same process, another upload of the seed. */
  readonly secondInvocationCpuMs: number;
  readonly processes: number;
}

interface ChildFigures {
  readonly initCpuMs: number;
  readonly invocations: readonly { readonly cpuMs: number; readonly failures: number }[];
}

/** Runs node asynchronously: the emulators the child calls are served by this process's event loop. */
function runNode(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`exit ${code}: ${stderr.slice(-2000)}`)),
    );
  });
}

/** What the process function's environment holds in the local stack (as `npm start` sets it). */
function functionEnvironment(): NodeJS.ProcessEnv {
  const names = new Set<string>(Object.values(ENV));
  return {
    PATH: process.env.PATH,
    POWERTOOLS_SERVICE_NAME: 'precis-process',
    POWERTOOLS_METRICS_NAMESPACE: 'Precis',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    ...Object.fromEntries(
      Object.entries(process.env).filter(([name]) => names.has(name) || name.startsWith('AWS_')),
    ),
  };
}

/** Waits until `events` holds `count` records, or fails after `timeoutMs`. */
async function waitForRecords(events: readonly SQSEvent[], count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (events.flatMap((event) => event.Records).length < count) {
    if (Date.now() > deadline) throw new Error(`The queue delivered fewer than ${count} notifications`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Times `processes` fresh processes of `bundle` (the process function as built by infra/bundling.ts, its
 * data beside it), each invoked twice, against a local stack started for the purpose in `directory`.
 */
export async function measureFirstInvocations(
  bundle: string,
  seed: Uint8Array,
  directory: string,
  processes: number,
): Promise<FirstInvocation> {
  const dataDir = mkdtempSync(join(directory, 'stack-'));
  const delivered: SQSEvent[] = [];
  const stack = await startLocalStack({
    dataDir,
    ports: { s3: 0, dynamodb: 0, api: 0 },
    visibilityTimeoutSeconds: 30,
    notifyIntervalMs: 50,
    handlers: {
      process: async (event) => {
        delivered.push(event);
        return { batchItemFailures: [] };
      },
      api: async () => ({ statusCode: 503, body: '' }),
      deadLetters: async () => {},
      sweep: async () => {},
    },
    log: () => {},
  });
  const s3 = new S3Client({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: stack.endpoints.s3,
    forcePathStyle: true,
  });
  try {
    const uploads = 2 * processes;
    for (let n = 0; n < uploads; n += 1) {
      await s3.send(
        new PutObjectCommand({
          Bucket: LOCAL_NAMES.bucket,
          Key: `incoming/cold-start-${n}.txt`,
          Body: seed,
          ContentType: 'text/plain; charset=utf-8',
        }),
      );
    }
    await waitForRecords(delivered, uploads, 60_000);
    // One notification per invocation, as a queue of single uploads delivers them.
    const events = delivered.flatMap((event) => event.Records).map((record) => ({ Records: [record] }));
    const env = functionEnvironment();
    const runs: ChildFigures[] = [];
    for (let n = 0; n < processes; n += 1) {
      const eventsFile = join(dataDir, `events-${n}.json`);
      writeFileSync(eventsFile, JSON.stringify(events.slice(2 * n, 2 * n + 2)));
      const args = [...lambdaNodeFlags(PROCESS_MEMORY_MB), '-e', INVOKE_SCRIPT, bundle, eventsFile];
      const stdout = await runNode(args, env);
      const figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildFigures;
      if (figures.invocations.some((invocation) => invocation.failures > 0))
        throw new Error(`An invocation reported failed records: ${stdout.slice(-2000)}`);
      runs.push(figures);
    }
    const processed = stack.events.filter((event) => event.detailType === 'ArticleProcessed').length;
    if (processed !== uploads)
      throw new Error(
        `${processed} of ${uploads} uploads were processed to DONE: ${JSON.stringify(stack.events)}`,
      );
    return {
      initCpuMs: median(runs.map((run) => run.initCpuMs)),
      firstInvocationCpuMs: median(runs.map((run) => run.invocations[0]?.cpuMs ?? Number.NaN)),
      secondInvocationCpuMs: median(runs.map((run) => run.invocations[1]?.cpuMs ?? Number.NaN)),
      processes,
    };
  } finally {
    s3.destroy();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
