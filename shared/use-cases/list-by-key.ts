import type { Result } from '../result.ts';
import { type ReadArticleDeps, rehydrate } from './get-article.ts';

/** The Results for the object at this key of the article bucket, newest upload first. */
export async function listByKey(key: string, deps: ReadArticleDeps): Promise<Result[]> {
  const stored = await deps.store.listByKey(deps.bucket.name, key);
  return Promise.all(stored.map((article) => rehydrate(article, deps.bucket)));
}
