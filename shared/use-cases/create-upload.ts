import type { ArticleBucket } from '../adapters/article-bucket.ts';
import type { ArticleStore } from '../adapters/article-store.ts';
import { INCOMING_PREFIX } from '../config.ts';
import { extensionFor } from '../events/api-request.ts';
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

/** How long a presigned upload can be used. */
export const UPLOAD_EXPIRY_SECONDS = 900;

export interface UploadRequest extends SummaryLength {
  readonly contentType: string;
  readonly url?: string;
}

export interface CreateUploadDeps {
  readonly bucket: ArticleBucket;
  readonly store: ArticleStore;
  readonly maxInputBytes: number;
  readonly newId?: () => string;
  readonly now?: () => Date;
}

export interface Upload {
  readonly id: string;
  readonly status: 'PENDING';
  readonly key: string;
  readonly upload: {
    readonly method: 'POST';
    readonly url: string;
    readonly fields: Record<string, string>;
    readonly maxBytes: number;
    readonly expiresAt: string;
  };
}

/**
 * A presigned S3 POST for one article under incoming/<id>.<ext>: the policy fixes the key, the Content-Type,
 * the metadata that carries the id and options, and a content-length-range of 1 byte to MAX_INPUT_BYTES, so
 * S3 itself refuses anything else. The article is recorded as PENDING; the upload's event then processes it
 * under that id, like any upload.
 */
export async function createUpload(request: UploadRequest, deps: CreateUploadDeps): Promise<Upload> {
  const id = (deps.newId ?? newArticleId)();
  const now = (deps.now ?? (() => new Date()))();
  const key = `${INCOMING_PREFIX}${id}.${extensionFor(request.contentType)}`;
  const metadata = {
    [ARTICLE_ID_METADATA]: id,
    ...(request.url === undefined ? {} : { [SOURCE_URL_METADATA]: request.url }),
    ...(request.sentences === undefined ? {} : { [SUMMARY_SENTENCES_METADATA]: String(request.sentences) }),
    ...(request.words === undefined ? {} : { [SUMMARY_WORDS_METADATA]: String(request.words) }),
  };
  const post = await deps.bucket.presignPost(key, {
    contentType: request.contentType,
    metadata,
    maxBytes: deps.maxInputBytes,
    expiresIn: UPLOAD_EXPIRY_SECONDS,
  });
  const source = { bucket: deps.bucket.name, key, contentType: request.contentType, bytes: 0 };
  await deps.store.putPending(placeholderResult(id, 'PENDING', source, now), {
    bucket: deps.bucket.name,
    key,
    order: uploadOrder({ eventTime: now.toISOString() }),
  });
  return {
    id,
    status: 'PENDING',
    key,
    upload: {
      method: 'POST',
      url: post.url,
      fields: post.fields,
      maxBytes: deps.maxInputBytes,
      expiresAt: new Date(now.getTime() + UPLOAD_EXPIRY_SECONDS * 1_000).toISOString(),
    },
  };
}
