import { describe, expect, it } from 'vitest';
import { needsResultInS3 } from '#shared/adapters/article-store.ts';
import { RejectedError } from '#shared/errors.ts';
import type { Entity, NumberFact } from '#shared/result.ts';
import { aResult, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { useArticleStoreOnDynalite } from '#tests/helpers/dynalite.ts';

/**
 * What DynamoDB refuses outright (ValidationException, never fixed by a retry) must never reach it from a
 * Result: numbers beyond its range, partition keys over 2,048 bytes. dynalite enforces both, as AWS does.
 */

const placement = { bucket: TEST_BUCKET, key: 'incoming/article.txt', order: '2026-01-01T00:00:00.000Z#01' };
const offload = { textKey: 'processed/article-1.txt', resultKey: 'processed/article-1.json' };

const aNumber = (value: number): NumberFact => ({ text: 'x', kind: 'money', value, start: 0, end: 1 });

describe('article store limits against dynalite', () => {
  const dynalite = useArticleStoreOnDynalite();

  it.each([
    ['a money amount of 1e149', 1e149],
    ['a share of 1e-151', 1e-151],
    ['a negative 1e130', -1e130],
  ])('keeps the whole Result in S3 and saves the item when the facts hold %s', async (_name, value) => {
    const result = aResult({ facts: { ...aResult().facts, numbers: [aNumber(value)] } });

    expect(needsResultInS3(result)).toBe(true);
    expect(await dynalite.store.saveResult(result, placement, offload)).toBe(true);

    const stored = await dynalite.store.get(result.id);
    expect(stored?.resultKey).toBe(offload.resultKey);
    expect(stored?.result.facts).toBeUndefined();
    expect(stored?.result.status).toBe('DONE');
  });

  it.each([
    ['zero', 0],
    ['a billion', 1e9],
    ['a tiny share', 1e-100],
  ])('keeps the Result in the item when its numbers are as ordinary as %s', (_name, value) => {
    expect(needsResultInS3(aResult({ facts: { ...aResult().facts, numbers: [aNumber(value)] } }))).toBe(
      false,
    );
  });

  it('indexes the other entities and skips one whose name would make a key over 2,048 bytes', async () => {
    const entities: Entity[] = [
      { type: 'person', name: 'Ada Lovelace', mentions: [{ start: 0, end: 12 }], salience: 0.5 },
      {
        type: 'person',
        name: 'Ab Cd '.repeat(2_000).trim(),
        mentions: [{ start: 0, end: 1 }],
        salience: 0.9,
      },
    ];

    await dynalite.store.indexEntities(aResult({ facts: { ...aResult().facts, entities } }));

    expect((await dynalite.store.listByEntity('person', 'Ada Lovelace')).items).toHaveLength(1);
  });

  it('refuses an item over 400 KB as TOO_LARGE before sending it, whatever status it has', async () => {
    const failed = aResult({
      status: 'FAILED',
      text: '',
      error: { code: 'INVALID_INPUT', message: 'x'.repeat(500_000) },
    });

    const saving = dynalite.store.saveResult(failed, placement);

    await expect(saving).rejects.toBeInstanceOf(RejectedError);
    await expect(saving).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(await dynalite.store.get(failed.id)).toBeUndefined();
  });

  it('reports a ValidationException from DynamoDB as a permanent RejectedError, not a retryable one', async () => {
    const lookup = dynalite.store.get('N'.repeat(3_000));

    await expect(lookup).rejects.toBeInstanceOf(RejectedError);
    await expect(lookup).rejects.toMatchObject({ code: 'REJECTED', status: 400 });
  });
});
