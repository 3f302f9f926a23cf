import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createArticleStore,
  isOversized,
  MAX_INDEXED_ENTITIES,
  MAX_INLINE_ITEM_BYTES,
} from '#shared/adapters/article-store.ts';
import { DependencyError } from '#shared/errors.ts';
import type { Entity, Status } from '#shared/result.ts';
import { aResult, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { TEST_AWS_CONFIG, useArticleStoreOnDynalite } from '#tests/helpers/dynalite.ts';

const placement = (key = 'incoming/article.txt', order = '2026-01-01T00:00:00.000Z#01') => ({
  bucket: TEST_BUCKET,
  key,
  order,
});

describe('createArticleStore against dynalite', () => {
  const dynalite = useArticleStoreOnDynalite();

  it('returns the Result it saved when read back by id', async () => {
    const result = aResult({ title: undefined });

    await dynalite.store.saveResult(result, placement(), { textKey: 'processed/article-1.txt' });

    expect(await dynalite.store.get('article-1')).toEqual({
      result,
      textKey: 'processed/article-1.txt',
      order: placement().order,
    });
  });

  it('returns undefined when the id is unknown', async () => {
    expect(await dynalite.store.get('missing')).toBeUndefined();
  });

  it.each<[Status, Status, boolean]>([
    ['PENDING', 'PROCESSING', true],
    ['PROCESSING', 'PROCESSING', true],
    ['PROCESSING', 'DONE', true],
    ['PROCESSING', 'FAILED', true],
    ['FAILED', 'DONE', true],
    ['DONE', 'PROCESSING', false],
    ['FAILED', 'PROCESSING', false],
    ['DONE', 'FAILED', false],
    ['DONE', 'DONE', false],
    ['FAILED', 'FAILED', false],
    ['PROCESSING', 'PENDING', false],
  ])('when the stored status is %s, writing %s is accepted: %s', async (stored, next, accepted) => {
    await dynalite.dynamo.documentClient.send(
      new PutCommand({
        TableName: dynalite.tableName,
        Item: { pk: 'ARTICLE#article-1', sk: 'RESULT', status: stored },
      }),
    );

    const written = await dynalite.store.saveResult(aResult({ status: next }), placement());

    expect(written).toBe(accepted);
    expect((await dynalite.store.get('article-1'))?.result.status).toBe(accepted ? next : stored);
  });

  it.each<[Status, Status, boolean]>([
    ['DONE', 'PROCESSING', true],
    ['FAILED', 'PROCESSING', true],
    ['DONE', 'DONE', true],
    ['DONE', 'PENDING', false],
  ])(
    'when an older pipeline version stored %s, writing %s is accepted: %s (a backfill reprocesses it)',
    async (stored, next, accepted) => {
      await dynalite.dynamo.documentClient.send(
        new PutCommand({
          TableName: dynalite.tableName,
          Item: { pk: 'ARTICLE#article-1', sk: 'RESULT', status: stored, pipelineVersion: '0.0.1-older' },
        }),
      );

      const written = await dynalite.store.saveResult(aResult({ status: next }), placement());

      expect(written).toBe(accepted);
      expect((await dynalite.store.get('article-1'))?.result.status).toBe(accepted ? next : stored);
    },
  );

  it('lists the Results for a key newest upload first and leaves other keys out', async () => {
    await dynalite.store.saveResult(
      aResult({ id: 'old' }),
      placement('incoming/a b.txt', '2026-01-01T00:00:00.000Z#01'),
    );
    await dynalite.store.saveResult(
      aResult({ id: 'new' }),
      placement('incoming/a b.txt', '2026-01-02T00:00:00.000Z#02'),
    );
    await dynalite.store.saveResult(aResult({ id: 'other' }), placement('incoming/other.txt'));

    const listed = await dynalite.store.listByKey(TEST_BUCKET, 'incoming/a b.txt');

    expect(listed.map((article) => article.result.id)).toEqual(['new', 'old']);
  });

  it('keeps the text only in S3 when the item would exceed the size limit', async () => {
    const text = 'word '.repeat(MAX_INLINE_ITEM_BYTES / 4);

    await dynalite.store.saveResult(aResult({ text }), placement(), { textKey: 'processed/article-1.txt' });

    const stored = await dynalite.store.get('article-1');
    expect(stored?.result.text).toBeUndefined();
    expect(stored?.textKey).toBe('processed/article-1.txt');
    expect(stored?.result.summary).toEqual(aResult().summary);
  });

  it('drops the removal audit as well when the item would still exceed the size limit', async () => {
    const text = 'word '.repeat(MAX_INLINE_ITEM_BYTES / 4);
    const removed = [{ rule: 'boilerplate', text }];

    await dynalite.store.saveResult(aResult({ text, removed }), placement(), {
      textKey: 'processed/article-1.txt',
    });

    const stored = await dynalite.store.get('article-1');
    expect(stored?.result.removed).toBeUndefined();
    expect(stored?.result.status).toBe('DONE');
  });

  it('keeps only the status, metadata and summary in the item when the facts alone exceed the size limit', async () => {
    const entities: Entity[] = Array.from({ length: 8_000 }, (_, index) => ({
      type: 'person',
      name: `Person number ${index}`,
      mentions: [{ start: 0, end: 1 }],
    }));
    const result = aResult({ facts: { ...aResult().facts, entities } });
    const offload = { textKey: 'processed/article-1.txt', resultKey: 'processed/article-1.json' };
    expect(isOversized(result)).toBe(true);

    await dynalite.store.saveResult(result, placement(), offload);

    const stored = await dynalite.store.get('article-1');
    expect(stored?.resultKey).toBe('processed/article-1.json');
    expect(stored?.result.facts).toBeUndefined();
    expect(stored?.result.summary).toEqual(result.summary);
    expect(stored?.result.status).toBe('DONE');
  });

  it('indexes only the most salient entities when an article names very many', async () => {
    const entities: Entity[] = Array.from({ length: MAX_INDEXED_ENTITIES + 20 }, (_, index) => ({
      type: 'place',
      name: `Place ${index}`,
      mentions: [{ start: 0, end: 1 }],
      salience: index / 1000,
    }));

    await dynalite.store.indexEntities(aResult({ facts: { ...aResult().facts, entities } }));

    expect((await dynalite.store.listByEntity('place', 'Place 0')).items).toEqual([]);
    expect(
      (await dynalite.store.listByEntity('place', `Place ${MAX_INDEXED_ENTITIES + 19}`)).items,
    ).toHaveLength(1);
  });

  it('finds articles by entity, case-insensitively, when more entities than one batch are indexed', async () => {
    const entities: Entity[] = Array.from({ length: 60 }, (_, index) => ({
      type: 'person',
      name: `Person ${index}`,
      mentions: [{ start: 0, end: 1 }],
    }));
    const duplicate: Entity = { type: 'person', name: 'PERSON 7', mentions: [{ start: 2, end: 3 }] };

    await dynalite.store.indexEntities(
      aResult({ facts: { ...aResult().facts, entities: [...entities, duplicate] } }),
    );

    expect((await dynalite.store.listByEntity('person', 'person 7')).items).toEqual([
      { id: 'article-1', name: 'Person 7', count: 2 },
    ]);
    expect((await dynalite.store.listByEntity('person', 'Person 59')).items).toHaveLength(1);
    expect((await dynalite.store.listByEntity('place', 'Person 59')).items).toEqual([]);
  });
});

describe('createArticleStore with injected faults', () => {
  const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient(TEST_AWS_CONFIG));
  const ddbMock = mockClient(documentClient);
  const store = createArticleStore(documentClient, 'articles');

  beforeEach(() => {
    ddbMock.reset();
  });

  it('throws DependencyError when DynamoDB throttles', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ProvisionedThroughputExceededException',
    });
    ddbMock.on(GetCommand).rejects(throttled);

    await expect(store.get('article-1')).rejects.toBeInstanceOf(DependencyError);
  });

  it('throws DependencyError when an index write is throttled, so the delivery is retried', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    });
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(PutCommand).rejects(throttled);

    await expect(store.indexEntities(aResult())).rejects.toBeInstanceOf(DependencyError);
  });
});
