import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { isProcessedByCurrentVersion } from '../backfill/already-processed.ts';
import type { BackfillItem } from '../backfill/backfill-item.ts';
import type { BackfillRequest } from '../backfill/backfill-request.ts';
import type { BackfillId, BackfillStatus, Backfills } from '../backfill/backfills.ts';
import { type EnqueueReport, enqueueBackfill } from '../backfill/enqueue-backfill.ts';
import { BACKFILL_REPORTS_PREFIX } from '../config.ts';
import { buildS3EventRecord } from '../events/s3-event-record.ts';
import type { ArticleStore } from './article-store.ts';
import { isAwsError, toAdapterError } from './aws-errors.ts';

/**
 * The local backfill: walks the bucket under the prefix and puts an S3 event notification for every object
 * the current pipeline version has not processed on the process queue, where the process handler takes it
 * as it takes an upload (and skips, again, what was processed in the meantime). The notification carries
 * the object's ETag and LastModified, so its Result replaces the upload's own Result (same id, same place
 * among the key's uploads) rather than adding one. The walk ends within the call; its status is kept in the
 * bucket (backfills/<id>/status.json) for GET /backfills/{id}.
 */

export interface QueueBackfillDeps {
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

async function sendNotifications(items: readonly BackfillItem[], deps: QueueBackfillDeps): Promise<void> {
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

/** Walks `prefix` of the bucket and enqueues what the current pipeline version has not processed. */
export function runQueueBackfill(request: BackfillRequest, deps: QueueBackfillDeps): Promise<EnqueueReport> {
  return enqueueBackfill(request.prefix, {
    list: (prefix) => listPages(deps.s3, deps.bucket, prefix),
    isCurrent: (item) => isProcessedByCurrentVersion(deps.store, item),
    enqueue: (items) => sendNotifications(items, deps),
    concurrency: request.concurrency,
    ...(deps.onProgress === undefined ? {} : { onProgress: deps.onProgress }),
  });
}

const statusKey = (id: BackfillId) => `${BACKFILL_REPORTS_PREFIX}${id}/status.json`;

/** Backfills that walk the bucket and enqueue within the call (the local stack's; see runQueueBackfill). */
export function createQueueBackfills(deps: QueueBackfillDeps): Backfills {
  return {
    start: async (id, request) => {
      const startedAt = new Date().toISOString();
      const report = await runQueueBackfill(request, deps);
      const status: BackfillStatus = {
        id,
        status: 'SUCCEEDED',
        prefix: request.prefix,
        concurrency: request.concurrency,
        startedAt,
        objects: { listed: report.listed, skipped: report.skipped, enqueued: report.enqueued },
      };
      try {
        await deps.s3.send(
          new PutObjectCommand({
            Bucket: deps.bucket,
            Key: statusKey(id),
            Body: JSON.stringify(status),
            ContentType: 'application/json',
          }),
        );
      } catch (error) {
        throw toAdapterError(error, `PutObject ${statusKey(id)}`);
      }
      return status;
    },
    status: async (id) => {
      try {
        const object = await deps.s3.send(new GetObjectCommand({ Bucket: deps.bucket, Key: statusKey(id) }));
        return JSON.parse((await object.Body?.transformToString()) ?? '{}') as BackfillStatus;
      } catch (error) {
        if (isAwsError(error, 'NoSuchKey')) return undefined;
        throw toAdapterError(error, `GetObject ${statusKey(id)}`);
      }
    },
  };
}
