import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import { createQueueBackfills } from '#shared/adapters/queue-backfills.ts';
import {
  type BackfillRequest,
  backfillRequestSchema,
  DEFAULT_BACKFILL_CONCURRENCY,
  MAX_BACKFILL_CONCURRENCY,
} from '#shared/backfill/backfill-request.ts';
import type { BackfillStatus, Backfills } from '#shared/backfill/backfills.ts';
import type { EnqueueReport } from '#shared/backfill/enqueue-backfill.ts';
import { startBackfill } from '#shared/use-cases/start-backfill.ts';
import { LOCAL_CREDENTIALS, LOCAL_ENV, LOCAL_NAMES, LOCAL_REGION } from '../local/settings.ts';
import { queueUrlOf } from './redrive.ts';

/**
 * `precis backfill --prefix P`: reprocesses every object under a prefix with the current pipeline, skipping
 * what this pipeline version already processed, through the use case POST /backfills runs too
 * (shared/use-cases/start-backfill.ts). On the local stack (the default) it walks the local bucket and
 * enqueues the objects for the local process handler; on AWS (`--state-machine`, the stack's
 * BackfillStateMachineArn output) it starts the backfill state machine, and with `--wait` follows it to the end.
 */

export const BACKFILL_USAGE = `Usage:
  precis backfill --prefix P [--concurrency N] [--state-machine ARN [--wait]]
      reprocesses every object under P (which starts with incoming/) with the current pipeline version,
      skipping the objects it already processed.
      Local stack (the default): walks the local bucket on http://127.0.0.1:$PRECIS_S3_PORT (4566) and
      enqueues the objects; the table is read on $PRECIS_DYNAMODB_PORT (8000).
      AWS: --state-machine is the stack's BackfillStateMachineArn output; starts a Step Functions
      Distributed Map of batches of 50 objects, N batches at a time (default ${DEFAULT_BACKFILL_CONCURRENCY}, at most
      ${MAX_BACKFILL_CONCURRENCY}), with credentials and region from the environment. --wait prints its progress
      every 10 s until it ends.`;

const POLL_MS = 10_000;
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

