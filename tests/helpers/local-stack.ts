import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import type { Result } from '#shared/result.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/settings.ts';
import { type Handlers, type LocalStack, startLocalStack } from '../../local/stack.ts';

/**
 * The whole local stack for a test: free ports on 127.0.0.1, state in a fresh temporary directory.
 * `restart()` stops it and starts it again on the same ports over the same state, as `npm start` would.
 */

export interface TestStackOptions {
  readonly handlers?: Partial<Handlers>;
  /** Seconds before a failed message is redelivered; short so that retry tests stay quick. */
  readonly visibilityTimeoutSeconds?: number;
  /** How often the dead-letter consumer runs. */
  readonly deadLetterIntervalMs?: number;
}

export interface TestClients {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly dynamodb: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
}

export interface TestStack {
  readonly stack: LocalStack;
  readonly dataDir: string;
  readonly clients: TestClients;
  /** Stops the stack, keeps its state. */
  stop(): Promise<void>;
  /** Starts it again over the same state and ports. */
  restart(): Promise<void>;
  /** Stops the stack and deletes its state. */
  dispose(): Promise<void>;
}

const QUIET_HANDLERS = {
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

function createClients(stack: LocalStack): TestClients {
  const config = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const dynamodb = new DynamoDBClient({ ...config, endpoint: stack.endpoints.dynamodb });
  return {
    s3: new S3Client({
      ...config,
      endpoint: stack.endpoints.s3,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
    sqs: new SQSClient({ ...config, endpoint: stack.endpoints.sqs }),
    dynamodb,
    documentClient: DynamoDBDocumentClient.from(dynamodb),
  };
}

function destroyClients(clients: TestClients): void {
  for (const client of [clients.s3, clients.sqs, clients.dynamodb]) client.destroy();
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  for (const [name, value] of Object.entries(QUIET_HANDLERS)) process.env[name] ??= value;
  const dataDir = mkdtempSync(join(tmpdir(), 'precis-local-'));
  const start = (ports = { s3: 0, dynamodb: 0, api: 0 }) =>
    startLocalStack({
      dataDir,
      ports,
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 1,
      ...(options.handlers ? { handlers: options.handlers } : {}),
      notifyIntervalMs: 100,
      ...(options.deadLetterIntervalMs ? { deadLetterIntervalMs: options.deadLetterIntervalMs } : {}),
      log: (message, details) => console.error(`[local stack] ${message}`, details ?? ''),
    });

  let stack = await start();
  let clients = createClients(stack);
  let running = true;

  async function stop(): Promise<void> {
    if (!running) return;
    running = false;
    destroyClients(clients);
    await stack.stop();
  }

  return {
    get stack() {
      return stack;
    },
    dataDir,
    get clients() {
      return clients;
    },
    stop,
    async restart() {
      await stop();
      stack = await start(stack.ports);
      clients = createClients(stack);
      running = true;
    },
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The outer bound of a test that waits on the local stack. Such a test waits on conditions, each bounded by its
 * own `eventually`; its timeout only has to be longer than those, so that a loaded 2-core CI fails on a
 * condition, with its message, and never on the runner's default 30 s while processing is merely slow.
 */
export const LOCAL_TEST_TIMEOUT_MS = 300_000;

export interface PollOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  readonly what?: string;
}

/**
 * Calls `probe` until it returns a value other than undefined, or fails after the deadline with the last
 * error it threw.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  options: PollOptions = {},
): Promise<T> {
  const { timeoutMs = 60_000, intervalMs = 50, what = 'the condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
}

/**
 * The complete Results of the uploads to a key, newest first: GET /articles?key= lists summaries, and
 * GET /articles/{id} serves each Result.
 */
export async function resultsForKey(apiUrl: string, key: string): Promise<Result[]> {
  const listed = await fetch(`${apiUrl}/articles?key=${encodeURIComponent(key)}`);
  if (listed.status !== 200) throw new Error(`GET /articles?key= answered ${listed.status}`);
  const { items } = (await listed.json()) as { items: { id: string }[] };
  // The Results without their short-lived presigned links, which differ from one read to the next.
  return Promise.all(
    items.map(async ({ id }) => {
      const { links: _links, ...result } = (await (
        await fetch(`${apiUrl}/articles/${id}`)
      ).json()) as Result & {
        links?: unknown;
      };
      return result;
    }),
  );
}

/**
 * The local stack of a test file that drives it over HTTP: started before the file's tests, with a visibility
 * timeout long enough that a loaded machine processing the seed sees no redelivery, and disposed after them.
 */
export function httpTestStack(): {
  readonly local: TestStack;
  readonly api: (path: string, init?: RequestInit) => Promise<Response>;
  /** The Result of `id` over GET /articles/{id} once it has ended (DONE or FAILED) and, with `after`, was written after that time. */
  readonly ended: (id: string, after?: string) => Promise<Result>;
} {
  let started: TestStack | undefined;
  beforeAll(async () => {
    started = await startTestStack({ visibilityTimeoutSeconds: 120 });
  });
  afterAll(async () => {
    await started?.dispose();
  });
  const running = (): TestStack => {
    if (started === undefined) throw new Error('The local stack has not started');
    return started;
  };
  const api = (path: string, init?: RequestInit) => fetch(`${running().stack.endpoints.api}${path}`, init);
  return {
    get local() {
      return running();
    },
    api,
    ended: (id, after) =>
      eventually(
        async () => {
          const result = (await (await api(`/articles/${id}`)).json()) as Result;
          const over = result.status === 'DONE' || result.status === 'FAILED';
          return over && (after === undefined || result.processedAt > after) ? result : undefined;
        },
        { what: `the Result of ${id}`, timeoutMs: 180_000, intervalMs: 500 },
      ),
  };
}
