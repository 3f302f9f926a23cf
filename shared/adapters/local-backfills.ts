import { randomUUID } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import type { BackfillItem } from '../backfill/backfill-item.ts';
import {
  BACKFILL_BATCH_SIZE,
  type BackfillRequest,
  backfillRetryDelaysSeconds,
} from '../backfill/backfill-request.ts';
import {
  type BackfillId,
  type BackfillStatus,
  type Backfills,
  backfillStatusSchema,
} from '../backfill/backfills.ts';
import type { BackfillBatchReport } from '../backfill/process-batch.ts';
import { runBackfill } from '../backfill/run-backfill.ts';
import { BACKFILL_REPORTS_PREFIX } from '../config.ts';
import { isAwsError, toAdapterError } from './aws-errors.ts';

/**
 * The local backfill, standing in for the Step Functions Distributed Map: POST /backfills records the
 * backfill as RUNNING (backfills/<id>/status.json in the bucket) and answers at once; the backfill goes on in
 * the background of the local stack's process. It lists the prefix and hands the objects, in batches of 50,
 * to the process function's own handler (`invokeBatch`: the event the state machine sends it), `concurrency`
 * batches at once, with the state machine's retries (shared/backfill/run-backfill.ts). So it ends as on AWS:
 * SUCCEEDED once every object it listed has been processed (or skipped as current), with the objects that
 * did not end DONE listed; FAILED past the tolerated share of objects it could not process.
 *
 * Whenever the batches up to some key have all ended, the status records the counts and that key. A backfill
 * cut short by a stopped or crashed stack stays RUNNING until the stack starts again and resumes it after that
 * key (resumeInterrupted): the batches in flight are handed over again, and the process handler skips what
 * they had processed. A listing or a status write that fails (after the SDK's retries) ends it FAILED with
 * `error` `WALK_FAILED: …`.
 */

export interface LocalBackfillDeps {
  readonly s3: S3Client;
  readonly bucket: string;
  /** The process function's handler on a batch event, as the state machine invokes it. */
  readonly invokeBatch: (items: readonly BackfillItem[], id: BackfillId) => Promise<BackfillBatchReport>;
  /** Before each retry of a failed batch; the state machine's by default (5, 15, 45 s). */
  readonly retryDelaysMs?: readonly number[];
  /** Where a backfill that failed or was superseded is reported (the status says it too). */
  readonly log?: (message: string, details?: unknown) => void;
}

export interface LocalBackfills extends Backfills {
  /** Runs the backfills recorded RUNNING, resuming those a stopped or crashed stack left; the ids it picked up. */
  resumeInterrupted(): Promise<BackfillId[]>;
  /** Runs the backfills the api function recorded since (createBackfillRecords); the ids it picked up. */
  pickUpStarted(): Promise<BackfillId[]>;
  /** Stops this engine's backfills once their batches in flight end (they stay RUNNING, to be resumed) and waits. */
  stop(): Promise<void>;
  /** Settles when this engine's backfills have ended (for tests). */
  idle(): Promise<void>;
}

/** The stable code of a backfill that could not list its objects or record its progress. */
export const WALK_FAILED = 'WALK_FAILED';

/** Keys per listing page (S3's most). */
const PAGE_SIZE = 1000;
const STATUS_FILE = 'status.json';

/** The status as kept in the bucket: what GET /backfills/{id} answers, plus the engine's own bookkeeping. */
const storedStatusSchema = backfillStatusSchema.extend({
  /** Which run owns the backfill: a resumed run takes it over, and the run it replaced stops. */
  runner: z.string().optional(),
  /** The last key of the batches that have all ended: a resumed run lists after it. */
  startAfter: z.string().optional(),
});
type StoredStatus = z.infer<typeof storedStatusSchema>;

const statusKey = (id: BackfillId) => `${BACKFILL_REPORTS_PREFIX}${id}/${STATUS_FILE}`;

/**
 * A status the former local backfill wrote (it enqueued the objects for the queue, and counted them as
 * `enqueued`): its enqueued objects were processed by the queue's handler, as far as it can tell.
 */
