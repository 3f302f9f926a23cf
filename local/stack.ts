import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { createArticleBucket } from '#shared/adapters/article-bucket.ts';
import { createArticleStore, createTableInput } from '#shared/adapters/article-store.ts';
import { createLocalBackfills, type LocalBackfills } from '#shared/adapters/local-backfills.ts';
import { type BackfillBatchEvent, batchEventOf } from '#shared/backfill/backfill-item.ts';
import type { BackfillBatchReport } from '#shared/backfill/process-batch.ts';
import { ENV, INCOMING_PREFIX } from '#shared/config.ts';
import { API_ROUTES, DEFAULT_ROUTE } from '#shared/events/api-routes.ts';
import { type ApiHandler, type ApiServer, startApiServer } from './api-server.ts';
import { bootstrap, idempotencyTableInput, type Queue } from './bootstrap.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { type LocalEvent, startLocalEventBus } from './event-bus.ts';
import { createLambdaContext } from './lambda-context.ts';
import { repairIndexes } from './repair-indexes.ts';
import { createNotifier, type Notifier } from './s3-notifications.ts';
import { KeyLocks, startS3Proxy } from './s3-versions.ts';
import { type ScheduledHandler, startSchedule } from './schedule.ts';
import { LOOPBACK, startEmulators } from './servers.ts';
import { LOCAL_CREDENTIALS, LOCAL_NAMES, LOCAL_REGION, MAX_RECEIVE_COUNT } from './settings.ts';
import { createSqsPoller, type Poller, type SqsHandler } from './sqs-poller.ts';
import { createViewerPages, VIEWER_ROUTES } from './viewer-pages.ts';

/**
 * The whole pipeline on one machine, wired as in AWS: uploads under incoming/ -> S3 event notification ->
 * SQS -> the process handler -> DynamoDB; the api handler behind an HTTP API. The handlers are the very
 * modules deployed to Lambda, imported after the environment points their SDK clients at the emulators.
 */

/** Lambda's SQS event source: batches of up to 10, long polls of 20 s. */
const BATCH_SIZE = 10;
const LONG_POLL_SECONDS = 20;
/** Only a catch-up: the versioning proxy notifies each write as it happens. */
const DEFAULT_NOTIFY_INTERVAL_MS = 1_000;
const DEFAULT_DEAD_LETTER_INTERVAL_MS = 5_000;
const SWEEP_INTERVAL_MS = 60_000;
const PROCESS_FUNCTION = 'precis-process';
/**
 * A backfill batch's Lambda context deadline. Locally the batches share the machine, so one takes far longer
 * than on AWS (60 s timeout there); the deadline only sets the idempotency records' in-progress expiry.
 */
const BACKFILL_BATCH_TIMEOUT_MS = 15 * 60_000;
/** How often the backfill engine looks for backfills POST /backfills recorded. */
const BACKFILL_PICK_UP_MS = 250;

/** The process function as the backfill state machine invokes it, with a batch of listed objects. */
export type BackfillBatchHandler = (
  event: BackfillBatchEvent,
  context: Context,
) => Promise<BackfillBatchReport>;

export interface Handlers {
  readonly process: SqsHandler;
  /** The process handler too, unless a test replaces it; loaded on the first backfill. */
  readonly backfillBatch: BackfillBatchHandler;
  readonly api: ApiHandler;
  readonly deadLetters: ScheduledHandler;
  readonly sweep: ScheduledHandler;
}

export interface LocalStackOptions {
  /** Where all state is kept (objects, messages, tables, the notification ledger). */
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly ports: { readonly s3: number; readonly dynamodb: number; readonly api: number };
  readonly visibilityTimeoutSeconds: number;
  /** Defaults to the handlers in functions/. */
  readonly handlers?: Partial<Handlers>;
  readonly notifyIntervalMs?: number;
  /** How often the dead-letter queue is read. */
  readonly deadLetterIntervalMs?: number;
  /** How long a Result may stay PENDING or PROCESSING; defaults to 10 visibility timeouts, at least 10 minutes. */
  readonly stuckAfterSeconds?: number;
  /** Before each retry of a failed backfill batch; the state machine's by default (5, 15, 45 s). */
  readonly backfillRetryDelaysMs?: readonly number[];
  readonly log: (message: string, details?: unknown) => void;
}

export interface Endpoints {
  readonly s3: string;
  readonly sqs: string;
  readonly dynamodb: string;
  readonly api: string;
}

export interface LocalStack {
  readonly endpoints: Endpoints;
  readonly ports: { readonly s3: number; readonly dynamodb: number; readonly api: number };
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly notifier: Notifier;
  /** The engine that resumed the backfills a stop or crash cut short, on start. */
  readonly backfills: LocalBackfills;
  /** ArticleProcessed and ArticleFailed as the process function sent them (also printed and in events.jsonl). */
  readonly events: readonly LocalEvent[];
  stop(): Promise<void>;
}

