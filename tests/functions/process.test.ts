import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import { DependencyError } from '#shared/errors.ts';
import { processObject } from '#shared/use-cases/process-object.ts';
import {
  aLambdaContext,
  anS3EventBody,
  anSqsEvent,
  anSqsRecord,
  aS3Record,
  BINARY_BYTES,
  encode,
  S3_TEST_EVENT_BODY,
  TEST_BUCKET,
} from '#tests/helpers/builders.ts';
import { TEST_AWS_CONFIG } from '#tests/helpers/dynalite.ts';
import { startTestEmulators, type TestEmulators } from '#tests/helpers/emulators.ts';
import { createInMemoryBucket } from '#tests/helpers/in-memory-adapters.ts';

const seed = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url));

type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

let emulators: TestEmulators;
let handler: Handler;

beforeAll(async () => {
  emulators = await startTestEmulators();
  ({ handler } = await import('#functions/process.ts'));
});

afterAll(async () => {
  await emulators.stop();
});

describe('process handler against the S3 emulator and dynalite', () => {
  it('stores a DONE Result for the decoded key when the notification key is URL-encoded', async () => {
    const eTag = await emulators.upload('incoming/my article(1).txt', seed);
    const event = anSqsEvent(
      anSqsRecord(anS3EventBody({ encodedKey: 'incoming/my+article%281%29.txt', eTag }), 'm1'),
    );

    const response = await handler(event, aLambdaContext());

    expect(response).toEqual({ batchItemFailures: [] });
    const [stored] = await emulators.store.listByKey(TEST_BUCKET, 'incoming/my article(1).txt');
    expect(stored?.result).toMatchObject({ status: 'DONE', source: { key: 'incoming/my article(1).txt' } });
    expect(stored?.result.summary.length).toBeGreaterThan(0);
  });

  it.each([
    ['UNSUPPORTED_CONTENT', 'a binary object', 'incoming/picture.png', BINARY_BYTES],
    ['EMPTY', 'an empty object', 'incoming/empty.txt', new Uint8Array()],
  ])(
    'stores a FAILED Result with code %s and reports no failure when given %s',
    async (code, _name, key, body) => {
      const eTag = await emulators.upload(key, body, 'application/octet-stream');
      const event = anSqsEvent(anSqsRecord(anS3EventBody({ encodedKey: key, eTag }), 'm1'));

      const response = await handler(event, aLambdaContext());

      expect(response.batchItemFailures).toEqual([]);
      const [stored] = await emulators.store.listByKey(TEST_BUCKET, key);
      expect(stored?.result).toMatchObject({ status: 'FAILED', error: { code } });
    },
  );

  it('ignores a notification for an object that never existed: no Result, no retry', async () => {
    const event = anSqsEvent(
      anSqsRecord(anS3EventBody({ encodedKey: 'incoming/gone.txt', eTag: 'e0' }), 'm1'),
    );

    const response = await handler(event, aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(await emulators.store.listByKey(TEST_BUCKET, 'incoming/gone.txt')).toEqual([]);
  });

  it('processes the valid record of a two-record notification whose other record is malformed', async () => {
    const eTag = await emulators.upload('incoming/the valid one.txt', seed);
    const valid = aS3Record({ encodedKey: 'incoming/the+valid+one.txt', eTag });
    const body = JSON.stringify({ Records: [{ eventSource: 'aws:s3', s3: null }, valid] });

    const response = await handler(anSqsEvent(anSqsRecord(body, 'm1')), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    const stored = await emulators.store.listByKey(TEST_BUCKET, 'incoming/the valid one.txt');
    expect(stored.map((article) => article.result.status)).toEqual(['DONE']);
  });

  it('succeeds without a Result for an ObjectRemoved record', async () => {
    const body = anS3EventBody({ encodedKey: 'incoming/removed.txt', eventName: 'ObjectRemoved:Delete' });

    const response = await handler(anSqsEvent(anSqsRecord(body, 'm1')), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(await emulators.store.listByKey(TEST_BUCKET, 'incoming/removed.txt')).toEqual([]);
  });

  it('keeps one Result when the same notification is delivered twice', async () => {
    const eTag = await emulators.upload('incoming/twice.txt', seed);
    const body = anS3EventBody({ encodedKey: 'incoming/twice.txt', eTag });

    const first = await handler(anSqsEvent(anSqsRecord(body, 'm1')), aLambdaContext());
    const second = await handler(anSqsEvent(anSqsRecord(body, 'm2')), aLambdaContext());

    expect([first, second]).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    const stored = await emulators.store.listByKey(TEST_BUCKET, 'incoming/twice.txt');
    expect(stored.map((article) => article.result.status)).toEqual(['DONE']);
  });

  it('keeps one Result and fails no record when one batch holds the same notification twice', async () => {
    const eTag = await emulators.upload('incoming/twice in a batch.txt', seed);
    const body = anS3EventBody({ encodedKey: 'incoming/twice+in+a+batch.txt', eTag });

    const response = await handler(
      anSqsEvent(anSqsRecord(body, 'm1'), anSqsRecord(body, 'm2')),
      aLambdaContext(),
    );

    expect(response).toEqual({ batchItemFailures: [] });
    const stored = await emulators.store.listByKey(TEST_BUCKET, 'incoming/twice in a batch.txt');
    expect(stored.map((article) => article.result.status)).toEqual(['DONE']);
  });

  it('stores the current content once when an overwritten version and the newer one arrive out of order', async () => {
    const oldTag = await emulators.upload('incoming/edited.txt', 'First draft. It will change.');
    const newTag = await emulators.upload('incoming/edited.txt', seed);
    const event = anSqsEvent(
      anSqsRecord(
        anS3EventBody({ encodedKey: 'incoming/edited.txt', eTag: newTag, sequencer: '02' }),
        'm-new',
      ),
      anSqsRecord(
        anS3EventBody({ encodedKey: 'incoming/edited.txt', eTag: oldTag, sequencer: '01' }),
        'm-old',
      ),
    );

    await handler(event, aLambdaContext());
    const retry = await handler(event, aLambdaContext());

    expect(retry).toEqual({ batchItemFailures: [] });
    const stored = await emulators.store.listByKey(TEST_BUCKET, 'incoming/edited.txt');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.result).toMatchObject({ status: 'DONE', source: { etag: newTag } });
  });

  it.each([
    ['not JSON', 'hello'],
    ['not an S3 notification', JSON.stringify({ Records: [{ eventSource: 'aws:sns' }] })],
    ['the s3:TestEvent', S3_TEST_EVENT_BODY],
    ['outside incoming/', anS3EventBody({ encodedKey: 'processed/x.txt' })],
  ])('drops a message that is %s without failing it', async (_name, body) => {
    const response = await handler(anSqsEvent(anSqsRecord(body, 'm1')), aLambdaContext());

    expect(response).toEqual({ batchItemFailures: [] });
  });
});

describe('process handler failures', () => {
  it('reports only the failed record when one record of the batch hits a DependencyError', async () => {
    const { createProcessHandler } = await import('#functions/process.ts');
    const handler = createProcessHandler(async (ref) => {
      if (ref.key === 'incoming/bad.txt') throw new DependencyError('DynamoDB throttled');
      return { kind: 'ignored', reason: 'test' };
    });
    const event = anSqsEvent(
      anSqsRecord(anS3EventBody({ encodedKey: 'incoming/good.txt' }), 'm-good'),
      anSqsRecord(anS3EventBody({ encodedKey: 'incoming/bad.txt' }), 'm-bad'),
    );

    const response = await handler(event, aLambdaContext());

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-bad' }] });
  });

  it('processes an object version once and reports the copy as a duplicate when a batch holds it twice', async () => {
    const processed: string[] = [];
    const { createProcessHandler } = await import('#functions/process.ts');
    const handler = createProcessHandler(async (ref) => {
      processed.push(ref.key);
      return { kind: 'stored', id: 'a1', status: 'DONE' };
    });
    const body = anS3EventBody({ encodedKey: 'incoming/a.txt', eTag: 'e1' });
    const other = anS3EventBody({ encodedKey: 'incoming/a.txt', eTag: 'e2' });

    const response = await handler(
      anSqsEvent(anSqsRecord(body, 'm1'), anSqsRecord(body, 'm2'), anSqsRecord(other, 'm3')),
      aLambdaContext(),
    );

    expect(response).toEqual({ batchItemFailures: [] });
    expect(processed).toEqual(['incoming/a.txt', 'incoming/a.txt']);
  });

  it('reports every record failed, without throwing, when DynamoDB throttles the whole batch', async () => {
    const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient(TEST_AWS_CONFIG));
    mockClient(documentClient)
      .on(PutCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const { bucket, objects } = createInMemoryBucket();
    objects.set('incoming/a.txt', { body: encode('Some words. More words.'), etag: 'e1' });
    const deps = {
      bucket,
      store: createArticleStore(documentClient, 'articles'),
      logger: { warn: () => undefined },
      maxInputBytes: 1_000,
    };
    const { createProcessHandler } = await import('#functions/process.ts');
    const handler = createProcessHandler((ref) => processObject(ref, deps));
    const body = anS3EventBody({ encodedKey: 'incoming/a.txt', eTag: 'e1' });

    const response = await handler(
      anSqsEvent(anSqsRecord(body, 'm1'), anSqsRecord(body, 'm2')),
      aLambdaContext(),
    );

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }, { itemIdentifier: 'm2' }] });
  });
});
