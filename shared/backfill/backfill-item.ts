import * as z from 'zod';
import type { S3ObjectRef } from '../events/s3-event.ts';

/** One object a backfill reprocesses: where it is and which content (ETag) it has now. */
export interface BackfillItem {
  readonly bucket: string;
  readonly key: string;
  /** The ETag without quotes. */
  readonly etag?: string;
  readonly size?: number;
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

export function itemsOfBatch(event: BackfillBatchEvent): BackfillItem[] {
  return event.Items.map((object) => {
    const etag = object.Etag ?? object.ETag;
    return {
      bucket: event.BatchInput.bucket,
      key: object.Key,
      ...(etag === undefined ? {} : { etag: unquote(etag) }),
      ...(object.Size === undefined ? {} : { size: object.Size }),
    };
  });
}

/** The object reference processObject takes, as if S3 had notified the object's current version. */
export function refOf(item: BackfillItem, now: Date): S3ObjectRef {
  return {
    bucket: item.bucket,
    key: item.key,
    ...(item.etag === undefined ? {} : { etag: item.etag }),
    ...(item.size === undefined ? {} : { size: item.size }),
    eventName: BACKFILL_EVENT,
    eventTime: now.toISOString(),
  };
}
