import type { ArticleBucket } from '../adapters/article-bucket.ts';
import type { ArticleStore } from '../adapters/article-store.ts';
import type { Submission } from '../events/api-request.ts';
import { newArticle, recordPending } from './new-article.ts';

export interface SubmitArticleDeps {
  readonly bucket: ArticleBucket;
  readonly store: ArticleStore;
  readonly newId?: () => string;
  readonly now?: () => Date;
}

export interface Accepted {
  readonly id: string;
  readonly status: 'PENDING';
  readonly key: string;
}

/**
 * Stores the article under incoming/<id>.<ext> with its id and options in the object metadata and its declared
 * language as the object's Content-Language (the upload's event then processes it under that id, with those
 * options and that language), and records it as PENDING. The object goes
 * first: if processing wins the race, the PENDING write is refused and the newer status stands.
 */
export async function submitArticle(submission: Submission, deps: SubmitArticleDeps): Promise<Accepted> {
  const article = newArticle(submission, deps);
  const { id, key, metadata } = article;
  await deps.bucket.put(key, submission.bytes, {
    contentType: submission.contentType,
    metadata,
    ...(submission.language === undefined ? {} : { contentLanguage: submission.language }),
  });
  await recordPending(deps.store, deps.bucket.name, article, {
    bucket: deps.bucket.name,
    key,
    contentType: submission.contentType,
    bytes: submission.bytes.byteLength,
  });
  return { id, status: 'PENDING', key };
}
