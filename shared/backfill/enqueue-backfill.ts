import type { BackfillItem } from './backfill-item.ts';

/** What a local backfill did: objects listed under the prefix, skipped as current, and enqueued. */
export interface EnqueueReport {
  readonly prefix: string;
  readonly listed: number;
  readonly skipped: number;
  readonly enqueued: number;
}

export interface EnqueueBackfillDeps {
  /** Every object under the prefix, page by page, in key order (after `startAfter` when resuming). */
  readonly list: (prefix: string) => AsyncIterable<readonly BackfillItem[]>;
  readonly isCurrent: (item: BackfillItem) => Promise<boolean>;
  /** Puts the objects on the processing queue (as S3 event notifications), a page at a time. */
  readonly enqueue: (items: readonly BackfillItem[]) => Promise<void>;
  /** Checks of the table at once. */
  readonly concurrency: number;
  /** The counts so far, when a walk resumes where an interrupted one stopped. */
  readonly from?: EnqueueReport;
  /**
   * Called once every object of a page is enqueued or skipped, with the counts so far and the page's last key
   * (where a resumed walk starts after). The walk waits for it: it may record progress, or throw to stop.
   */
  readonly onPage?: (report: EnqueueReport, lastKey: string) => Promise<void> | void;
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
 * skips, again, anything processed in the meantime (so an object enqueued twice, by a walk resumed after a
 * crash, is processed once).
 */
export async function enqueueBackfill(prefix: string, deps: EnqueueBackfillDeps): Promise<EnqueueReport> {
  let report: EnqueueReport = deps.from ?? { prefix, listed: 0, skipped: 0, enqueued: 0 };
  for await (const page of deps.list(prefix)) {
    const last = page.at(-1);
    if (last === undefined) continue;
    const current = await currentFlags(page, deps);
    const stale = page.filter((_, index) => !current[index]);
    if (stale.length > 0) await deps.enqueue(stale);
    report = {
      prefix,
      listed: report.listed + page.length,
      skipped: report.skipped + page.length - stale.length,
      enqueued: report.enqueued + stale.length,
    };
    await deps.onPage?.(report, last.key);
  }
  return report;
}
