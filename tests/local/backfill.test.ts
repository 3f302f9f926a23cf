import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { DeleteCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_VERSION } from '#shared/result.ts';
import { memoryIo } from '#tests/helpers/cli.ts';
import { backfillCommand } from '../../cli/backfill.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import type { SqsHandler } from '../../local/sqs-poller.ts';
import { eventually, startTestStack, type TestStack } from '../helpers/local-stack.ts';

/**
 * `precis backfill` on the local stack, end to end: the uploads are notified to a queue handler that drops
 * them (as if an older deployment had taken them), then the backfill hands the objects in batches to the real
 * process handler, as the state machine does, and ends only once every object has its Result, each processed
 * exactly once; a second backfill finds nothing to do; Results from an older pipeline version are
 * reprocessed in place. `npm test` runs it over 60 objects (the emulators take about
 * 0.1 s of CPU per article, so 1,000 take minutes on a loaded machine); `npm run test:backfill` runs it over
 * 1,000 (PRECIS_BACKFILL_OBJECTS).
 */

const OBJECTS = Number(process.env.PRECIS_BACKFILL_OBJECTS ?? 60);
const PREFIX = 'incoming/archive/';
const OLDER_VERSION = '0.0.1-older';
const REPROCESSED = 10;
/** Uploads in flight at once. */
const UPLOAD_CONCURRENCY = 25;
/** Minutes, not seconds: articles through the emulators on a loaded two-core machine. */
const PROCESSING_TIMEOUT_MS = 10 * 60_000 + OBJECTS * 1_000;

let local: TestStack;
/** What the local poller calls: a handler that drops every notification (the backfill does not queue). */
const dropNotifications: SqsHandler = async () => ({ batchItemFailures: [] });

const keyOf = (index: number) => `${PREFIX}${String(index).padStart(5, '0')}.txt`;
const articleOf = (index: number) =>
  `Officials in Springfield said on Monday that ${index} new bridges would open next year. ` +
  `Mayor Ann Lee said the work would cost $${index} million. "It is a good day for the city," she said.`;

async function uploadAll(): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < OBJECTS) {
      const index = next++;
      await local.clients.s3.send(
        new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: keyOf(index), Body: articleOf(index) }),
      );
    }
  };
  await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
}

interface ResultItem {
  readonly pk: string;
  readonly sk: string;
  readonly status: string;
  readonly pipelineVersion: string;
  readonly source: { readonly key: string };
}

/** Every Result item under the prefix (a Scan: the test reads the whole table, as no API call does). */
async function resultItems(): Promise<ResultItem[]> {
  const items: ResultItem[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await local.clients.documentClient.send(
      new ScanCommand({ TableName: LOCAL_NAMES.table, ExclusiveStartKey }),
    );
    for (const item of (page.Items ?? []) as ResultItem[]) {
      if (item.sk === 'RESULT' && item.source?.key?.startsWith(PREFIX)) items.push(item);
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey !== undefined);
  return items;
}

const allDone = async (version: string) => {
  const items = await resultItems();
  const done = items.filter((item) => item.status === 'DONE' && item.pipelineVersion === version);
  return done.length === OBJECTS ? items : undefined;
};

async function queueDepth(url: string): Promise<number> {
  const { Attributes = {} } = await local.clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible)
  );
}

async function forgetIdempotencyRecords(): Promise<void> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await local.clients.documentClient.send(
      new ScanCommand({
        TableName: LOCAL_NAMES.idempotencyTable,
        ProjectionExpression: 'id',
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      await local.clients.documentClient.send(
        new DeleteCommand({ TableName: LOCAL_NAMES.idempotencyTable, Key: { id: item.id } }),
      );
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey !== undefined);
}

const drained = async (url: string) => ((await queueDepth(url)) === 0 ? true : undefined);

/** Runs `precis backfill` against the test stack's ports; its exit status and what it printed. */
async function backfill(...argv: string[]) {
  const io = memoryIo();
  const status = await backfillCommand(
    argv,
    { stdout: io.stdout, stderr: io.stderr },
    { PRECIS_API_PORT: String(local.stack.ports.api) },
  );
  return { status, stdout: io.text(), stderr: io.errors() };
}

beforeAll(async () => {
  local = await startTestStack({ handlers: { process: dropNotifications } });
  await uploadAll();
  await eventually(async () => ((await local.stack.notifier.scan()) === 0 ? true : undefined), {
    timeoutMs: PROCESSING_TIMEOUT_MS,
    what: 'every upload notified',
  });
  await eventually(() => drained(local.stack.queue.url), {
    timeoutMs: PROCESSING_TIMEOUT_MS,
    what: 'the queue drained',
  });
}, PROCESSING_TIMEOUT_MS);

afterAll(async () => {
  await local?.dispose();
});

describe('precis backfill on the local stack', () => {
  it(`processes every one of ${OBJECTS} unprocessed objects exactly once`, {
    timeout: PROCESSING_TIMEOUT_MS,
  }, async () => {
    expect(await resultItems()).toEqual([]);

    const run = await backfill('--prefix', PREFIX, '--concurrency', '20');

    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `${OBJECTS} objects under ${PREFIX}: ${OBJECTS} processed, 0 already processed by this pipeline version, 0 could not be processed\n`,
    );
    // Read as the command returns: the backfill ended only once every object had its Result.
    const items = await allDone(PIPELINE_VERSION);
    expect(items).toHaveLength(OBJECTS);
    expect(new Set(items?.map((item) => item.source.key)).size).toBe(OBJECTS);
    expect(await queueDepth(local.stack.queue.url)).toBe(0);
    expect(await queueDepth(local.stack.deadLetterQueue.url)).toBe(0);
  });

  it('processes nothing when the current pipeline version processed everything', {
    timeout: 120_000,
  }, async () => {
    const run = await backfill('--prefix', PREFIX);

    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `${OBJECTS} objects under ${PREFIX}: 0 processed, ${OBJECTS} already processed by this pipeline version, 0 could not be processed\n`,
    );
  });

  it('reprocesses in place the Results an older pipeline version wrote', {
    timeout: PROCESSING_TIMEOUT_MS,
  }, async () => {
    // As after a release: some Results are an older version's, and the idempotency records (keyed per
    // pipeline version) are all the older version's, so none is the current version's.
    await forgetIdempotencyRecords();
    const older = (await resultItems()).slice(0, REPROCESSED);
    for (const item of older) {
      await local.clients.documentClient.send(
        new UpdateCommand({
          TableName: LOCAL_NAMES.table,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET pipelineVersion = :older',
          ExpressionAttributeValues: { ':older': OLDER_VERSION },
        }),
      );
    }

    const run = await backfill('--prefix', PREFIX);

    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `${OBJECTS} objects under ${PREFIX}: ${REPROCESSED} processed, ${OBJECTS - REPROCESSED} already processed by this pipeline version, 0 could not be processed\n`,
    );
    const items = await allDone(PIPELINE_VERSION);
    expect(items).toHaveLength(OBJECTS);
    expect(items?.map((item) => item.pk)).toEqual(expect.arrayContaining(older.map((item) => item.pk)));
  });

  it('refuses a prefix outside incoming/ as bad usage', async () => {
    const run = await backfill('--prefix', 'processed/');

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('must start with incoming/');
  });
});
