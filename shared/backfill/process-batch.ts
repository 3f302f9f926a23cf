import type { S3ObjectRef } from '../events/s3-event.ts';
import type { ErrorCode } from '../result.ts';
import type { ProcessOutcome } from '../use-cases/process-object.ts';
import type { BackfillItem } from './backfill-item.ts';
import { refOf } from './backfill-item.ts';

/** What one batch of a backfill came to. */
export interface BackfillBatchReport {
  readonly items: number;
  /** A Result was stored (DONE, or FAILED for unusable input). */
  readonly processed: number;
  /** Already processed by the current pipeline version (or by a copy of this event in flight). */
  readonly skipped: number;
  /** Not an article object (outside incoming/, a folder marker). */
  readonly ignored: number;
  /** Objects that failed for a reason a retry may fix (a dependency); the batch is retried for them. */
  readonly failed: readonly { readonly key: string; readonly message: string }[];
  /** The processed objects whose new Result is FAILED (unusable input): final, listed in the backfill's report. */
  readonly failedResults: readonly FailedResult[];
}

/** An object a backfill processed into a FAILED Result. */
export interface FailedResult {
  readonly id: string;
  readonly key: string;
  readonly code: ErrorCode;
}

/**
 * Some objects of a backfill batch failed for a reason a retry may fix. Step Functions retries the batch (the
 * objects processed meanwhile are skipped then), and past its retries counts the batch as failed; the local
 * backfill, which invokes the handler in its own process, reads the batch's report from it.
 */
export class BackfillBatchError extends Error {
  override readonly name = 'BackfillBatchError';
  public constructor(
    message: string,
    public readonly report: BackfillBatchReport,
  ) {
    super(message);
  }
}

export interface BackfillBatchDeps {
  /** Whether the object's current content already has a Result from this pipeline version. */
  readonly isCurrent: (item: BackfillItem) => Promise<boolean>;
  /** The process function's own path for one object (processObject, behind its idempotency). */
  readonly processOne: (ref: S3ObjectRef) => Promise<ProcessOutcome>;
  /** Objects in flight at once: the pipeline is synchronous CPU work, so this overlaps only the I/O. */
  readonly concurrency: number;
  readonly now?: () => Date;
}

type ItemOutcome =
  | 'processed'
  | 'skipped'
  | 'ignored'
  | { readonly failedResult: FailedResult }
  | { readonly key: string; readonly message: string };

async function processItem(item: BackfillItem, deps: BackfillBatchDeps): Promise<ItemOutcome> {
  try {
    if (await deps.isCurrent(item)) return 'skipped';
    const outcome = await deps.processOne(refOf(item, deps.now?.() ?? new Date()));
    if (outcome.kind === 'stored' && outcome.status === 'FAILED') {
      return { failedResult: { id: outcome.id, key: item.key, code: outcome.code ?? 'INTERNAL' } };
    }
    if (outcome.kind === 'stored') return 'processed';
    return outcome.kind === 'duplicate' ? 'skipped' : 'ignored';
  } catch (error) {
    return {
      key: item.key,
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

/**
 * Reprocesses a batch of listed objects through the process function's own path, skipping those the current
 * pipeline version already processed. Every object is tried; failures are collected, not thrown, so one bad
 * dependency call does not cost the rest of the batch.
 */
export async function processBackfillBatch(
  items: readonly BackfillItem[],
  deps: BackfillBatchDeps,
): Promise<BackfillBatchReport> {
  const outcomes: ItemOutcome[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      outcomes[index] = await processItem(items[index] as BackfillItem, deps);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency, items.length)) }, worker));
  const count = (kind: ItemOutcome) => outcomes.filter((outcome) => outcome === kind).length;
  const failedResults = outcomes.flatMap((outcome) =>
    typeof outcome === 'object' && 'failedResult' in outcome ? [outcome.failedResult] : [],
  );
  return {
    items: items.length,
    processed: count('processed') + failedResults.length,
    skipped: count('skipped'),
    ignored: count('ignored'),
    failed: outcomes.flatMap((outcome) =>
      typeof outcome === 'object' && 'message' in outcome ? [outcome] : [],
    ),
    failedResults,
  };
}
