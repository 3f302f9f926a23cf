import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ArticleStore } from '#shared/adapters/article-store.ts';
import { isProcessedByCurrentVersion } from '#shared/backfill/already-processed.ts';
import type { BackfillItem } from '#shared/backfill/backfill-item.ts';
import type { BackfillRequest } from '#shared/backfill/backfill-request.ts';
import { type EnqueueReport, enqueueBackfill } from '#shared/backfill/enqueue-backfill.ts';
import { buildS3EventRecord } from './s3-notifications.ts';

/**
 * The local backfill: walks the local bucket under the prefix and puts an S3 event notification for every
 * object the current pipeline version has not processed on the local queue, where the process handler takes
 * it as it takes an upload (and skips, again, what was processed in the meantime). The notification carries
 * the object's ETag and LastModified, so its Result replaces the upload's own Result (same id, same place
 * among the key's uploads) rather than adding one.
 */

export interface LocalBackfillDeps {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly store: Pick<ArticleStore, 'listByKey'>;
  readonly bucket: string;
  readonly queueUrl: string;
  readonly region: string;
  readonly onProgress?: (report: EnqueueReport) => void;
}

/** SQS takes at most 10 messages per SendMessageBatch. */
const SEND_BATCH = 10;
/** ListObjectsV2 returns at most 1,000 keys per page. */
const PAGE_SIZE = 1_000;
/** The sequencer a backfill's notification carries: it orders after no upload of the same instant. */
const BACKFILL_SEQUENCER = '0';

async function* listPages(s3: S3Client, bucket: string, prefix: string): AsyncIterable<BackfillItem[]> {
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken, MaxKeys: PAGE_SIZE }),
    );
    yield (page.Contents ?? [])
      .filter((object) => object.Key !== undefined)
      .map((object) => ({
        bucket,
        key: object.Key as string,
        ...(object.ETag === undefined ? {} : { etag: object.ETag.replaceAll('"', '') }),
        ...(object.Size === undefined ? {} : { size: object.Size }),
        ...(object.LastModified === undefined ? {} : { lastModified: object.LastModified.toISOString() }),
      }));
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken !== undefined);
}

async function sendNotifications(items: readonly BackfillItem[], deps: LocalBackfillDeps): Promise<void> {
  for (let start = 0; start < items.length; start += SEND_BATCH) {
    const chunk = items.slice(start, start + SEND_BATCH);
    const entries = chunk.map((item, index) => ({
      Id: String(index),
      MessageBody: JSON.stringify({
        Records: [
          buildS3EventRecord(deps.bucket, deps.region, {
            key: item.key,
            size: item.size ?? 0,
            eTag: item.etag ?? '',
            lastModified: item.lastModified === undefined ? new Date() : new Date(item.lastModified),
            sequencer: BACKFILL_SEQUENCER,
          }),
        ],
      }),
    }));
    const sent = await deps.sqs.send(
      new SendMessageBatchCommand({ QueueUrl: deps.queueUrl, Entries: entries }),
    );
    const failed = sent.Failed ?? [];
    if (failed.length > 0) {
      const keys = failed.map((entry) => chunk[Number(entry.Id)]?.key).join(', ');
      throw new Error(
        `The local queue refused ${failed.length} notifications (${keys}): ${failed[0]?.Message}`,
      );
    }
  }
}

/** Walks `prefix` of the local bucket and enqueues what the current pipeline version has not processed. */
export function runLocalBackfill(request: BackfillRequest, deps: LocalBackfillDeps): Promise<EnqueueReport> {
  return enqueueBackfill(request.prefix, {
    list: (prefix) => listPages(deps.s3, deps.bucket, prefix),
    isCurrent: (item) => isProcessedByCurrentVersion(deps.store, item),
    enqueue: (items) => sendNotifications(items, deps),
    concurrency: request.concurrency,
    ...(deps.onProgress === undefined ? {} : { onProgress: deps.onProgress }),
  });
}
