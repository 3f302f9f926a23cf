import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { NotFoundError, RejectedError } from '../errors.ts';
import { toAdapterError } from './aws-errors.ts';

/** What HeadObject tells us about an object before we decide to download it. */
export interface ObjectHead {
  readonly bytes: number;
  readonly contentType?: string;
  /** The object's Content-Language: a declared language wins over detection. */
  readonly contentLanguage?: string;
  /** The ETag without quotes. */
  readonly etag?: string;
  readonly versionId?: string;
  /** User metadata, keys lower-cased without the `x-amz-meta-` prefix. */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface PutOptions {
  readonly contentType: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /** The object's Content-Language: the language its sender declared, read back by the process function. */
  readonly contentLanguage?: string;
}

const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';
const PRECONDITION_FAILED = 412;

/** Which content a read must get: a version of the object, or the content with an ETag. */
export interface ReadPin {
  readonly versionId?: string;
  /** The ETag without quotes. */
  readonly ifMatch?: string;
}

const unquote = (etag: string | undefined) => etag?.replace(/"/g, '');

/**
 * The article bucket: raw uploads under incoming/, cleaned text under processed/. Presigned links are in
 * article-bucket-links.ts, so that only the functions that hand them out bundle the presigners.
 */
export function createArticleBucket(s3: S3Client, bucketName: string) {
  async function send<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toAdapterError(error, `${operation} s3://${bucketName}`);
    }
  }

  /**
   * The object's bytes; pinned to a version (`versionId`), or to the content with that ETag (`ifMatch`).
   * Throws NotFoundError when the object, that version or that content does not exist.
   */
  async function read(key: string, pin: ReadPin = {}): Promise<Uint8Array> {
    try {
      return await send(`GetObject ${key}`, async () => {
        const output = await s3.send(
          new GetObjectCommand({
            Bucket: bucketName,
            Key: key,
            VersionId: pin.versionId,
            IfMatch: pin.ifMatch === undefined ? undefined : `"${pin.ifMatch}"`,
          }),
        );
        return (await output.Body?.transformToByteArray()) ?? new Uint8Array();
      });
    } catch (error) {
      if (error instanceof RejectedError && error.status === PRECONDITION_FAILED) {
        throw new NotFoundError(`GetObject ${key}: the content with ETag ${pin.ifMatch} was replaced`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async function put(key: string, body: Uint8Array | string, options: PutOptions): Promise<void> {
    await send(`PutObject ${key}`, () =>
      s3.send(
        new PutObjectCommand({
          Bucket: bucketName,
          Key: key,
          Body: body,
          ContentType: options.contentType,
          ContentLanguage: options.contentLanguage,
          Metadata: options.metadata ? { ...options.metadata } : undefined,
        }),
      ),
    );
  }

  return {
    name: bucketName,

    /** Throws NotFoundError when the object (or that version) does not exist. */
    head: (key: string, versionId?: string): Promise<ObjectHead> =>
      send(`HeadObject ${key}`, async () => {
        const output = await s3.send(
          new HeadObjectCommand({ Bucket: bucketName, Key: key, VersionId: versionId }),
        );
        return {
          bytes: output.ContentLength ?? 0,
          contentType: output.ContentType,
          ...(output.ContentLanguage ? { contentLanguage: output.ContentLanguage } : {}),
          etag: unquote(output.ETag),
          versionId: output.VersionId,
          metadata: output.Metadata ?? {},
        };
      }),

    /** Throws NotFoundError when the object (or that version) does not exist. */
    read,
    readText: async (key: string): Promise<string> => new TextDecoder().decode(await read(key)),
    put,
    writeText: (key: string, text: string): Promise<void> =>
      put(key, text, { contentType: TEXT_CONTENT_TYPE }),
    /** Deletes an object; deleting one that does not exist succeeds, as in S3. */
    delete: async (key: string): Promise<void> => {
      await send(`DeleteObject ${key}`, () =>
        s3.send(new DeleteObjectCommand({ Bucket: bucketName, Key: key })),
      );
    },
    /**
     * Deletes every version of an object and its delete markers, which a versioned bucket would otherwise
     * keep; in a bucket without versions (the local emulator), the object itself.
     */
    deleteAllVersions: async (key: string): Promise<number> => {
      const versionIds: string[] = [];
      let markers: { KeyMarker?: string; VersionIdMarker?: string } | undefined = {};
      while (markers !== undefined) {
        const output = await send(`ListObjectVersions ${key}`, () =>
          s3.send(new ListObjectVersionsCommand({ Bucket: bucketName, Prefix: key, ...markers })),
        );
        for (const entry of [...(output.Versions ?? []), ...(output.DeleteMarkers ?? [])]) {
          if (entry.Key === key && entry.VersionId !== undefined) versionIds.push(entry.VersionId);
        }
        markers = output.IsTruncated
          ? { KeyMarker: output.NextKeyMarker, VersionIdMarker: output.NextVersionIdMarker }
          : undefined;
      }
      if (versionIds.length === 0) {
        await send(`DeleteObject ${key}`, () =>
          s3.send(new DeleteObjectCommand({ Bucket: bucketName, Key: key })),
        );
        return 0;
      }
      for (const VersionId of versionIds) {
        await send(`DeleteObject ${key} version ${VersionId}`, () =>
          s3.send(new DeleteObjectCommand({ Bucket: bucketName, Key: key, VersionId })),
        );
      }
      return versionIds.length;
    },
  };
}

export type ArticleBucket = ReturnType<typeof createArticleBucket>;
