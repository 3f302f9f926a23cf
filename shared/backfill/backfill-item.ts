import * as z from 'zod';
import type { S3ObjectRef } from '../events/s3-event.ts';

/** One object a backfill reprocesses: where it is and which content (ETag) it has now. */
export interface BackfillItem {
  readonly bucket: string;
  readonly key: string;
  /** The ETag without quotes. */
  readonly etag?: string;
  readonly size?: number;
  /** When the object was last written (ISO 8601): it orders the Result among the key's uploads, like an event's time. */
  readonly lastModified?: string;
}

/** The event name a backfill's object references carry, in logs and metrics. */
export const BACKFILL_EVENT = 'precis:Backfill';

/**
 * An item as a Step Functions Distributed Map reads it from S3 (ListObjectsV2: `Key`, `Etag` with its
 * quotes, `Size`, `LastModified`, `StorageClass`); `ETag` is accepted too.
 */
const listedObjectSchema = z.object({
  Key: z.string().min(1),
  Etag: z.string().optional(),
  ETag: z.string().optional(),
  Size: z.number().int().nonnegative().optional(),
  /** Epoch seconds in Step Functions' listing; an ISO 8601 string is accepted too. */
  LastModified: z.union([z.number().nonnegative(), z.iso.datetime({ offset: true })]).optional(),
});

/**
 * What the state machine hands the process function: a batch of listed objects (ItemBatcher's `Items`) and
 * the batch input it adds (`BatchInput`: the bucket and the execution, for reports).
 */
export const backfillBatchSchema = z.object({
  Items: z.array(listedObjectSchema).max(1000),
  BatchInput: z.object({ bucket: z.string().min(1), execution: z.string().optional() }),
});

export type BackfillBatchEvent = z.infer<typeof backfillBatchSchema>;

export const isBackfillBatch = (event: unknown): event is BackfillBatchEvent =>
  typeof event === 'object' && event !== null && 'Items' in event && 'BatchInput' in event;

const unquote = (etag: string) => etag.replaceAll('"', '');

const isoOf = (lastModified: number | string) =>
  new Date(typeof lastModified === 'number' ? lastModified * 1000 : lastModified).toISOString();

export function itemsOfBatch(event: BackfillBatchEvent): BackfillItem[] {
  return event.Items.map((object) => {
    const etag = object.Etag ?? object.ETag;
    return {
      bucket: event.BatchInput.bucket,
      key: object.Key,
      ...(etag === undefined ? {} : { etag: unquote(etag) }),
      ...(object.Size === undefined ? {} : { size: object.Size }),
      ...(object.LastModified === undefined ? {} : { lastModified: isoOf(object.LastModified) }),
    };
  });
}

/** The batch event the state machine would send the process function for these objects (the local backfill's). */
export function batchEventOf(
  items: readonly BackfillItem[],
  bucket: string,
  execution: string,
): BackfillBatchEvent {
  return {
    Items: items.map((item) => ({
      Key: item.key,
      ...(item.etag === undefined ? {} : { Etag: `"${item.etag}"` }),
      ...(item.size === undefined ? {} : { Size: item.size }),
      ...(item.lastModified === undefined ? {} : { LastModified: item.lastModified }),
    })),
    BatchInput: { bucket, execution },
  };
}

/**
 * The object reference processObject takes, as if S3 had notified the object's current version; the event time
 * is the object's LastModified (so the Result keeps its place among the key's uploads), else now.
 */
export function refOf(item: BackfillItem, now: Date): S3ObjectRef {
  return {
    bucket: item.bucket,
    key: item.key,
    ...(item.etag === undefined ? {} : { etag: item.etag }),
    ...(item.size === undefined ? {} : { size: item.size }),
    eventName: BACKFILL_EVENT,
    eventTime: item.lastModified ?? now.toISOString(),
  };
}
