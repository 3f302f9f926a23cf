import { setTimeout as sleep } from 'node:timers/promises';
import type { BackfillItem } from './backfill-item.ts';
import { BACKFILL_TOLERATED_FAILURE_PERCENT } from './backfill-request.ts';
import type { BackfillCounts, BackfillFailure } from './backfills.ts';
import { BackfillBatchError, type BackfillBatchReport } from './process-batch.ts';

/**
 * The local backfill's engine, doing what the state machine's Distributed Map does on AWS: it cuts the listing
 * of a prefix into batches, hands each batch to the process function (`invokeBatch`, the very handler the
 * state machine invokes), `concurrency` batches at once, retries a failed batch as the state machine does
 * (the objects processed meanwhile are skipped then), and ends when every batch has ended: SUCCEEDED, or
 * FAILED when the objects it could not process are more than the tolerated share of those it listed.
 */

/** How far a backfill got: its object counts and the objects that did not end DONE. */
export interface BackfillProgress {
  readonly objects: BackfillCounts;
  /** The first MAX_LISTED_FAILURES of them. */
  readonly failures: readonly BackfillFailure[];
}

export interface RunBackfillDeps {
  /** Every object under the prefix, page by page, in key order (after the resumed key when resuming). */
  readonly list: () => AsyncIterable<readonly BackfillItem[]>;
  /** One batch through the process function; throws when it failed (BackfillBatchError: some objects failed). */
  readonly invokeBatch: (items: readonly BackfillItem[]) => Promise<BackfillBatchReport>;
  readonly batchSize: number;
  /** Batches in flight at once. */
  readonly concurrency: number;
  /** Milliseconds before each retry of a failed batch; its length is the number of retries. */
  readonly retryDelaysMs: readonly number[];
  /** Told of every failed attempt of a batch that will be retried. */
  readonly onRetry?: (items: readonly BackfillItem[], error: unknown, delayMs: number) => void;
  /** Where a resumed backfill's counts start. */
  readonly from?: BackfillProgress;
  /**
   * Called, one call at a time, whenever the batches up to some key have all ended, with the progress up to
   * that key (where a resumed backfill starts after). The backfill waits for it: it may record the progress,
   * or throw to stop the backfill (the batches in flight end first).
   */
  readonly onProgress?: (progress: BackfillProgress, lastKey: string) => Promise<void>;
}

/** How a backfill ended. */
export interface BackfillOutcome extends BackfillProgress {
  readonly status: 'SUCCEEDED' | 'FAILED';
  readonly error?: string;
}

/** Failures a backfill lists; the counts say how many there were. */
export const MAX_LISTED_FAILURES = 100;
/** What Step Functions calls a Map that failed more items than it tolerates. */
export const EXCEEDED_TOLERATED_FAILURES = 'States.ExceedToleratedFailureThreshold';
/** The code of an object a backfill could not process (no Result after the retries). */
const NOT_PROCESSED = 'RETRIES_EXHAUSTED';

const NO_PROGRESS: BackfillProgress = {
  objects: { listed: 0, processed: 0, failed: 0, skipped: 0 },
  failures: [],
};

interface Batch {
  readonly index: number;
  readonly items: readonly BackfillItem[];
}

async function* batchesOf(
  pages: AsyncIterable<readonly BackfillItem[]>,
  size: number,
): AsyncGenerator<Batch> {
  let index = 0;
  let pending: BackfillItem[] = [];
  for await (const page of pages) {
    pending.push(...page);
    while (pending.length >= size) {
      yield { index: index++, items: pending.slice(0, size) };
      pending = pending.slice(size);
    }
  }
  if (pending.length > 0) yield { index, items: pending };
}

/**
 * The report a batch that failed carries. By its name, not its class: the handler the engine invokes may
 * have been loaded as a module of its own (as the local stack loads the handlers).
 */
function reportOf(error: unknown): BackfillBatchReport | undefined {
  if (error instanceof BackfillBatchError) return error.report;
  const named = error as { name?: unknown; report?: BackfillBatchReport } | undefined;
  return named?.name === 'BackfillBatchError' ? named.report : undefined;
}

