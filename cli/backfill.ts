import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  type BackfillRequest,
  backfillRequestSchema,
  DEFAULT_BACKFILL_CONCURRENCY,
  MAX_BACKFILL_CONCURRENCY,
} from '#shared/backfill/backfill-request.ts';
import type { BackfillStatus, Backfills } from '#shared/backfill/backfills.ts';
import { startBackfill } from '#shared/use-cases/start-backfill.ts';
import { LOCAL_ENV } from '../local/settings.ts';

/**
 * `precis backfill --prefix P`: reprocesses every object under a prefix with the current pipeline, skipping
 * what this pipeline version already processed, through the use case POST /backfills runs too
 * (shared/use-cases/start-backfill.ts). On the local stack (the default) it starts the backfill through the
 * local API (POST /backfills: the stack hands the objects to its process handler in batches, as the state
 * machine does on AWS) and follows it (GET /backfills/{id}) until it ends; on AWS (`--state-machine`,
 * the stack's BackfillStateMachineArn output) it starts the backfill state machine, and with `--wait` follows
 * it to the end.
 */

export const BACKFILL_USAGE = `Usage:
  precis backfill --prefix P [--concurrency N] [--state-machine ARN [--wait]]
      reprocesses every object under P (which starts with incoming/) with the current pipeline version,
      skipping the objects it already processed.
      Local stack (the default): POST /backfills to the local API on http://127.0.0.1:$PRECIS_API_PORT
      (3000), which reprocesses the objects in the background in batches of 50, N batches at a time, as on
      AWS; prints its progress until every object is processed or skipped, then the objects that did not
      end DONE (code, key, article id); exit 1 when more than 5% could not be processed.
      AWS: --state-machine is the stack's BackfillStateMachineArn output; starts a Step Functions
      Distributed Map of batches of 50 objects, N batches at a time (default ${DEFAULT_BACKFILL_CONCURRENCY}, at most
      ${MAX_BACKFILL_CONCURRENCY}), with credentials and region from the environment. --wait prints its progress
      every 10 s until it ends.`;

const POLL_MS = 10_000;
/** How often the local backfill is asked how it stands. */
const LOCAL_POLL_MS = 1_000;
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

/** The options of `precis backfill`, as `parseArgs` reads them. */
export const BACKFILL_OPTIONS = {
  prefix: { type: 'string' },
  concurrency: { type: 'string' },
  'state-machine': { type: 'string' },
  wait: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export class BackfillUsageError extends Error {
  override readonly name = 'BackfillUsageError';
}

export function parseBackfillArgs(argv: readonly string[]): BackfillOptions | 'help' {
  let values: {
    prefix?: string;
    concurrency?: string;
    'state-machine'?: string;
    wait?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({ args: [...argv], options: BACKFILL_OPTIONS }));
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

type Objects = NonNullable<BackfillStatus['objects']>;

const describeObjects = (prefix: string, objects: Objects) =>
  `${objects.listed} objects under ${prefix}: ${objects.processed} processed, ${objects.skipped} already processed by this pipeline version, ${objects.failed} could not be processed`;

/** One line per object that did not end DONE: its code, key and article id (or why it was not processed). */
const describeFailure = ({ code, key, id, message }: NonNullable<BackfillStatus['failures']>[number]) =>
  `${code} ${key}${id === undefined ? '' : ` (article ${id})`}${message === undefined ? '' : `: ${message}`}`;

/** The local API's answer as a status, or an Error saying what it answered instead. */
async function statusOf(response: Response, what: string): Promise<BackfillStatus> {
  const body = (await response.json().catch(() => ({}))) as BackfillStatus & { detail?: string };
  if (!response.ok)
    throw new Error(`${what} answered ${response.status}: ${body.detail ?? response.statusText}`);
  return body;
}

async function backfillLocally(request: BackfillRequest, io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const api = `http://127.0.0.1:${env[LOCAL_ENV.apiPort.name] || LOCAL_ENV.apiPort.fallback}`;
  const call = async (path: string, init?: RequestInit) => {
    try {
      return await fetch(`${api}${path}`, init);
    } catch (error) {
      throw new Error(`the local stack's API on ${api} does not answer (is \`npm start\` running?)`, {
        cause: error,
      });
    }
  };
  const started = await statusOf(
    await call('/backfills', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    }),
    'POST /backfills',
  );
  io.stderr.write(`precis backfill: ${started.id} ${started.status} (GET /backfills/${started.id})\n`);
  let status = started;
  let shown = '';
  while (status.status === 'RUNNING') {
    await sleep(LOCAL_POLL_MS);
    status = await statusOf(await call(`/backfills/${encodeURIComponent(started.id)}`), 'GET /backfills');
    const progress = status.objects === undefined ? '' : describeObjects(status.prefix, status.objects);
    if (progress !== shown) io.stderr.write(`precis backfill: ${progress}\n`);
    shown = progress;
  }
  const objects = status.objects ?? { listed: 0, processed: 0, failed: 0, skipped: 0 };
  io.stdout.write(`${describeObjects(status.prefix, objects)}\n`);
  for (const failure of status.failures ?? []) io.stdout.write(`${describeFailure(failure)}\n`);
  if (status.status === 'SUCCEEDED') return EXIT_OK;
  io.stderr.write(
    `precis backfill: ${status.id} ${status.status}${status.error ? `: ${status.error}` : ''}\n`,
  );
  return EXIT_FAILED;
}

const describeProgress = (status: BackfillStatus) => {
  const batches = status.batches;
  const counts =
    batches === undefined
      ? 'listing objects'
      : `${batches.succeeded + batches.failed} of ${batches.total} objects done (${batches.failed} in failed batches, ${batches.running} running)`;
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
