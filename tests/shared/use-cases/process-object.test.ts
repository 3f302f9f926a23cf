import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DependencyError } from '#shared/errors.ts';
import { eventVersion } from '#shared/events/s3-event.ts';
import { PIPELINE_VERSION } from '#shared/result.ts';
import { countWords } from '#shared/summarise/candidates.ts';
import { objectArticleId } from '#shared/use-cases/article-id.ts';
import { getArticle } from '#shared/use-cases/get-article.ts';
import { placeholderResult } from '#shared/use-cases/placeholder-result.ts';
import { processObject } from '#shared/use-cases/process-object.ts';
import {
  anS3ObjectRef,
  BINARY_BYTES,
  encode,
  FIXED_NOW,
  fixedNow,
  TEST_BUCKET,
} from '#tests/helpers/builders.ts';
import {
  createInMemoryBucket,
  createInMemoryStore,
  type StoredObject,
} from '#tests/helpers/in-memory-adapters.ts';

const seed = readFileSync(new URL('../../fixtures/seed-article.txt', import.meta.url));
const KEY = 'incoming/my article(1).txt';

function setup(objects: Record<string, StoredObject> = {}, maxInputBytes = 1_000_000) {
  const { bucket, objects: stored, reads } = createInMemoryBucket();
  for (const [key, object] of Object.entries(objects)) stored.set(key, object);
  const { store, rows } = createInMemoryStore();
  const warnings: { message: string; attributes: Record<string, unknown> }[] = [];
  const logger = {
    warn: (message: string, attributes: Record<string, unknown>) => warnings.push({ message, attributes }),
  };
  return {
    deps: { bucket, store, logger, maxInputBytes, now: fixedNow },
    objects: stored,
    reads,
    rows,
    warnings,
  };
}

/**
 * An article naming 500 different people 30 times each: even within the caps on facts (500 entities), its
 * facts alone exceed a DynamoDB item.
 */
function manyPeopleArticle(): Uint8Array {
  const first = ['Anna', 'Carl', 'Maria', 'John', 'Peter', 'Laura', 'David', 'Sarah', 'James', 'Emma'];
  const last = Array.from(
    { length: 50 },
    (_, index) => `Hal${'abcdefghijklmnopqrst'[index % 20]}${'stuvwxyzab'[Math.floor(index / 20) % 10]}son`,
  );
  const people = last.flatMap((surname) => first.map((name) => `${name} ${surname}`));
  const sentences = Array.from({ length: 30 }, (_, round) =>
    people.map((person) => `${person} said the plan would work in round ${round + 1}.`),
  ).flat();
  return new TextEncoder().encode(`City council approves the plan\n\n${sentences.join(' ')}`);
}

/** The id of the upload an event names: its ETag (the bucket keeps no versions here). */
const idOf = (etag: string, key = KEY, sequencer?: string) =>
  objectArticleId({
    bucket: TEST_BUCKET,
    key,
    version: eventVersion(anS3ObjectRef({ key, etag, ...(sequencer ? { sequencer } : {}) })),
  });

