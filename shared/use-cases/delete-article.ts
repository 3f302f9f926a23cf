import type { ArticleBucket } from '../adapters/article-bucket.ts';
import type { ArticleStore } from '../adapters/article-store.ts';
import { NotFoundError } from '../errors.ts';
import { processedKeys } from './article-id.ts';
import { rehydrate } from './get-article.ts';

export interface DeleteArticleDeps {
  readonly bucket: ArticleBucket;
  readonly store: ArticleStore;
}

/** What DELETE did: `busy` when the article is being processed (what processing writes next would remain). */
export type DeleteOutcome = 'deleted' | 'busy';

/**
 * Removes everything precis keeps of an article: every version of its uploaded object, its processed/
 * objects (text, Result JSON, viewer page), its entity index entries and, last, the Result item with its list
 * entries. The Result goes last so a DELETE that fails half-way can be repeated and finds what is left. An
 * article PROCESSING is refused: processing would write its Result and processed/ objects again.
 */
export async function deleteArticle(id: string, deps: DeleteArticleDeps): Promise<DeleteOutcome> {
  const stored = await deps.store.get(id);
  if (stored === undefined) throw new NotFoundError(`No article with id ${id}`);
  if (stored.result.status === 'PROCESSING') return 'busy';
  const { bucket, key } = stored.result.source;
  if (key !== undefined && (bucket === undefined || bucket === deps.bucket.name)) {
    await deps.bucket.deleteAllVersions(key);
  }
  if (stored.result.status === 'DONE') {
    const result = await rehydrate(stored, deps.bucket);
    await deps.store.unindexEntities(result, {
      bucket: deps.bucket.name,
      key: key ?? '',
      order: stored.order ?? result.processedAt,
    });
  }
  await Promise.all(Object.values(processedKeys(id)).map((name) => deps.bucket.deleteAllVersions(name)));
  await deps.store.delete(id);
  return 'deleted';
}
