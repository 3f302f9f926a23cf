import type { ArticleStore } from '../adapters/article-store.ts';
import { PIPELINE_VERSION } from '../result-values.ts';
import type { BackfillItem } from './backfill-item.ts';

/** Terminal statuses: the object was processed, successfully or not. */
const TERMINAL = new Set(['DONE', 'FAILED']);

/**
 * Whether the object's current content already has a terminal Result from this pipeline version: then a
 * backfill skips it. One query of the table's byKey index per object; an object without an ETag (never
 * listed with one) is never skipped.
 */
export async function isProcessedByCurrentVersion(
  store: Pick<ArticleStore, 'listByKey'>,
  item: BackfillItem,
): Promise<boolean> {
  if (item.etag === undefined) return false;
  const results = await store.listByKey(item.bucket, item.key);
  return results.some(
    ({ result }) =>
      result.source.etag === item.etag &&
      result.pipelineVersion === PIPELINE_VERSION &&
      TERMINAL.has(result.status),
  );
}
