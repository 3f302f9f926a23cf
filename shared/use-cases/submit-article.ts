import type { ArticleBucket } from '../adapters/article-bucket.ts';
import type { ArticleStore } from '../adapters/article-store.ts';
import { INCOMING_PREFIX } from '../config.ts';
import { extensionFor, type Submission } from '../events/api-request.ts';
import {
  ARTICLE_ID_METADATA,
  newArticleId,
  SOURCE_URL_METADATA,
  SUMMARY_SENTENCES_METADATA,
  SUMMARY_WORDS_METADATA,
  uploadOrder,
} from './article-id.ts';
import { placeholderResult } from './placeholder-result.ts';

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
 * Stores the article under incoming/<id>.<ext> with its id and options in the object metadata (the upload's
 * event then processes it under that id, with those options), and records it as PENDING. The object goes
 * first: if processing wins the race, the PENDING write is refused and the newer status stands.
 */
export async function submitArticle(submission: Submission, deps: SubmitArticleDeps): Promise<Accepted> {
  const id = (deps.newId ?? newArticleId)();
  const now = (deps.now ?? (() => new Date()))();
  const key = `${INCOMING_PREFIX}${id}.${extensionFor(submission.contentType)}`;
  const metadata = {
    [ARTICLE_ID_METADATA]: id,
    ...(submission.url === undefined ? {} : { [SOURCE_URL_METADATA]: submission.url }),
    ...(submission.sentences === undefined
      ? {}
      : { [SUMMARY_SENTENCES_METADATA]: String(submission.sentences) }),
    ...(submission.words === undefined ? {} : { [SUMMARY_WORDS_METADATA]: String(submission.words) }),
  };
  await deps.bucket.put(key, submission.bytes, { contentType: submission.contentType, metadata });
  const source = {
    bucket: deps.bucket.name,
    key,
    contentType: submission.contentType,
    bytes: submission.bytes.byteLength,
  };
  await deps.store.putPending(placeholderResult(id, 'PENDING', source, now), {
    bucket: deps.bucket.name,
    key,
    order: uploadOrder({ eventTime: now.toISOString() }),
  });
  return { id, status: 'PENDING', key };
}