interface Io {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

interface BackfillOptions {
  readonly request: BackfillRequest;
  readonly stateMachineArn?: string;
  readonly wait: boolean;
}

class BackfillUsageError extends Error {
  override readonly name = 'BackfillUsageError';
}

function parseBackfillArgs(argv: readonly string[]): BackfillOptions | 'help' {
  let values: {
    prefix?: string;
    concurrency?: string;
    'state-machine'?: string;
    wait?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        prefix: { type: 'string' },
        concurrency: { type: 'string' },
        'state-machine': { type: 'string' },
        wait: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BackfillUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  if (values.prefix === undefined) throw new BackfillUsageError('--prefix is required');
  if (values.wait && values['state-machine'] === undefined) {
    throw new BackfillUsageError('--wait follows a backfill on AWS: give --state-machine');
  }
  const parsed = backfillRequestSchema.safeParse({
    prefix: values.prefix,
    ...(values.concurrency === undefined ? {} : { concurrency: Number(values.concurrency) }),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackfillUsageError(`--${issue?.path.join('.') ?? 'prefix'} ${issue?.message ?? 'is invalid'}`);
  }
  return {
    request: parsed.data,
    ...(values['state-machine'] === undefined ? {} : { stateMachineArn: values['state-machine'] }),
    wait: values.wait ?? false,
  };
}

const describeReport = (report: EnqueueReport) =>
  `${report.listed} objects under ${report.prefix}: ${report.skipped} already processed by this pipeline version, ${report.enqueued} enqueued`;

async function backfillLocally(request: BackfillRequest, io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const config = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const s3Endpoint = `http://127.0.0.1:${env[LOCAL_ENV.s3Port.name] || LOCAL_ENV.s3Port.fallback}`;
  const dynamodbEndpoint = `http://127.0.0.1:${env[LOCAL_ENV.dynamodbPort.name] || LOCAL_ENV.dynamodbPort.fallback}`;
  const s3 = new S3Client({ ...config, endpoint: s3Endpoint, forcePathStyle: true });
  const sqs = new SQSClient({ ...config, endpoint: s3Endpoint });
  const dynamodb = new DynamoDBClient({ ...config, endpoint: dynamodbEndpoint });
  try {
    const backfills = createQueueBackfills({
      s3,
      sqs,
      store: createArticleStore(DynamoDBDocumentClient.from(dynamodb), LOCAL_NAMES.table),
      bucket: LOCAL_NAMES.bucket,
      queueUrl: await queueUrlOf(sqs, LOCAL_NAMES.queue),
      region: LOCAL_REGION,
      onProgress: (partial) => io.stderr.write(`precis backfill: ${describeReport(partial)}\n`),
    });
    const status = await startBackfill(request, backfills);
    const objects = status.objects ?? { listed: 0, skipped: 0, enqueued: 0 };
    io.stderr.write(`precis backfill: ${status.id} ${status.status} (GET /backfills/${status.id})\n`);
    io.stdout.write(`${describeReport({ prefix: status.prefix, ...objects })}\n`);
    return EXIT_OK;
  } finally {
    for (const client of [s3, sqs, dynamodb]) client.destroy();
  }
}

const describeProgress = (status: BackfillStatus) => {
  const batches = status.batches;
  const counts =
    batches === undefined
      ? 'listing objects'
      : `${batches.succeeded + batches.failed} of ${batches.total} batches done (${batches.failed} failed, ${batches.running} running)`;
  return `${status.status}: ${counts}${status.error === undefined ? '' : `; ${status.error}`}`;
};

async function backfillOnAws(
  options: BackfillOptions & { readonly stateMachineArn: string },
  io: Io,
  connect: (stateMachineArn: string) => Promise<Backfills>,
): Promise<number> {
  const backfills = await connect(options.stateMachineArn);
  const started = await startBackfill(options.request, backfills);
  io.stdout.write(`started ${started.executionArn ?? started.id} (backfill ${started.id})\n`);
  if (!options.wait) return EXIT_OK;
  for (;;) {
    await sleep(POLL_MS);
    const status = await backfills.status(started.id);
    if (status === undefined) throw new Error(`Backfill ${started.id} is not there`);
    io.stderr.write(`precis backfill: ${describeProgress(status)}\n`);
    if (status.status !== 'RUNNING') {
      io.stdout.write(`${describeProgress(status)}\n`);
      return status.status === 'SUCCEEDED' ? EXIT_OK : EXIT_FAILED;
    }
  }
}

/** The Step Functions client, imported only for a backfill on AWS. */
async function connectToAws(stateMachineArn: string): Promise<Backfills> {
  const [{ SFNClient }, { createStepFunctionsBackfills }] = await Promise.all([
    import('@aws-sdk/client-sfn'),
    import('#shared/adapters/backfill-executions.ts'),
  ]);
  return createStepFunctionsBackfills(new SFNClient({}), stateMachineArn);
}

/** `precis backfill ...`: exit 0 when the backfill was started (and, with --wait, succeeded), 1 if not, 2 for bad usage. */
export async function backfillCommand(
  argv: readonly string[],
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
  connect: (stateMachineArn: string) => Promise<Backfills> = connectToAws,
): Promise<number> {
  let options: BackfillOptions | 'help';
  try {
    options = parseBackfillArgs(argv);
  } catch (error) {
    if (!(error instanceof BackfillUsageError)) throw error;
    io.stderr.write(`precis: ${error.message}\n\n${BACKFILL_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (options === 'help') {
    io.stdout.write(`${BACKFILL_USAGE}\n`);
    return EXIT_OK;
  }
  try {
    const { stateMachineArn } = options;
    return stateMachineArn === undefined
      ? await backfillLocally(options.request, io, env)
      : await backfillOnAws({ ...options, stateMachineArn }, io, connect);
  } catch (error) {
    io.stderr.write(`precis backfill: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}
