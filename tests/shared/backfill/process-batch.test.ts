import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isProcessedByCurrentVersion } from '#shared/backfill/already-processed.ts';
import type { BackfillItem } from '#shared/backfill/backfill-item.ts';
import { processBackfillBatch } from '#shared/backfill/process-batch.ts';
import { DependencyError } from '#shared/errors.ts';
import { PIPELINE_VERSION } from '#shared/result.ts';
import { objectArticleId } from '#shared/use-cases/article-id.ts';
import { processObject } from '#shared/use-cases/process-object.ts';
import { anS3ObjectRef, fixedNow, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { createInMemoryBucket, createInMemoryStore } from '#tests/helpers/in-memory-adapters.ts';

const seed = readFileSync(new URL('../../fixtures/seed-article.txt', import.meta.url));
const OLDER_VERSION = '0.0.1-older';
/** A PNG signature and zeros: no article. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 0),
]);
const item = (key: string, etag: string): BackfillItem => ({ bucket: TEST_BUCKET, key, etag });

/** Three objects: one processed by this pipeline version, one by an older one, one never processed. */
async function archive() {
  const { bucket, objects, reads } = createInMemoryBucket();
  const { store, rows } = createInMemoryStore();
  const deps = { bucket, store, logger: { warn: () => undefined }, maxInputBytes: 1_000_000, now: fixedNow };
  for (const name of ['current', 'older', 'never']) {
    objects.set(`incoming/${name}.txt`, { body: seed, etag: `e-${name}`, contentType: 'text/plain' });
  }
  for (const name of ['current', 'older']) {
    await processObject(anS3ObjectRef({ key: `incoming/${name}.txt`, etag: `e-${name}` }), deps);
  }
  const olderId = objectArticleId({ bucket: TEST_BUCKET, key: 'incoming/older.txt', version: 'e-older' });
  const older = rows.get(olderId);
  if (older === undefined) throw new Error('the older object was not processed');
  rows.set(olderId, { ...older, result: { ...older.result, pipelineVersion: OLDER_VERSION } });
  const items = ['current', 'older', 'never'].map((name) => item(`incoming/${name}.txt`, `e-${name}`));
  return { deps, store, rows, items, olderId, reads };
}

describe('processBackfillBatch', () => {
  it('reprocesses objects an older version or no version processed, and skips those this version processed', async () => {
    const { deps, store, rows, items, olderId } = await archive();

    const report = await processBackfillBatch(items, {
      isCurrent: (listed) => isProcessedByCurrentVersion(store, listed),
      processOne: (ref) => processObject(ref, deps),
      concurrency: 2,
      now: fixedNow,
    });

    expect(report).toEqual({ items: 3, processed: 2, skipped: 1, ignored: 0, failed: [], failedResults: [] });
    expect(rows.get(olderId)?.result).toMatchObject({ status: 'DONE', pipelineVersion: PIPELINE_VERSION });
    expect([...rows.values()].map((row) => row.result.pipelineVersion)).toEqual([
      PIPELINE_VERSION,
      PIPELINE_VERSION,
      PIPELINE_VERSION,
    ]);
  });

  it('skips, without reading it, an object whose Result this version wrote, once a first backfill ran', async () => {
    const { deps, store, items, reads } = await archive();
    const batch = {
      isCurrent: (listed: BackfillItem) => isProcessedByCurrentVersion(store, listed),
      processOne: (ref: Parameters<typeof processObject>[0]) => processObject(ref, deps),
      concurrency: 3,
    };
    await processBackfillBatch(items, batch);
    const readsBefore = reads.length;

    expect(await processBackfillBatch(items, batch)).toMatchObject({ processed: 0, skipped: 3 });
    expect(reads.length).toBe(readsBefore);
  });

  it('tries every object and reports the ones a dependency failed, for the batch to be retried', async () => {
    const { deps, store, items } = await archive();

    const report = await processBackfillBatch(items, {
      isCurrent: (listed) => isProcessedByCurrentVersion(store, listed),
      processOne: async (ref) => {
        if (ref.key === 'incoming/never.txt') throw new DependencyError('S3 is throttling');
        return processObject(ref, deps);
      },
      concurrency: 1,
    });

    expect(report).toMatchObject({ processed: 1, skipped: 1 });
    expect(report.failed).toEqual([
      { key: 'incoming/never.txt', message: 'DependencyError: S3 is throttling' },
    ]);
  });

  it('replaces the Result of the upload itself in a versioned bucket, whose listing gives no version id', async () => {
    const { bucket, objects } = createInMemoryBucket();
    const { store, rows } = createInMemoryStore();
    const deps = {
      bucket,
      store,
      logger: { warn: () => undefined },
      maxInputBytes: 1_000_000,
      now: fixedNow,
    };
    objects.set('incoming/v.txt', { body: seed, etag: 'e-v', versionId: 'v1', contentType: 'text/plain' });
    await processObject(anS3ObjectRef({ key: 'incoming/v.txt', etag: 'e-v', versionId: 'v1' }), deps);
    const id = objectArticleId({ bucket: TEST_BUCKET, key: 'incoming/v.txt', version: 'v1' });
    const stored = rows.get(id);
    if (stored === undefined) throw new Error('the upload was not processed');
    rows.set(id, { ...stored, result: { ...stored.result, pipelineVersion: OLDER_VERSION } });

    const report = await processBackfillBatch([item('incoming/v.txt', 'e-v')], {
      isCurrent: (listed) => isProcessedByCurrentVersion(store, listed),
      processOne: (ref) => processObject(ref, deps),
      concurrency: 1,
    });

    expect(report).toMatchObject({ processed: 1 });
    expect([...rows.keys()]).toEqual([id]);
    expect(rows.get(id)?.result).toMatchObject({ status: 'DONE', pipelineVersion: PIPELINE_VERSION });
  });

  it('lists, with its article id and code, an object whose new Result is FAILED', async () => {
    const { deps, store } = await archive();
    const { bucket, objects } = createInMemoryBucket();
    objects.set('incoming/picture.png', { body: PNG, etag: 'e-png', contentType: 'image/png' });
    const pngDeps = { ...deps, bucket };

    const report = await processBackfillBatch([item('incoming/picture.png', 'e-png')], {
      isCurrent: (listed) => isProcessedByCurrentVersion(store, listed),
      processOne: (ref) => processObject(ref, pngDeps),
      concurrency: 1,
    });

    const id = objectArticleId({ bucket: TEST_BUCKET, key: 'incoming/picture.png', version: 'e-png' });
    expect(report).toMatchObject({
      processed: 1,
      failed: [],
      failedResults: [{ id, key: 'incoming/picture.png', code: 'UNSUPPORTED_CONTENT' }],
    });
  });

  it('counts objects outside incoming/ as ignored', async () => {
    const { deps, store } = await archive();

    const report = await processBackfillBatch([item('archive/a.txt', 'e-a')], {
      isCurrent: (listed) => isProcessedByCurrentVersion(store, listed),
      processOne: (ref) => processObject(ref, deps),
      concurrency: 1,
    });

    expect(report).toMatchObject({ processed: 0, ignored: 1 });
  });
});