function fromEarlierVersion(stored: { objects?: Record<string, unknown> }): unknown {
  const objects = stored.objects;
  if (objects === undefined || !('enqueued' in objects)) return stored;
  const { enqueued, ...counts } = objects;
  return { ...stored, objects: { ...counts, processed: enqueued, failed: 0 } };
}

/** What the API answers: the stored status without the engine's bookkeeping. */
function publicStatus(stored: StoredStatus): BackfillStatus {
  const { runner: _runner, startAfter: _startAfter, ...status } = stored;
  return status;
}

async function* listPages(
  s3: S3Client,
  bucket: string,
  prefix: string,
  startAfter: string | undefined,
): AsyncIterable<BackfillItem[]> {
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        MaxKeys: PAGE_SIZE,
        ...(ContinuationToken === undefined ? { StartAfter: startAfter } : { ContinuationToken }),
      }),
    );
    yield (page.Contents ?? [])
      .filter((object) => object.Key !== undefined)
      .map((object) => ({
        bucket,
        key: object.Key as string,
        ...(object.ETag === undefined ? {} : { etag: object.ETag.replaceAll('"', '') }),
        ...(object.Size === undefined ? {} : { size: object.Size }),
        ...(object.LastModified === undefined ? {} : { lastModified: object.LastModified.toISOString() }),
      }));
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken !== undefined);
}

/** The backfill was stopped (the stack stops) or taken over (a resumed run owns it now). */
class WalkStoppedError extends Error {
  override readonly name = 'WalkStoppedError';
}

/** The backfills' statuses in the bucket (backfills/<id>/status.json). */
function statusFiles(s3: S3Client, bucket: string) {
  const read = async (id: BackfillId): Promise<StoredStatus | undefined> => {
    let body: string;
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: statusKey(id) }));
      body = (await object.Body?.transformToString()) ?? '{}';
    } catch (error) {
      if (isAwsError(error, 'NoSuchKey')) return undefined;
      throw toAdapterError(error, `GetObject ${statusKey(id)}`);
    }
    return storedStatusSchema.parse(fromEarlierVersion(JSON.parse(body)));
  };
  const write = async (status: StoredStatus): Promise<void> => {
    try {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: statusKey(status.id),
          Body: JSON.stringify(status),
          ContentType: 'application/json',
        }),
      );
    } catch (error) {
      throw toAdapterError(error, `PutObject ${statusKey(status.id)}`);
    }
  };
  /** The ids of every backfill recorded. */
  const ids = async (): Promise<BackfillId[]> => {
    const found: BackfillId[] = [];
    for await (const page of listPages(s3, bucket, BACKFILL_REPORTS_PREFIX, undefined)) {
      for (const { key } of page) {
        if (key.endsWith(`/${STATUS_FILE}`)) {
          found.push(key.slice(BACKFILL_REPORTS_PREFIX.length, -`/${STATUS_FILE}`.length));
        }
      }
    }
    return found;
  };
  return { read, write, ids };
}

const begin = (id: BackfillId, request: BackfillRequest): StoredStatus => ({
  id,
  status: 'RUNNING',
  prefix: request.prefix,
  concurrency: request.concurrency,
  startedAt: new Date().toISOString(),
  objects: { listed: 0, processed: 0, failed: 0, skipped: 0 },
  failures: [],
});

/**
 * What the api function does locally, as StartExecution and DescribeExecution on AWS: start records the
 * backfill RUNNING, for the local stack's engine to pick up and run (createLocalBackfills), and status reads it.
 */
export function createBackfillRecords(s3: S3Client, bucket: string): Backfills {
  const files = statusFiles(s3, bucket);
  return {
    start: async (id, request) => {
      const status = begin(id, request);
      await files.write(status);
      return publicStatus(status);
    },
    status: async (id) => {
      const stored = await files.read(id);
      return stored === undefined ? undefined : publicStatus(stored);
    },
  };
}

