import { randomUUID } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { isProcessedByCurrentVersion } from '../backfill/already-processed.ts';
import type { BackfillItem } from '../backfill/backfill-item.ts';
import type { BackfillRequest } from '../backfill/backfill-request.ts';
import {
  type BackfillId,
  type BackfillStatus,
  type Backfills,
  backfillStatusSchema,
} from '../backfill/backfills.ts';
import { enqueueBackfill } from '../backfill/enqueue-backfill.ts';
import { BACKFILL_REPORTS_PREFIX } from '../config.ts';
import { buildS3EventRecord } from '../events/s3-event-record.ts';
import type { ArticleStore } from './article-store.ts';
import { isAwsError, toAdapterError } from './aws-errors.ts';

/**
 * The local backfill engine, standing in for the Step Functions Distributed Map: POST /backfills records the
 * backfill as RUNNING (backfills/<id>/status.json in the bucket) and answers at once; the walk goes on in the
 * background of the local stack's process. It lists the prefix page by page and puts an S3 event notification
 * for every object the current pipeline version has not processed on the process queue, where the process
 * handler takes it as it takes an upload (and skips, again, what was processed in the meantime). The
 * notification carries the object's ETag and LastModified, so its Result replaces the upload's own Result
 * (same id, same place among the key's uploads) rather than adding one.
 *
 * After each page the status records the counts and the page's last key. A walk cut short by a stopped or
 * crashed stack stays RUNNING until the stack starts again and resumes it after that key (resumeInterrupted):
 * the objects of the page in flight are enqueued again, and the process handler processes each once. A walk
 * that fails (the queue or the bucket refuses, after the SDK's retries) ends FAILED with `error`
 * `WALK_FAILED: …`.
 */

export interface QueueBackfillDeps {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly store: Pick<ArticleStore, 'listByKey'>;
  readonly bucket: string;
  readonly queueUrl: string;
  readonly region: string;
  /** Where a walk that failed or was superseded is reported (the status says it too). */
  readonly log?: (message: string, details?: unknown) => void;
}

export interface QueueBackfills extends Backfills {
  /** Resumes every walk a stopped or crashed stack left RUNNING; the ids it resumed. */
  resumeInterrupted(): Promise<BackfillId[]>;
  /** Stops this engine's walks after their current page (they stay RUNNING, to be resumed) and waits for them. */
  stop(): Promise<void>;
  /** Settles when this engine's walks have ended (for tests). */
  idle(): Promise<void>;
}

/** The stable code of a walk that could not go on. */
export const WALK_FAILED = 'WALK_FAILED';

/** SQS takes at most 10 messages per SendMessageBatch. */
const SEND_BATCH = 10;
/** Keys per listing page, and so how often the status shows progress. */
const PAGE_SIZE = 250;
/** The sequencer a backfill's notification carries: it orders after no upload of the same instant. */
const BACKFILL_SEQUENCER = '0';
const STATUS_FILE = 'status.json';

/** The status as kept in the bucket: what GET /backfills/{id} answers, plus the walk's own bookkeeping. */
const storedStatusSchema = backfillStatusSchema.extend({
  /** Which walk owns the backfill: a resumed walk takes it over, and the walk it replaced stops. */
  runner: z.string().optional(),
  /** The last key of the last page fully enqueued: a resumed walk lists after it. */
  startAfter: z.string().optional(),
});
type StoredStatus = z.infer<typeof storedStatusSchema>;

const statusKey = (id: BackfillId) => `${BACKFILL_REPORTS_PREFIX}${id}/${STATUS_FILE}`;

/** What the API answers: the stored status without the walk's bookkeeping. */
function publicStatus(stored: StoredStatus): BackfillStatus {
  const { runner: _runner, startAfter: _startAfter, ...status } = stored;
  return status;
}

async function* listPages(
  s3: S3Client,
  bucket: string,
  prefix: string,
  startAfter: string | undefined,
): AsyncIterable<BackfillItem[]> {
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        MaxKeys: PAGE_SIZE,
        ...(ContinuationToken === undefined ? { StartAfter: startAfter } : { ContinuationToken }),
      }),
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

/** The walk was stopped (the stack stops) or taken over (a resumed walk owns the backfill now). */
class WalkStoppedError extends Error {
  override readonly name = 'WalkStoppedError';
}

