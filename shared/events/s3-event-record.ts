import type { S3EventRecord } from 'aws-lambda';

/**
 * An S3 event notification record shaped exactly as S3 sends it, for an object the local stack notifies (an
 * upload through its S3 proxy).
 */

export interface NotifiedObject {
  readonly key: string;
  readonly size: number;
  /** Without the quotes S3 puts around it in HTTP headers. */
  readonly eTag: string;
  readonly versionId?: string;
  readonly lastModified: Date;
  readonly sequencer: string;
}

/** ETags of multipart uploads end in -<number of parts>. */
const MULTIPART_ETAG = /-\d+$/;
/** Characters that Java's URLEncoder, which S3 uses for event keys, leaves as they are. */
const UNESCAPED_KEY_CHARACTERS = /^[A-Za-z0-9.\-*_/]$/;
const LOCAL_PRINCIPAL = 'AWS:LOCAL';

/**
 * Encodes a key as S3 does in event notifications: form encoding (space as '+', other bytes as %XX of their
 * UTF-8), slashes kept.
 */
export function encodeEventKey(key: string): string {
  return Array.from(key, (character) => {
    if (character === ' ') return '+';
    if (UNESCAPED_KEY_CHARACTERS.test(character)) return character;
    return Array.from(
      Buffer.from(character, 'utf8'),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    ).join('');
  }).join('');
}

export function buildS3EventRecord(bucket: string, region: string, object: NotifiedObject): S3EventRecord {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: object.lastModified.toISOString(),
    eventName: MULTIPART_ETAG.test(object.eTag)
      ? 'ObjectCreated:CompleteMultipartUpload'
      : 'ObjectCreated:Put',
    userIdentity: { principalId: LOCAL_PRINCIPAL },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': object.sequencer, 'x-amz-id-2': 'local' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'precis-incoming',
      bucket: {
        name: bucket,
        ownerIdentity: { principalId: LOCAL_PRINCIPAL },
        arn: `arn:aws:s3:::${bucket}`,
      },
      object: {
        key: encodeEventKey(object.key),
        size: object.size,
        eTag: object.eTag,
        ...(object.versionId === undefined ? {} : { versionId: object.versionId }),
        sequencer: object.sequencer,
      },
    },
  };
}
