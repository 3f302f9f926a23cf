import type { LinkingArticleBucket } from '../adapters/article-bucket-links.ts';
import type { ArticleStore } from '../adapters/article-store.ts';
import { type ArticleOptions, newArticle, recordPending } from './new-article.ts';

/** How long a presigned upload can be used. */
export const UPLOAD_EXPIRY_SECONDS = 900;

export type UploadRequest = ArticleOptions;

export interface CreateUploadDeps {
  readonly bucket: LinkingArticleBucket;
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
  const article = newArticle(request, deps);
  const { id, now, key, metadata } = article;
  const post = await deps.bucket.presignPost(key, {
    contentType: request.contentType,
    metadata,
    maxBytes: deps.maxInputBytes,
    expiresIn: UPLOAD_EXPIRY_SECONDS,
  });
  await recordPending(deps.store, deps.bucket.name, article, {
    bucket: deps.bucket.name,
    key,
    contentType: request.contentType,
    bytes: 0,
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
