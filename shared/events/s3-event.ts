import * as z from 'zod';
import { InputError } from '../errors.ts';

/**
 * One S3 object named by an event notification, validated and with its key decoded. Everything inside the
 * system works on this; the raw notification JSON stays at the boundary.
 */
export interface S3ObjectRef {
  readonly bucket: string;
  /** The object key, URL-decoded (`+` is a space). */
  readonly key: string;
  readonly size?: number;
  /** The ETag without quotes. */
  readonly etag?: string;
  readonly versionId?: string;
  /** Orders events for the same key: a later PUT has a greater sequencer (compare padded to equal length). */
  readonly sequencer?: string;
  readonly eventName: string;
  readonly eventTime: string;
  /** Set on a REPROCESS_EVENT: when the reprocess was asked for (each request is processed once). */
  readonly reprocessRequestedAt?: string;
}

/**
 * The event name of the record POST /articles/{id}/reprocess queues: an S3 notification record of the stored
 * upload (its key, version and ETag, and its original event time and sequencer, so the Result keeps its place),
 * processed like a new upload.
 */
export const REPROCESS_EVENT = 'precis:Reprocess';

/** What one SQS message body holds: object references, or S3's one-off test message sent on subscription. */
export type S3Notification =
  | {
      readonly kind: 'objects';
      /** ObjectCreated records: the uploads to process. */
      readonly objects: readonly S3ObjectRef[];
      /** ObjectRemoved records: logged, nothing to process. */
      readonly removed: readonly S3ObjectRef[];
      /** Why each record that is not a valid S3 record was left out (the valid ones are kept). */
      readonly invalid: readonly string[];
    }
  | { readonly kind: 'test' };

const OBJECT_CREATED = /^(ObjectCreated:|precis:Reprocess$)/;
const OBJECT_REMOVED = /^ObjectRemoved:/;

const testEventSchema = z.object({ Event: z.literal('s3:TestEvent') });

const recordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  eventTime: z.string(),
  reprocessRequestedAt: z.string().optional(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

const notificationSchema = z.object({ Records: z.array(z.unknown()) });

/** S3 encodes keys in notifications like a form: `+` for a space, `%XX` for the rest. */
export function decodeS3Key(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch (error) {
    throw new InputError('INVALID_INPUT', `Object key is not valid URL encoding: ${encoded}`, {
      cause: error,
    });
  }
}

const unquote = (etag: string | undefined) => (etag === undefined ? undefined : etag.replace(/"/g, ''));

/**
 * Parses an SQS message body sent by an S3 event notification, record by record: ObjectCreated records are
 * uploads, ObjectRemoved ones are reported apart, and a malformed record is left out with its reason while
 * the others are kept. Throws InputError('INVALID_INPUT') when the body is not an S3 notification at all:
 * redelivering it cannot help.
 */
export function parseS3Notification(body: string): S3Notification {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new InputError('INVALID_INPUT', 'Message body is not JSON', { cause: error });
  }
  if (testEventSchema.safeParse(json).success) return { kind: 'test' };
  const parsed = notificationSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(
      'INVALID_INPUT',
      `Message body is not an S3 event notification: ${parsed.error.message}`,
    );
  }
  const objects: S3ObjectRef[] = [];
  const removed: S3ObjectRef[] = [];
  const invalid: string[] = [];
  parsed.data.Records.forEach((raw, index) => {
    const record = recordSchema.safeParse(raw);
    if (!record.success) {
      invalid.push(`record ${index}: ${record.error.message}`);
      return;
    }
    const { eventName } = record.data;
    if (!OBJECT_CREATED.test(eventName) && !OBJECT_REMOVED.test(eventName)) return;
    let ref: S3ObjectRef;
    try {
      ref = toObjectRef(record.data);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      invalid.push(`record ${index}: ${error.message}`);
      return;
    }
    (OBJECT_CREATED.test(eventName) ? objects : removed).push(ref);
  });
  return { kind: 'objects', objects, removed, invalid };
}

function toObjectRef(record: z.infer<typeof recordSchema>): S3ObjectRef {
  return {
    bucket: record.s3.bucket.name,
    key: decodeS3Key(record.s3.object.key),
    size: record.s3.object.size,
    etag: unquote(record.s3.object.eTag),
    versionId: record.s3.object.versionId || undefined,
    sequencer: record.s3.object.sequencer,
    eventName: record.eventName,
    eventTime: record.eventTime,
    ...(record.reprocessRequestedAt === undefined
      ? {}
      : { reprocessRequestedAt: record.reprocessRequestedAt }),
  };
}

/**
 * What names this upload in the event: the version id where the bucket keeps versions (the deployed bucket
 * does: every upload is its own version), else the ETag of the content the event announced, else the
 * sequencer. A duplicated event names the same upload; without versioning, the same content uploaded twice
 * to one key is one upload.
 */
export function eventVersion(ref: S3ObjectRef): string {
  return ref.versionId ?? ref.etag ?? ref.sequencer ?? ref.eventTime;
}

/** The idempotency key of an object event: bucket, key and version. */
export function objectVersionKey(ref: S3ObjectRef): string {
  return `${ref.bucket}/${ref.key}#${eventVersion(ref)}`;
}

/** The S3 notification (one record) that asks the process function to run the pipeline again on an upload. */
export function reprocessNotification(
  ref: Pick<S3ObjectRef, 'bucket' | 'key' | 'versionId' | 'etag' | 'size' | 'sequencer' | 'eventTime'>,
  requestedAt: string,
) {
  return {
    Records: [
      {
        eventSource: 'aws:s3',
        eventName: REPROCESS_EVENT,
        eventTime: ref.eventTime,
        reprocessRequestedAt: requestedAt,
        s3: {
          bucket: { name: ref.bucket },
          object: {
            key: encodeURIComponent(ref.key).replaceAll('%20', '+'),
            ...(ref.size === undefined ? {} : { size: ref.size }),
            ...(ref.etag === undefined ? {} : { eTag: ref.etag }),
            ...(ref.versionId === undefined ? {} : { versionId: ref.versionId }),
            ...(ref.sequencer === undefined ? {} : { sequencer: ref.sequencer }),
          },
        },
      },
    ],
  };
}