/** The environment that points the handlers' SDK clients at the emulators (read when they load). */
function handlerEnvironment(endpoints: Omit<Endpoints, 'api'>): Record<string, string> {
  return {
    [ENV.tableName]: LOCAL_NAMES.table,
    [ENV.idempotencyTableName]: LOCAL_NAMES.idempotencyTable,
    [ENV.bucketName]: LOCAL_NAMES.bucket,
    [ENV.s3ForcePathStyle]: 'true',
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    // Plain bodies instead of aws-chunked framing with trailing checksums: what emulators store faithfully.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  };
}

async function loadHandlers(overrides: Partial<Handlers> | undefined): Promise<Handlers> {
  return {
    process: overrides?.process ?? (await import('#functions/process.ts')).handler,
    backfillBatch:
      overrides?.backfillBatch ??
      (async (event, context) => (await import('#functions/process.ts')).handler(event, context)),
    api: overrides?.api ?? (await import('#functions/api.ts')).handler,
    deadLetters: overrides?.deadLetters ?? (await import('#functions/dead-letters.ts')).handler,
    sweep: overrides?.sweep ?? (await import('#functions/sweep.ts')).handler,
  };
}

/**
 * Locally a Result counts as stuck after 10 visibility timeouts (twice what its 5 receives can take), and
 * at least 10 minutes, so that a restart does not fail Results whose messages are about to come back.
 */
const localStuckAfterSeconds = (visibilityTimeoutSeconds: number) =>
  Math.max(600, 10 * visibilityTimeoutSeconds);

/** Stops what has started, last started first, and reports every failure. */
async function stopAll(steps: ReadonlyArray<() => Promise<void>>): Promise<void> {
  const errors: unknown[] = [];
  for (const step of [...steps].reverse()) {
    await step().catch((error: unknown) => errors.push(error));
  }
  if (errors.length > 0) throw new AggregateError(errors, 'The local stack did not stop cleanly');
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stops: Array<() => Promise<void>> = [];
  const onError = (error: unknown) => options.log('error', error);
  try {
    const lock = lockDataDir(options.dataDir);
    stops.push(async () => lock.release());
    // fauxqs on a port of its own, behind the proxy that gives incoming/ versions and a notification per write.
    const emulators = await startEmulators(options.dataDir, { ...options.ports, s3: 0 });
    stops.push(() => emulators.stop());
    const locks = new KeyLocks();
    let notifier: Notifier | undefined;
    const s3Proxy = await startS3Proxy({
      upstream: { host: LOOPBACK, port: emulators.ports.s3 },
      host: LOOPBACK,
      port: options.ports.s3,
      bucket: LOCAL_NAMES.bucket,
      prefix: INCOMING_PREFIX,
      locks,
      onObjectWritten: (key) => {
        if (notifier === undefined) throw new Error(`${key} was written before the notifier started`);
        return notifier.notifyWrite(key);
      },
      currentVersion: (key, eTag) => notifier?.currentVersion(key, eTag),
      onError,
    });
    stops.push(() => s3Proxy.close());
    const endpoints = {
      s3: s3Proxy.url,
      sqs: s3Proxy.url,
      dynamodb: emulators.dynamodbEndpoint,
    };
    Object.assign(process.env, handlerEnvironment(endpoints));
    const eventBus = await startLocalEventBus({
      host: LOOPBACK,
      port: 0,
      logFile: join(options.dataDir, 'events.jsonl'),
      log: options.log,
    });
    stops.push(() => eventBus.stop());
    Object.assign(process.env, {
      [ENV.eventBusName]: LOCAL_NAMES.eventBus,
      AWS_ENDPOINT_URL_EVENTBRIDGE: eventBus.endpoint,
    });

    const clientConfig = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const s3 = new S3Client({ ...clientConfig, endpoint: endpoints.s3, forcePathStyle: true });
    /** The emulator itself, for the notifier, which versions objects under the proxy's lock. */
    const emulatorS3 = new S3Client({
      ...clientConfig,
      endpoint: emulators.s3Endpoint,
      forcePathStyle: true,
    });
    const sqs = new SQSClient({ ...clientConfig, endpoint: endpoints.sqs });
    const dynamodb = new DynamoDBClient({ ...clientConfig, endpoint: endpoints.dynamodb });
    stops.push(async () => {
      for (const client of [s3, emulatorS3, sqs, dynamodb]) client.destroy();
    });

    const { queue, deadLetterQueue } = await bootstrap(
      { s3, sqs, dynamodb },
      {
        bucket: LOCAL_NAMES.bucket,
        queue: LOCAL_NAMES.queue,
        deadLetterQueue: LOCAL_NAMES.deadLetterQueue,
        maxReceiveCount: MAX_RECEIVE_COUNT,
        visibilityTimeoutSeconds: options.visibilityTimeoutSeconds,
        tables: [createTableInput(LOCAL_NAMES.table), idempotencyTableInput(LOCAL_NAMES.idempotencyTable)],
      },
    );
    if (lock.afterCrash) {
      // The last stack on this data was killed: drop the index entries dynalite may have left half-written.
      const report = await repairIndexes(dynamodb, LOCAL_NAMES.table);
      options.log(
        `after a crash: checked ${report.entriesChecked} index entries of ${report.table}, removed ${report.orphansRemoved} that no item backs`,
      );
    }
    Object.assign(process.env, {
      [ENV.deadLetterQueueUrl]: deadLetterQueue.url,
      [ENV.processQueueUrl]: queue.url,
      [ENV.stuckAfterSeconds]: String(
        options.stuckAfterSeconds ?? localStuckAfterSeconds(options.visibilityTimeoutSeconds),
      ),
    });
    const handlers = await loadHandlers(options.handlers);
    const store = createArticleStore(
      DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }),
      LOCAL_NAMES.table,
    );
    const viewerPages = createViewerPages({
      s3,
      prefix: INCOMING_PREFIX,
      bucket: createArticleBucket(s3, LOCAL_NAMES.bucket),
      store,
    });

    const api: ApiServer = await startApiServer({
      handler: (event, context) =>
        event.routeKey.startsWith('GET /view') ? viewerPages(event) : handlers.api(event, context),
      // $default last, as in infra: what no route fits reaches the handler, which answers 404 or 405.
      routes: [...API_ROUTES, ...VIEWER_ROUTES, DEFAULT_ROUTE],
      host: LOOPBACK,
      port: options.ports.api,
      functionName: 'precis-api',
      onError,
    });
    stops.push(() => api.close());

    const poller: Poller = createSqsPoller({
      sqs,
      queueUrl: queue.url,
      queueArn: queue.arn,
      region: LOCAL_REGION,
      handler: handlers.process,
      functionName: PROCESS_FUNCTION,
      batchSize: BATCH_SIZE,
      waitTimeSeconds: LONG_POLL_SECONDS,
      onError,
    });
    poller.start();
    stops.push(() => poller.stop());

    // The dead-letter consumer and the sweeper, on the schedules EventBridge runs them on in AWS (faster).
    const deadLetters = startSchedule({
      functionName: 'precis-dead-letters',
      handler: handlers.deadLetters,
      intervalMs: options.deadLetterIntervalMs ?? DEFAULT_DEAD_LETTER_INTERVAL_MS,
      runAtStart: true,
      onError,
    });
    stops.push(() => deadLetters.stop());
    const sweep = startSchedule({
      functionName: 'precis-sweep',
      handler: handlers.sweep,
      intervalMs: SWEEP_INTERVAL_MS,
      runAtStart: true,
      onError,
    });
    stops.push(() => sweep.stop());

    notifier = createNotifier({
      s3: emulatorS3,
      sqs,
      bucket: LOCAL_NAMES.bucket,
      prefix: INCOMING_PREFIX,
      queueUrl: queue.url,
      region: LOCAL_REGION,
      ledgerPath: join(options.dataDir, 'notified-objects.json'),
      intervalMs: options.notifyIntervalMs ?? DEFAULT_NOTIFY_INTERVAL_MS,
      locks,
      onError,
    });
    notifier.start();
    const started = notifier;
    stops.push(() => started.stop());

    // Backfills run the process handler on batches, as the state machine does; those a stop or crash cut
    // short are resumed where they stopped (shared/adapters/local-backfills.ts).
    const backfills = createLocalBackfills({
      s3,
      bucket: LOCAL_NAMES.bucket,
      invokeBatch: (items, id) =>
        handlers.backfillBatch(
          batchEventOf(items, LOCAL_NAMES.bucket, id),
          createLambdaContext(PROCESS_FUNCTION, BACKFILL_BATCH_TIMEOUT_MS),
        ),
      ...(options.backfillRetryDelaysMs === undefined
        ? {}
        : { retryDelaysMs: options.backfillRetryDelaysMs }),
      log: options.log,
    });
    stops.push(() => backfills.stop());
    const resumed = await backfills.resumeInterrupted();
    if (resumed.length > 0)
      options.log(`resumed ${resumed.length} interrupted backfills: ${resumed.join(', ')}`);
    // What Step Functions does on StartExecution: the api function records the backfill, the engine runs it.
    const pickUp = startSchedule({
      functionName: 'precis-backfills',
      handler: () => backfills.pickUpStarted(),
      intervalMs: BACKFILL_PICK_UP_MS,
      runAtStart: false,
      onError,
    });
    stops.push(() => pickUp.stop());

    return {
      endpoints: { ...endpoints, api: api.url },
      ports: { ...emulators.ports, s3: s3Proxy.port, api: api.port },
      queue,
      deadLetterQueue,
      notifier: started,
      backfills,
      events: eventBus.events,
      stop: () => stopAll(stops),
    };
  } catch (error) {
    await stopAll(stops).catch(onError);
    throw error;
  }
}
