import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import { createQueueBackfills, WALK_FAILED } from '#shared/adapters/queue-backfills.ts';
import { BACKFILL_REPORTS_PREFIX } from '#shared/config.ts';
import { LOCAL_NAMES, LOCAL_REGION } from '../../local/settings.ts';
import { eventually, startTestStack, type TestStack } from '../helpers/local-stack.ts';

/**
 * The local backfill runs in the background of the stack: a walk that a stop or crash cut short is resumed
 * where it stopped when the stack starts again, and a walk the queue refuses ends FAILED with a stable code
 * instead of staying RUNNING. Real local servers; the refusing queue is the only fault injected.
 */

const PREFIX = 'incoming/resume/';
const OBJECTS = 6;
const keyOf = (index: number) => `${PREFIX}${index}.txt`;
/** A backfill's notifications carry sequencer 0; an upload's carry the proxy's increasing sequencer. */
const BACKFILL_SEQUENCER = '0';

let local: TestStack;
/** Keys of the backfill notifications the process handler received (it processes nothing). */
const backfilled: string[] = [];

async function recordingHandler(event: SQSEvent) {
  for (const record of event.Records) {
    const { Records } = JSON.parse(record.body) as {
      Records: { s3: { object: { key: string; sequencer: string } } }[];
    };
    for (const { s3 } of Records) {
      if (s3.object.sequencer === BACKFILL_SEQUENCER) backfilled.push(decodeURIComponent(s3.object.key));
    }
  }
  return { batchItemFailures: [] };
}

const api = (path: string) => fetch(`${local.stack.endpoints.api}${path}`);

beforeAll(async () => {
  local = await startTestStack({ handlers: { process: recordingHandler } });
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
  it('resumes after the last page it enqueued a walk that a crash left RUNNING', {
    timeout: 180_000,
  }, async () => {
    const id = 'backfill-20261130-120000-0000abcd';
    // What the walk had recorded when the stack went down: one page of 3 objects enqueued.
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
      objects: { listed: OBJECTS, skipped: 0, enqueued: OBJECTS },
    });
    expect(ended).not.toHaveProperty('runner');
    expect(ended).not.toHaveProperty('startAfter');
    await eventually(async () => (backfilled.length >= OBJECTS - 3 ? true : undefined), {
      timeoutMs: 60_000,
      what: 'the resumed notifications delivered',
    });
    expect([...backfilled].sort()).toEqual([keyOf(3), keyOf(4), keyOf(5)]);
  });

  it('ends FAILED with WALK_FAILED when the queue refuses, and a stopped walk stays RUNNING to be resumed', {
    timeout: 120_000,
  }, async () => {
    const refusingQueue = {
      send: async () => {
        throw Object.assign(new Error('The queue is gone'), { name: 'QueueDoesNotExist' });
      },
    } as unknown as SQSClient;
    const deps = {
      s3: local.clients.s3,
      store: createArticleStore(local.clients.documentClient, LOCAL_NAMES.table),
      bucket: LOCAL_NAMES.bucket,
      queueUrl: local.stack.queue.url,
      region: LOCAL_REGION,
    };
    const failing = createQueueBackfills({ ...deps, sqs: refusingQueue });

    const started = await failing.start('backfill-20261130-120500-0000beef', {
      prefix: PREFIX,
      concurrency: 2,
    });
    await failing.idle();

    expect(started.status).toBe('RUNNING');
    expect(await failing.status(started.id)).toMatchObject({
      status: 'FAILED',
      error: expect.stringMatching(new RegExp(`^${WALK_FAILED}: .*The queue is gone`)),
      objects: { listed: 0, skipped: 0, enqueued: 0 },
    });

    const stopped = createQueueBackfills({ ...deps, sqs: local.clients.sqs });
    const stoppedEarly = await stopped.start('backfill-20261130-121000-0000cafe', {
      prefix: PREFIX,
      concurrency: 2,
    });
    await stopped.stop();
    expect(await stopped.status(stoppedEarly.id)).toMatchObject({ status: 'RUNNING' });
  });
});
