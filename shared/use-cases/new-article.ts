import type { ArticleStore } from '../adapters/article-store.ts';
import { INCOMING_PREFIX } from '../config.ts';
import { extensionFor } from '../events/api-request.ts';
import type { Source } from '../result.ts';
import type { SummaryLength } from '../summarise/summary-length.ts';
import {
  ARTICLE_ID_METADATA,
  newArticleId,
  SOURCE_URL_METADATA,
  SUMMARY_SENTENCES_METADATA,
  SUMMARY_WORDS_METADATA,
  uploadOrder,
} from './article-id.ts';
import { placeholderResult } from './placeholder-result.ts';

/** What a client sends with an article it submits or is about to upload. */
export interface ArticleOptions extends SummaryLength {
  readonly contentType: string;
  readonly url?: string;
}

/** An article the API accepted: its id, its key under incoming/, and the object metadata it travels with. */
export interface NewArticle {
  readonly id: string;
  readonly now: Date;
  readonly key: string;
  readonly metadata: Record<string, string>;
}

/**
 * Names a new article: a fresh id, incoming/<id>.<ext>, and the metadata that carries the id and options, so
 * the upload's event processes it under that id with those options.
 */
export function newArticle(
  options: ArticleOptions,
  deps: { readonly newId?: () => string; readonly now?: () => Date },
): NewArticle {
  const id = (deps.newId ?? newArticleId)();
  const now = (deps.now ?? (() => new Date()))();
  const key = `${INCOMING_PREFIX}${id}.${extensionFor(options.contentType)}`;
  const metadata = {
    [ARTICLE_ID_METADATA]: id,
    ...(options.url === undefined ? {} : { [SOURCE_URL_METADATA]: options.url }),
    ...(options.sentences === undefined ? {} : { [SUMMARY_SENTENCES_METADATA]: String(options.sentences) }),
    ...(options.words === undefined ? {} : { [SUMMARY_WORDS_METADATA]: String(options.words) }),
  };
  return { id, now, key, metadata };
}

/** Records the new article as PENDING, in upload order from the time it was accepted. */
export async function recordPending(
  store: ArticleStore,
  bucket: string,
  article: NewArticle,
  source: Source,
): Promise<void> {
  await store.putPending(placeholderResult(article.id, 'PENDING', source, article.now), {
    bucket,
    key: article.key,
    order: uploadOrder({ eventTime: article.now.toISOString() }),
  });
}
