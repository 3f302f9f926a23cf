import type { S3ObjectRef } from '../events/s3-event.ts';
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

type ItemOutcome = 'processed' | 'skipped' | 'ignored' | { key: string; message: string };

async function processItem(item: BackfillItem, deps: BackfillBatchDeps): Promise<ItemOutcome> {
  try {
    if (await deps.isCurrent(item)) return 'skipped';
    const outcome = await deps.processOne(refOf(item, deps.now?.() ?? new Date()));
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
  return {
    items: items.length,
    processed: count('processed'),
    skipped: count('skipped'),
    ignored: count('ignored'),
    failed: outcomes.filter((outcome) => typeof outcome === 'object'),
  };
}