/** The local stack's engine: runs the backfills recorded in the bucket (see above). */
export function createLocalBackfills(deps: LocalBackfillDeps): LocalBackfills {
  const { read, write, ids } = statusFiles(deps.s3, deps.bucket);
  const runs = new Set<Promise<void>>();
  /** Backfills this engine has run or found ended, so that it reads each status only until then. */
  const known = new Set<BackfillId>();
  let stopping = false;

  /** Whether this run still owns the backfill: not stopping, and no resumed run took it over. */
  const stillOwned = async (status: StoredStatus): Promise<boolean> =>
    !stopping && (await read(status.id))?.runner === status.runner;

  const retryDelaysMs = deps.retryDelaysMs ?? backfillRetryDelaysSeconds().map((seconds) => seconds * 1000);

  const run = async (begun: StoredStatus): Promise<void> => {
    let status = begun;
    try {
      const outcome = await runBackfill({
        list: () => listPages(deps.s3, deps.bucket, begun.prefix, begun.startAfter),
        invokeBatch: (items) => deps.invokeBatch(items, begun.id),
        batchSize: BACKFILL_BATCH_SIZE,
        concurrency: begun.concurrency,
        retryDelaysMs,
        onRetry: (items, error, delayMs) =>
          deps.log?.(
            `Backfill ${begun.id}: the batch of ${items.length} objects from ${items[0]?.key} failed; retried in ${delayMs / 1000} s`,
            error instanceof Error ? error.message : error,
          ),
        ...(begun.objects === undefined
          ? {}
          : { from: { objects: begun.objects, failures: begun.failures ?? [] } }),
        onProgress: async ({ objects, failures }, lastKey) => {
          if (!(await stillOwned(status))) throw new WalkStoppedError(`Backfill ${status.id} stopped`);
          status = { ...status, objects, failures: [...failures], startAfter: lastKey };
          await write(status);
        },
      });
      if (!(await stillOwned(status))) return;
      const { startAfter: _done, ...ended } = status;
      await write({
        ...ended,
        status: outcome.status,
        objects: outcome.objects,
        failures: [...outcome.failures],
        ...(outcome.error === undefined ? {} : { error: outcome.error }),
      });
    } catch (error) {
      if (error instanceof WalkStoppedError) return;
      const message = error instanceof Error ? error.message : String(error);
      deps.log?.(`Backfill ${status.id} failed`, error);
      try {
        if (!(await stillOwned(status))) return;
        await write({ ...status, status: 'FAILED', error: `${WALK_FAILED}: ${message}` });
      } catch (writeError) {
        // The status stays RUNNING, and the next start of the stack resumes the backfill.
        deps.log?.(`Backfill ${status.id}: could not record its failure`, writeError);
      }
    }
  };

  const launch = async (status: StoredStatus): Promise<void> => {
    const claimed = { ...status, runner: randomUUID() };
    known.add(claimed.id);
    await write(claimed);
    const running = run(claimed);
    runs.add(running);
    void running.finally(() => runs.delete(running));
  };

  /** Runs the RUNNING backfills nobody runs yet: those just recorded and, with `interrupted`, those a stop or crash cut short. */
  const pickUp = async (interrupted: boolean): Promise<BackfillId[]> => {
    const picked: BackfillId[] = [];
    for (const id of await ids()) {
      if (known.has(id) || stopping) continue;
      const stored = await read(id).catch((error: unknown) => {
        if (!(error instanceof SyntaxError || error instanceof z.ZodError)) throw error;
        // Not JSON, or not a status: reported once, then left alone.
        known.add(id);
        deps.log?.(`Backfill ${id}: its status cannot be read`, error);
        return undefined;
      });
      if (stored?.status !== 'RUNNING') {
        known.add(id);
      } else if (stored.runner === undefined) {
        await launch(stored);
        picked.push(id);
      } else if (interrupted) {
        await launch({ ...stored, resumedAt: new Date().toISOString() });
        picked.push(id);
      }
    }
    return picked;
  };

  return {
    start: async (id, request) => {
      const status = begin(id, request);
      await launch(status);
      return publicStatus(status);
    },
    status: async (id) => {
      const stored = await read(id);
      return stored === undefined ? undefined : publicStatus(stored);
    },
    resumeInterrupted: () => pickUp(true),
    pickUpStarted: () => pickUp(false),
    stop: async () => {
      stopping = true;
      await Promise.allSettled([...runs]);
    },
    idle: async () => {
      while (runs.size > 0) await Promise.allSettled([...runs]);
    },
  };
}