/** Backfills that walk the bucket and enqueue in the background (the local stack's; see above). */
export function createQueueBackfills(deps: QueueBackfillDeps): QueueBackfills {
  const walks = new Set<Promise<void>>();
  let stopping = false;

  const read = async (id: BackfillId): Promise<StoredStatus | undefined> => {
    try {
      const object = await deps.s3.send(new GetObjectCommand({ Bucket: deps.bucket, Key: statusKey(id) }));
      return storedStatusSchema.parse(JSON.parse((await object.Body?.transformToString()) ?? '{}'));
    } catch (error) {
      if (isAwsError(error, 'NoSuchKey')) return undefined;
      throw toAdapterError(error, `GetObject ${statusKey(id)}`);
    }
  };
  const write = async (status: StoredStatus): Promise<void> => {
    try {
      await deps.s3.send(
        new PutObjectCommand({
          Bucket: deps.bucket,
          Key: statusKey(status.id),
          Body: JSON.stringify(status),
          ContentType: 'application/json',
        }),
      );
    } catch (error) {
      throw toAdapterError(error, `PutObject ${statusKey(status.id)}`);
    }
  };
  /** Whether this walk still owns the backfill: not stopping, and no resumed walk took it over. */
  const stillOwned = async (status: StoredStatus): Promise<boolean> =>
    !stopping && (await read(status.id))?.runner === status.runner;

  const walk = async (begun: StoredStatus): Promise<void> => {
    let status = begun;
    try {
      const report = await enqueueBackfill(status.prefix, {
        list: (prefix) => listPages(deps.s3, deps.bucket, prefix, begun.startAfter),
        isCurrent: (item) => isProcessedByCurrentVersion(deps.store, item),
        enqueue: (items) => sendNotifications(items, deps),
        concurrency: status.concurrency,
        ...(status.objects === undefined ? {} : { from: { prefix: status.prefix, ...status.objects } }),
        onPage: async ({ listed, skipped, enqueued }, lastKey) => {
          if (!(await stillOwned(status))) throw new WalkStoppedError(`Backfill ${status.id} stopped`);
          status = { ...status, objects: { listed, skipped, enqueued }, startAfter: lastKey };
          await write(status);
        },
      });
      if (!(await stillOwned(status))) return;
      const { startAfter: _done, ...ended } = status;
      const objects = { listed: report.listed, skipped: report.skipped, enqueued: report.enqueued };
      await write({ ...ended, status: 'SUCCEEDED', objects });
    } catch (error) {
      if (error instanceof WalkStoppedError) return;
      const message = error instanceof Error ? error.message : String(error);
      deps.log?.(`Backfill ${status.id} failed`, error);
      try {
        if (!(await stillOwned(status))) return;
        await write({ ...status, status: 'FAILED', error: `${WALK_FAILED}: ${message}` });
      } catch (writeError) {
        // The status stays RUNNING, and the next start of the stack resumes the walk.
        deps.log?.(`Backfill ${status.id}: could not record its failure`, writeError);
      }
    }
  };

  const launch = (status: StoredStatus): void => {
    const running = walk(status);
    walks.add(running);
    void running.finally(() => walks.delete(running));
  };

  const listRunning = async (): Promise<BackfillId[]> => {
    const ids: BackfillId[] = [];
    for await (const page of listPages(deps.s3, deps.bucket, BACKFILL_REPORTS_PREFIX, undefined)) {
      for (const { key } of page) {
        const id = key.slice(BACKFILL_REPORTS_PREFIX.length, -`/${STATUS_FILE}`.length);
        if (key.endsWith(`/${STATUS_FILE}`) && (await read(id))?.status === 'RUNNING') ids.push(id);
      }
    }
    return ids;
  };

  return {
    start: async (id, request: BackfillRequest) => {
      const status: StoredStatus = {
        id,
        status: 'RUNNING',
        prefix: request.prefix,
        concurrency: request.concurrency,
        startedAt: new Date().toISOString(),
        objects: { listed: 0, skipped: 0, enqueued: 0 },
        runner: randomUUID(),
      };
      await write(status);
      launch(status);
      return publicStatus(status);
    },
    status: async (id) => {
      const stored = await read(id);
      return stored === undefined ? undefined : publicStatus(stored);
    },
    resumeInterrupted: async () => {
      const ids = await listRunning();
      for (const id of ids) {
        const stored = await read(id);
        if (stored === undefined) continue;
        const resumed: StoredStatus = {
          ...stored,
          runner: randomUUID(),
          resumedAt: new Date().toISOString(),
        };
        await write(resumed);
        launch(resumed);
      }
      return ids;
    },
    stop: async () => {
      stopping = true;
      await Promise.allSettled([...walks]);
    },
    idle: async () => {
      while (walks.size > 0) await Promise.allSettled([...walks]);
    },
  };
}
