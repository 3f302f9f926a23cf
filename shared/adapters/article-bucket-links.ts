import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type ArticleBucket, createArticleBucket } from './article-bucket.ts';

export interface PresignPostOptions {
  readonly contentType: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly maxBytes: number;
  readonly expiresIn: number;
}

/**
 * Presigned links to the article bucket, signed locally (no request is made). Apart from article-bucket.ts
 * so that the process function's bundle leaves out both presigners; the api function hands links out.
 */
export interface BucketLinks {
  /**
   * A presigned POST (browser-form upload) of one object: the policy pins the key, Content-Type and user
   * metadata, and allows 1 to `maxBytes` bytes; S3 refuses any other upload with it.
   */
  presignPost(
    key: string,
    options: PresignPostOptions,
  ): Promise<{ url: string; fields: Record<string, string> }>;
  /** A presigned GET of an object, valid for `expiresIn` seconds. */
  presignGet(key: string, expiresIn: number): Promise<string>;
}

/** The article bucket with its presigned links. */
export type LinkingArticleBucket = ArticleBucket & BucketLinks;

export function createBucketLinks(s3: S3Client, bucketName: string): BucketLinks {
  return {
    presignPost: (key, options) => {
      const metadataFields = Object.fromEntries(
        Object.entries(options.metadata).map(([name, value]) => [`x-amz-meta-${name}`, value]),
      );
      return createPresignedPost(s3, {
        Bucket: bucketName,
        Key: key,
        Fields: { 'Content-Type': options.contentType, ...metadataFields },
        Conditions: [
          ['content-length-range', 1, options.maxBytes],
          ...Object.entries({ 'Content-Type': options.contentType, ...metadataFields }).map(
            ([name, value]) => ['eq', `$${name}`, value] as ['eq', string, string],
          ),
        ],
        Expires: options.expiresIn,
      });
    },
    presignGet: (key, expiresIn) =>
      getSignedUrl(s3, new GetObjectCommand({ Bucket: bucketName, Key: key }), { expiresIn }),
  };
}

export function createLinkingArticleBucket(s3: S3Client, bucketName: string): LinkingArticleBucket {
  return { ...createArticleBucket(s3, bucketName), ...createBucketLinks(s3, bucketName) };
}
