import type { ArticleBucket } from '../adapters/article-bucket.ts';
import type { ArticleStore } from '../adapters/article-store.ts';
import { removeProcessed, type WarningLogger } from './process-object.ts';

export interface SweepStuckDeps {
  readonly store: ArticleStore;
  readonly bucket: ArticleBucket;
  readonly logger: WarningLogger;
  /** How long a Result may stay PENDING or PROCESSING; longer than every retry of its message can take. */
  readonly stuckAfterMs: number;
  readonly now?: () => Date;
}

/**
 * The safety net behind the dead-letter consumer: a Result still PENDING or PROCESSING past the deadline
 * (its message lost, expired, or its dead letter missed) becomes FAILED with code TIMED_OUT. Only a Result
 * unchanged since it was listed is failed, so one that processing has just taken up again is left alone.
 * Resolves to the ids it failed.
 */
export async function sweepStuck(deps: SweepStuckDeps): Promise<string[]> {
  const now = (deps.now ?? (() => new Date()))();
  const before = new Date(now.getTime() - deps.stuckAfterMs).toISOString();
  const failed: string[] = [];
  for (const stuck of await deps.store.listInFlight(before)) {
    const error = {
      code: 'TIMED_OUT' as const,
      message: `Still ${stuck.status} ${Math.round(deps.stuckAfterMs / 60_000)} minutes after ${stuck.since}; no delivery finished it`,
    };
    if (!(await deps.store.failInFlight(stuck.id, error, { at: now, since: stuck.since }))) continue;
    await removeProcessed(stuck.id, deps.bucket);
    deps.logger.warn('Result failed: stuck past its deadline', { id: stuck.id, since: stuck.since });
    failed.push(stuck.id);
  }
  return failed;
}
