import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBackfills, WALK_FAILED } from '#shared/adapters/local-backfills.ts';
import type { BackfillBatchEvent, BackfillItem } from '#shared/backfill/backfill-item.ts';
import { BackfillBatchError } from '#shared/backfill/process-batch.ts';
import { EXCEEDED_TOLERATED_FAILURES } from '#shared/backfill/run-backfill.ts';
import { BACKFILL_REPORTS_PREFIX } from '#shared/config.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import { eventually, startTestStack, type TestStack } from '../helpers/local-stack.ts';

/**
 * The local backfill runs in the background of the stack: one that a stop or crash cut short is resumed
 * where it stopped when the stack starts again, one whose listing fails ends FAILED with a stable code
 * instead of staying RUNNING, and one whose batches keep failing ends FAILED past the tolerated share, with
 * the objects listed. Real local servers; the batch handler records instead of processing, and the refusing
 * bucket and the failing batches are the faults injected.
 */

const PREFIX = 'incoming/resume/';
const OBJECTS = 6;
const keyOf = (index: number) => `${PREFIX}${index}.txt`;

let local: TestStack;
/** Keys of the objects the backfill handed to the process handler (which processes nothing here). */
const backfilled: string[] = [];

const reportOf = (count: number) => ({
  items: count,
  processed: count,
  skipped: 0,
  ignored: 0,
  failed: [],
  failedResults: [],
});

async function recordingHandler(event: BackfillBatchEvent) {
  backfilled.push(...event.Items.map(({ Key }) => Key));
  return reportOf(event.Items.length);
}

const api = (path: string) => fetch(`${local.stack.endpoints.api}${path}`);

beforeAll(async () => {
  local = await startTestStack({ handlers: { backfillBatch: recordingHandler } });
  for (let index = 0; index < OBJECTS; index++) {
    await local.clients.s3.send(
      new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: keyOf(index), Body: `Article ${index}.` }),
    );
  }
}, 120_000);

afterAll(async () => {
  await local?.dispose();
});

describe('the local backfill across a restart', () => {
  it('resumes, after the last key it recorded, a backfill that a crash left RUNNING, also one an earlier version wrote', {
    timeout: 180_000,
  }, async () => {
    const id = 'backfill-20261130-120000-0000abcd';
    // What the backfill had recorded when the stack went down, in the former version's words (it enqueued
    // the objects for the queue): its first 3 objects done.
    await local.clients.s3.send(
      new PutObjectCommand({
        Bucket: LOCAL_NAMES.bucket,
        Key: `${BACKFILL_REPORTS_PREFIX}${id}/status.json`,
        Body: JSON.stringify({
          id,
          status: 'RUNNING',
          prefix: PREFIX,
          concurrency: 5,
          startedAt: '2026-11-30T12:00:00.000Z',
          objects: { listed: 3, skipped: 0, enqueued: 3 },
          runner: 'the-walk-that-crashed',
          startAfter: keyOf(2),
        }),
      }),
    );
    backfilled.length = 0;

    await local.restart();

    const ended = await eventually(
      async () => {
        const status = (await (await api(`/backfills/${id}`)).json()) as Record<string, unknown>;
        return status.status === 'RUNNING' ? undefined : status;
      },
      { timeoutMs: 120_000, intervalMs: 200, what: 'the resumed backfill to end' },
    );
    expect(ended).toMatchObject({
      id,
      status: 'SUCCEEDED',
      startedAt: '2026-11-30T12:00:00.000Z',
      resumedAt: expect.any(String),
      objects: { listed: OBJECTS, processed: OBJECTS, failed: 0, skipped: 0 },
      failures: [],
    });
    expect(ended).not.toHaveProperty('runner');
    expect(ended).not.toHaveProperty('startAfter');
    expect([...backfilled].sort()).toEqual([keyOf(3), keyOf(4), keyOf(5)]);
  });

  it('ends FAILED with WALK_FAILED when the bucket refuses the listing, and a stopped one stays RUNNING to be resumed', {
    timeout: 120_000,
  }, async () => {
    const refusingListings = {
      send: (command: Parameters<S3Client['send']>[0]) =>
        command instanceof ListObjectsV2Command
          ? Promise.reject(Object.assign(new Error('The bucket is gone'), { name: 'NoSuchBucket' }))
          : local.clients.s3.send(command as never),
    } as unknown as S3Client;
    const deps = {
      bucket: LOCAL_NAMES.bucket,
      invokeBatch: async (items: readonly BackfillItem[]) => reportOf(items.length),
    };
    const failing = createLocalBackfills({ ...deps, s3: refusingListings });

    const started = await failing.start('backfill-20261130-120500-0000beef', {
      prefix: PREFIX,
      concurrency: 2,
    });
    await failing.idle();

    expect(started.status).toBe('RUNNING');
    expect(await failing.status(started.id)).toMatchObject({
      status: 'FAILED',
      error: expect.stringMatching(new RegExp(`^${WALK_FAILED}: .*The bucket is gone`)),
      objects: { listed: 0, processed: 0, failed: 0, skipped: 0 },
    });

    const stopped = createLocalBackfills({ ...deps, s3: local.clients.s3 });
    const stoppedEarly = await stopped.start('backfill-20261130-121000-0000cafe', {
      prefix: PREFIX,
      concurrency: 2,
    });
    await stopped.stop();
    expect(await stopped.status(stoppedEarly.id)).toMatchObject({ status: 'RUNNING' });
  });

  it('ends FAILED past the tolerated 5% when batches keep failing, listing the objects it could not process', {
    timeout: 120_000,
  }, async () => {
    let attempts = 0;
    const failingBatches = createLocalBackfills({
      s3: local.clients.s3,
      bucket: LOCAL_NAMES.bucket,
      retryDelaysMs: [0, 0, 0],
      invokeBatch: async (items) => {
        attempts++;
        const failed = items.map(({ key }) => ({ key, message: 'DependencyError: DynamoDB throttled' }));
        throw new BackfillBatchError(`${items.length} objects failed`, {
          ...reportOf(items.length),
          processed: 0,
          failed,
        });
      },
    });

    const started = await failingBatches.start('backfill-20261130-121500-0000f00d', {
      prefix: PREFIX,
      concurrency: 1,
    });
    await failingBatches.idle();

    expect(attempts).toBe(4);
    expect(await failingBatches.status(started.id)).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining(`${EXCEEDED_TOLERATED_FAILURES}: ${OBJECTS} of ${OBJECTS} objects`),
      objects: { listed: OBJECTS, processed: 0, failed: OBJECTS, skipped: 0 },
      failures: Array.from({ length: OBJECTS }, (_, index) => ({
        key: keyOf(index),
        code: 'RETRIES_EXHAUSTED',
        message: 'DependencyError: DynamoDB throttled',
      })),
    });
  });
});