describe('processObject', () => {
  it('stores a DONE Result and the cleaned text under processed/ when given the seed article', async () => {
    const { deps, objects, rows } = setup({ [KEY]: { body: seed, etag: 'e1', contentType: 'text/plain' } });

    const outcome = await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), deps);

    const id = idOf('e1');
    expect(outcome).toEqual({ kind: 'stored', id, status: 'DONE' });
    const row = rows.get(id);
    expect(row?.result).toMatchObject({
      status: 'DONE',
      source: { bucket: TEST_BUCKET, key: KEY, etag: 'e1' },
    });
    expect(row?.textKey).toBe(`processed/${id}.txt`);
    expect(new TextDecoder().decode(objects.get(`processed/${id}.txt`)?.body)).toBe(row?.result.text);
  });

  it('writes the viewer page of a DONE Result to processed/<id>.html and records its key', async () => {
    const { deps, objects, rows } = setup({ [KEY]: { body: seed, etag: 'e1', contentType: 'text/plain' } });

    await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), deps);

    const id = idOf('e1');
    const page = objects.get(`processed/${id}.html`);
    expect(rows.get(id)?.pageKey).toBe(`processed/${id}.html`);
    expect(page?.contentType).toBe('text/html; charset=utf-8');
    const heading = parseHTML(new TextDecoder().decode(page?.body)).document.querySelector('h1');
    expect(heading?.textContent).toBe(rows.get(id)?.result.title);
  });

  it('keeps the whole Result in S3 and serves it complete when its facts are too large for an item', async () => {
    const { deps, objects, rows } = setup({ [KEY]: { body: manyPeopleArticle(), etag: 'e1' } });

    await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), deps);

    const id = idOf('e1');
    const row = rows.get(id);
    expect(row?.resultKey).toBe(`processed/${id}.json`);
    expect(objects.has(`processed/${id}.json`)).toBe(true);
    const served = await getArticle(id, deps);
    expect(served).toEqual(row?.result);
    expect(served.facts.entities.length).toBeGreaterThan(400);
    expect(
      JSON.parse(new TextDecoder().decode(objects.get(`processed/${id}.json`)?.body)),
    ).not.toHaveProperty('text');
  });

  it('stores a FAILED Result with code UNSUPPORTED_CONTENT when the object is binary', async () => {
    const { deps, objects, rows } = setup({ [KEY]: { body: BINARY_BYTES, etag: 'e1' } });

    const outcome = await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), deps);

    expect(outcome).toEqual({
      kind: 'stored',
      id: idOf('e1'),
      status: 'FAILED',
      code: 'UNSUPPORTED_CONTENT',
    });
    expect(rows.get(idOf('e1'))?.result.error?.code).toBe('UNSUPPORTED_CONTENT');
    expect([...objects.keys()].filter((key) => key.startsWith('processed/'))).toEqual([]);
  });

  it('stores a FAILED Result with code TOO_LARGE without downloading when the object is over the limit', async () => {
    const { deps, reads } = setup({ [KEY]: { body: encode('x'.repeat(101)), etag: 'e1' } }, 100);

    const outcome = await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), deps);

    expect(outcome).toMatchObject({ kind: 'stored', status: 'FAILED', code: 'TOO_LARGE' });
    expect(reads).toEqual([]);
  });

  it('ignores and logs an event for an object that does not exist, making no Result', async () => {
    const { deps, rows, warnings } = setup();

    const outcome = await processObject(
      anS3ObjectRef({ key: 'incoming/never uploaded.txt', etag: 'e1' }),
      deps,
    );

    expect(outcome).toMatchObject({ kind: 'ignored' });
    expect(rows.size).toBe(0);
    expect(warnings).toEqual([
      {
        message: expect.any(String),
        attributes: expect.objectContaining({ key: 'incoming/never uploaded.txt' }),
      },
    ]);
  });

  it('fails the PENDING Result with NOT_FOUND when a submitted object is gone before processing', async () => {
    const { deps, rows } = setup();
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const key = `incoming/${id}.txt`;
    await deps.store.putPending(
      placeholderResult(id, 'PENDING', { bucket: TEST_BUCKET, key, bytes: 10 }, FIXED_NOW),
      {
        bucket: TEST_BUCKET,
        key,
        order: '1',
      },
    );

    const outcome = await processObject(anS3ObjectRef({ key, etag: 'e1' }), deps);

    expect(outcome).toEqual({ kind: 'stored', id, status: 'FAILED', code: 'NOT_FOUND' });
    expect(rows.get(id)?.result).toMatchObject({ status: 'FAILED', error: { code: 'NOT_FOUND' } });
  });

  it('replaces a Result of an older pipeline version (a backfill) and keeps that run in history', async () => {
    const { deps, rows } = setup({ [KEY]: { body: seed, etag: 'e1' } });
    const ref = anS3ObjectRef({ key: KEY, etag: 'e1' });
    const id = objectArticleId({ bucket: TEST_BUCKET, key: KEY, version: eventVersion(ref) });
    const older = {
      pipelineVersion: '0.0.1',
      processedAt: '2025-06-01T00:00:00.000Z',
      status: 'DONE' as const,
    };
    await deps.store.saveResult(
      {
        ...placeholderResult(id, 'PROCESSING', { bucket: TEST_BUCKET, key: KEY, bytes: 10 }, FIXED_NOW),
        ...older,
      },
      { bucket: TEST_BUCKET, key: KEY, order: '1' },
    );

    const outcome = await processObject(ref, deps);

    expect(outcome).toMatchObject({ kind: 'stored', id, status: 'DONE' });
    expect(rows.get(id)?.result).toMatchObject({
      status: 'DONE',
      pipelineVersion: PIPELINE_VERSION,
      history: [older],
    });
  });

  it('uses the article id from the object metadata when the upload came through the API', async () => {
    const key = 'incoming/from-api.txt';
    const { deps, rows } = setup({
      [key]: { body: seed, etag: 'e1', metadata: { 'article-id': 'from-api' } },
    });

    await processObject(anS3ObjectRef({ key, etag: 'e1' }), deps);

    expect(rows.get('from-api')?.result.status).toBe('DONE');
  });

  it("takes the object's Content-Language as the article's declared language", async () => {
    const key = 'incoming/declared.txt';
    const { deps, rows } = setup({
      [key]: { body: seed, etag: 'e1', contentLanguage: 'en-GB', metadata: { 'article-id': 'declared' } },
    });

    await processObject(anS3ObjectRef({ key, etag: 'e1' }), deps);

    expect(rows.get('declared')?.result).toMatchObject({
      status: 'DONE',
      language: 'en',
      languageSource: 'declared',
      languageConfidence: 1,
    });
  });

  it('gives a copy of a submitted object its own id and Result when the copy keeps the article-id metadata', async () => {
    const metadata = { 'article-id': 'from-api' };
    const { deps, rows } = setup({
      'incoming/from-api.txt': { body: seed, etag: 'e1', metadata },
      [KEY]: { body: seed, etag: 'e1', metadata },
    });

    await processObject(anS3ObjectRef({ key: 'incoming/from-api.txt', etag: 'e1' }), deps);
    const copy = await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), deps);

    expect(copy).toMatchObject({ kind: 'stored', id: idOf('e1'), status: 'DONE' });
    expect(rows.get('from-api')?.result.source.key).toBe('incoming/from-api.txt');
  });

  it.each([
    ['the metadata over the configured length', { 'summary-sentences': '1' }, 4, 1],
    ['the configured length without metadata', {}, 2, 2],
  ])('summarises to %s', async (_name, metadata, configured, expected) => {
    const { deps, rows } = setup({ [KEY]: { body: seed, etag: 'e1', metadata } });

    await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), { ...deps, sentences: configured });

    expect(rows.get(idOf('e1'))?.result.summary).toHaveLength(expected);
  });

  it('keeps the summary within the word budget of summary-words metadata, in place of the configured sentences', async () => {
    const { deps, rows } = setup({ [KEY]: { body: seed, etag: 'e1', metadata: { 'summary-words': '40' } } });

    await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), { ...deps, sentences: 5 });

    const summary = rows.get(idOf('e1'))?.result.summary ?? [];
    expect(summary.length).toBeGreaterThan(0);
    expect(countWords(summary.join(' '))).toBeLessThanOrEqual(40);
  });

  it('keeps the summary within the configured word budget when the upload asks for no length', async () => {
    const { deps, rows } = setup({ [KEY]: { body: seed, etag: 'e1' } });

    await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), { ...deps, words: 30 });

    expect(countWords((rows.get(idOf('e1'))?.result.summary ?? []).join(' '))).toBeLessThanOrEqual(30);
  });

  it.each(['9', '501', 'forty'])('ignores and logs summary-words metadata %j', async (value) => {
    const { deps, rows, warnings } = setup({
      [KEY]: { body: seed, etag: 'e1', metadata: { 'summary-words': value } },
    });

    await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), { ...deps, sentences: 2 });

    expect(rows.get(idOf('e1'))?.result).toMatchObject({ status: 'DONE', summary: { length: 2 } });
    expect(warnings).toEqual([
      { message: expect.any(String), attributes: expect.objectContaining({ 'summary-words': value }) },
    ]);
  });

  it.each(['0', '21', 'three', '2.5', '', ' 3'])(
    'ignores and logs summary-sentences metadata %j, keeping the configured length',
    async (value) => {
      const { deps, rows, warnings } = setup({
        [KEY]: { body: seed, etag: 'e1', metadata: { 'summary-sentences': value } },
      });

      await processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), { ...deps, sentences: 2 });

      expect(rows.get(idOf('e1'))?.result).toMatchObject({ status: 'DONE', summary: { length: 2 } });
      expect(warnings).toEqual([
        { message: expect.any(String), attributes: expect.objectContaining({ 'summary-sentences': value }) },
      ]);
    },
  );

  it('reports a duplicate and keeps the first Result when the same event arrives twice', async () => {
    const { deps, rows, reads } = setup({ [KEY]: { body: seed, etag: 'e1' } });
    const ref = anS3ObjectRef({ key: KEY, etag: 'e1' });
    await processObject(ref, deps);
    const first = rows.get(idOf('e1'))?.result;

    const outcome = await processObject(ref, { ...deps, now: () => new Date('2030-01-01T00:00:00Z') });

    expect(outcome).toEqual({ kind: 'duplicate', id: idOf('e1') });
    expect(rows.get(idOf('e1'))?.result).toBe(first);
    expect(reads).toHaveLength(1);
  });

  it('keeps one Result per content when different content is uploaded to the same key', async () => {
    const { deps, objects } = setup({ [KEY]: { body: seed, etag: 'e1' } });
    await processObject(anS3ObjectRef({ key: KEY, etag: 'e1', eventTime: '2026-01-01T00:00:00.000Z' }), deps);
    objects.set(KEY, { body: encode('A new version. It has other words.'), etag: 'e2' });

    await processObject(anS3ObjectRef({ key: KEY, etag: 'e2', eventTime: '2026-01-02T00:00:00.000Z' }), deps);

    const listed = await deps.store.listByKey(TEST_BUCKET, KEY);
    expect(listed.map((article) => article.result.id)).toEqual([idOf('e2'), idOf('e1')]);
  });

  it('ignores an older event that arrives late for content the key no longer holds', async () => {
    const { deps, rows } = setup({ [KEY]: { body: seed, etag: 'e2' } });
    await processObject(anS3ObjectRef({ key: KEY, etag: 'e2', sequencer: '02' }), deps);

    const late = await processObject(anS3ObjectRef({ key: KEY, etag: 'e1', sequencer: '01' }), deps);

    expect(late).toMatchObject({ kind: 'ignored' });
    expect([...rows.keys()]).toEqual([idOf('e2', KEY, '02')]);
  });

  it.each([
    ['outside incoming/', anS3ObjectRef({ key: 'processed/abc.txt' })],
    ['in another bucket', anS3ObjectRef({ bucket: 'someone-elses' })],
    ['that is a folder marker', anS3ObjectRef({ key: 'incoming/2026/' })],
  ])('ignores an object %s', async (_name, ref) => {
    const { deps, rows } = setup();

    const outcome = await processObject(ref, deps);

    expect(outcome.kind).toBe('ignored');
    expect(rows.size).toBe(0);
  });

  it('propagates a DependencyError and leaves the Result PROCESSING when S3 fails mid-way', async () => {
    const { deps, rows } = setup({ [KEY]: { body: seed, etag: 'e1' } });
    const failingBucket = {
      ...deps.bucket,
      read: async () => {
        throw new DependencyError('GetObject failed: SlowDown');
      },
    };

    await expect(
      processObject(anS3ObjectRef({ key: KEY, etag: 'e1' }), { ...deps, bucket: failingBucket }),
    ).rejects.toBeInstanceOf(DependencyError);
    expect(rows.get(idOf('e1'))?.result.status).toBe('PROCESSING');
  });
});
