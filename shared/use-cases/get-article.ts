import type { ArticleBucket } from '../adapters/article-bucket.ts';
import type { ArticleStore, StoredArticle } from '../adapters/article-store.ts';
import { NotFoundError } from '../errors.ts';
import type { Result } from '../result.ts';

export interface ReadArticleDeps {
  readonly bucket: ArticleBucket;
  readonly store: ArticleStore;
}

/** A complete Result: what was kept only in S3 (large articles) is read back. */
export async function rehydrate(stored: StoredArticle, bucket: ArticleBucket): Promise<Result> {
  const { result, textKey, resultKey } = stored;
  if (resultKey !== undefined) {
    const whole = JSON.parse(await bucket.readText(resultKey)) as Omit<Result, 'text'> & { text?: string };
    if (whole.text !== undefined) return { ...whole, text: whole.text };
    return { ...whole, text: textKey === undefined ? '' : await bucket.readText(textKey) };
  }
  if (result.text !== undefined) return { ...result, text: result.text };
  return { ...result, text: textKey === undefined ? '' : await bucket.readText(textKey) };
}

/** The Result for an id (PENDING until processed). Throws NotFoundError for an unknown id. */
export async function getArticle(id: string, deps: ReadArticleDeps): Promise<Result> {
  const stored = await deps.store.get(id);
  if (stored === undefined) throw new NotFoundError(`No article with id ${id}`);
  return rehydrate(stored, deps.bucket);
}
