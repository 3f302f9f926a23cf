import type { BackfillItem } from './backfill-item.ts';

/** What a local backfill did: objects listed under the prefix, skipped as current, and enqueued. */
export interface EnqueueReport {
  readonly prefix: string;
  readonly listed: number;
  readonly skipped: number;
  readonly enqueued: number;
}

export interface EnqueueBackfillDeps {
  /** Every object under the prefix, page by page. */
  readonly list: (prefix: string) => AsyncIterable<readonly BackfillItem[]>;
  readonly isCurrent: (item: BackfillItem) => Promise<boolean>;
  /** Puts the objects on the processing queue (as S3 event notifications), a page at a time. */
  readonly enqueue: (items: readonly BackfillItem[]) => Promise<void>;
  /** Checks of the table at once. */
  readonly concurrency: number;
  readonly onProgress?: (report: EnqueueReport) => void;
}

async function currentFlags(items: readonly BackfillItem[], deps: EnqueueBackfillDeps): Promise<boolean[]> {
  const flags: boolean[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      flags[index] = await deps.isCurrent(items[index] as BackfillItem);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency, items.length)) }, worker));
  return flags;
}

/**
 * The local backfill: walks the bucket under `prefix` and enqueues every object the current pipeline
 * version has not processed, for the same queue, poller and process handler as an upload. The handler
 * skips, again, anything processed in the meantime.
 */
export async function enqueueBackfill(prefix: string, deps: EnqueueBackfillDeps): Promise<EnqueueReport> {
  let report: EnqueueReport = { prefix, listed: 0, skipped: 0, enqueued: 0 };
  for await (const page of deps.list(prefix)) {
    const current = await currentFlags(page, deps);
    const stale = page.filter((_, index) => !current[index]);
    if (stale.length > 0) await deps.enqueue(stale);
    report = {
      prefix,
      listed: report.listed + page.length,
      skipped: report.skipped + page.length - stale.length,
      enqueued: report.enqueued + stale.length,
    };
    deps.onProgress?.(report);
  }
  return report;
}