const messageOf = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * One batch to its end, with the state machine's retries: the objects processed in any attempt count as
 * processed, those the last attempt could not process as failed. When the invocation itself failed (no
 * report: a crash, a timeout), every object of the batch counts as failed, as a Distributed Map counts a
 * failed batch.
 */
async function runBatch(items: readonly BackfillItem[], deps: RunBackfillDeps): Promise<BackfillProgress> {
  let processed = 0;
  const failedResults: BackfillFailure[] = [];
  for (let attempt = 0; ; attempt++) {
    let report: BackfillBatchReport | undefined;
    let error: unknown;
    try {
      report = await deps.invokeBatch(items);
    } catch (thrown) {
      error = thrown;
      report = reportOf(thrown);
    }
    processed += report?.processed ?? 0;
    failedResults.push(...(report?.failedResults ?? []));
    const delay = deps.retryDelaysMs[attempt];
    if (error !== undefined && delay !== undefined) {
      deps.onRetry?.(items, error, delay);
      await sleep(delay);
      continue;
    }
    if (error !== undefined && report === undefined) {
      const message = messageOf(error);
      return {
        objects: { listed: items.length, processed: 0, failed: items.length, skipped: 0 },
        failures: items.map(({ key }) => ({ key, code: NOT_PROCESSED, message })),
      };
    }
    const failed = report?.failed ?? [];
    return {
      objects: {
        listed: items.length,
        processed,
        failed: failed.length,
        skipped: items.length - processed - failed.length,
      },
      failures: [
        ...failedResults,
        ...failed.map(({ key, message }) => ({ key, code: NOT_PROCESSED, message })),
      ],
    };
  }
}

const add = (a: BackfillProgress, b: BackfillProgress): BackfillProgress => ({
  objects: {
    listed: a.objects.listed + b.objects.listed,
    processed: a.objects.processed + b.objects.processed,
    failed: a.objects.failed + b.objects.failed,
    skipped: a.objects.skipped + b.objects.skipped,
  },
  failures: [...a.failures, ...b.failures].slice(0, MAX_LISTED_FAILURES),
});

/** Whether more objects failed than the state machine tolerates (toleratedFailurePercentage). */
export const exceedsTolerance = ({ listed, failed }: BackfillCounts): boolean =>
  failed * 100 > listed * BACKFILL_TOLERATED_FAILURE_PERCENT;

/** Runs a backfill over the listing to its end (see the top of this file). */
export async function runBackfill(deps: RunBackfillDeps): Promise<BackfillOutcome> {
  const batches = batchesOf(deps.list(), deps.batchSize);
  let progress = deps.from ?? NO_PROGRESS;
  /** Batches that ended after one still in flight: their progress is recorded once those before them end. */
  const ended = new Map<number, { progress: BackfillProgress; lastKey: string }>();
  let nextToRecord = 0;
  let recording: Promise<void> = Promise.resolve();
  let stopped = false;

  const record = async () => {
    let lastKey: string | undefined;
    for (let next = ended.get(nextToRecord); next !== undefined; next = ended.get(nextToRecord)) {
      ended.delete(nextToRecord++);
      progress = add(progress, next.progress);
      lastKey = next.lastKey;
    }
    if (lastKey !== undefined) await deps.onProgress?.(progress, lastKey);
  };

  const worker = async () => {
    while (!stopped) {
      const next = await batches.next();
      if (next.done) return;
      const { index, items } = next.value;
      ended.set(index, { progress: await runBatch(items, deps), lastKey: items.at(-1)?.key ?? '' });
      recording = recording.then(record);
      await recording.catch((error: unknown) => {
        stopped = true;
        throw error;
      });
    }
  };
  const workers = await Promise.allSettled(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
  const failure = workers.find((worker) => worker.status === 'rejected');
  if (failure !== undefined) throw failure.reason;

  const { objects } = progress;
  if (!exceedsTolerance(objects)) return { status: 'SUCCEEDED', ...progress };
  return {
    status: 'FAILED',
    ...progress,
    error: `${EXCEEDED_TOLERATED_FAILURES}: ${objects.failed} of ${objects.listed} objects could not be processed, more than the ${BACKFILL_TOLERATED_FAILURE_PERCENT}% tolerated`,
  };
}
