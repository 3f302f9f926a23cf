import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/errors.ts';
import { getArticle } from '#shared/use-cases/get-article.ts';
import { submitArticle } from '#shared/use-cases/submit-article.ts';
import { aResult, encode, fixedNow, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { createInMemoryBucket, createInMemoryStore } from '#tests/helpers/in-memory-adapters.ts';

function setup() {
  const { bucket, objects } = createInMemoryBucket();
  const { store, rows } = createInMemoryStore();
  return { deps: { bucket, store, newId: () => 'id-1', now: fixedNow }, objects, rows };
}

describe('submitArticle', () => {
  it('stores the body under incoming/<id>.<ext> with the id and options in its metadata and records it PENDING', async () => {
    const { deps, objects, rows } = setup();

    const accepted = await submitArticle(
      { bytes: encode('<p>Hi</p>'), contentType: 'text/html', url: 'https://example.test/a', sentences: 3 },
      deps,
    );

    expect(accepted).toEqual({ id: 'id-1', status: 'PENDING', key: 'incoming/id-1.html' });
    expect(objects.get('incoming/id-1.html')).toMatchObject({
      contentType: 'text/html',
      metadata: { 'article-id': 'id-1', 'source-url': 'https://example.test/a', 'summary-sentences': '3' },
    });
    expect(rows.get('id-1')?.result).toMatchObject({ status: 'PENDING', text: '', summary: [] });
  });

  it('keeps the newer status when processing recorded the article before the PENDING write', async () => {
    const { deps, rows } = setup();
    await deps.store.saveResult(aResult({ id: 'id-1', status: 'DONE' }), {
      bucket: TEST_BUCKET,
      key: 'incoming/id-1.txt',
      order: '1',
    });

    await submitArticle({ bytes: encode('Hello.'), contentType: 'text/plain' }, deps);

    expect(rows.get('id-1')?.result.status).toBe('DONE');
  });
});

describe('getArticle', () => {
  it('reads the text back from S3 when the item holds only its key', async () => {
    const { deps, objects } = setup();
    const { text, ...withoutText } = aResult({ id: 'big' });
    const store = { ...deps.store, get: async () => ({ result: withoutText, textKey: 'processed/big.txt' }) };
    objects.set('processed/big.txt', { body: encode(text) });

    const result = await getArticle('big', { ...deps, store });

    expect(result).toEqual(aResult({ id: 'big' }));
  });

  it('throws NotFoundError when the id is unknown', async () => {
    const { deps } = setup();

    await expect(getArticle('nope', deps)).rejects.toBeInstanceOf(NotFoundError);
  });
});
