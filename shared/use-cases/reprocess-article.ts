import type { ArticleStore } from '../adapters/article-store.ts';
import type { ProcessQueue } from '../adapters/process-queue.ts';
import { NotFoundError } from '../errors.ts';
import type { Accepted } from '../events/api-responses.ts';
import { historyAfter, withHistory } from '../limits/bound-result.ts';
import { placeholderResult } from './placeholder-result.ts';

export interface ReprocessArticleDeps {
  readonly store: ArticleStore;
  readonly queue: Pick<ProcessQueue, 'reprocess'>;
  readonly now?: () => Date;
}

/** What a reprocess request came to: `busy` while the article is PENDING or PROCESSING. */
export type ReprocessOutcome =
  | { readonly kind: 'accepted'; readonly accepted: Accepted }
  | { readonly kind: 'busy' };

/**
 * Runs the current pipeline again on the stored upload of an ended (DONE or FAILED) article: its Result
 * becomes PENDING, remembering the run it replaces in `history`, and the upload (its key and version) is
 * queued for the process function as a REPROCESS_EVENT record, which processes it as any upload (the
 * process function's own path, as a backfill does). A queue that refuses leaves the Result PENDING, which
 * the sweeper ends (TIMED_OUT) like any stuck one; the error reaches the client as a 503 to retry.
 */
export async function reprocessArticle(id: string, deps: ReprocessArticleDeps): Promise<ReprocessOutcome> {
  const stored = await deps.store.get(id);
  if (stored === undefined) throw new NotFoundError(`No article with id ${id}`);
  const { result } = stored;
  if (result.status !== 'DONE' && result.status !== 'FAILED') return { kind: 'busy' };
  const { bucket, key } = result.source;
  if (bucket === undefined || key === undefined) {
    throw new NotFoundError(`Article ${id} has no stored upload to process again`);
  }
  const now = (deps.now ?? (() => new Date()))();
  const order = stored.order ?? `${result.processedAt}#`;
  const [eventTime = result.processedAt, sequencer] = order.split('#');
  const placement = { bucket, key, order };
  const pending = withHistory(placeholderResult(id, 'PENDING', result.source, now), historyAfter(result));
  if (!(await deps.store.putReprocess(pending, placement, result))) return { kind: 'busy' };
  await deps.queue.reprocess(
    {
      bucket,
      key,
      eventTime,
      ...(sequencer ? { sequencer } : {}),
      ...(result.source.versionId === undefined ? {} : { versionId: result.source.versionId }),
      ...(result.source.etag === undefined ? {} : { etag: result.source.etag }),
      size: result.source.bytes,
    },
    now.toISOString(),
  );
  return { kind: 'accepted', accepted: { id, status: 'PENDING', key } };
}
