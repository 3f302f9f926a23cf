import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isProcessedByCurrentVersion } from '#shared/backfill/already-processed.ts';
import type { BackfillItem } from '#shared/backfill/backfill-item.ts';
import { enqueueBackfill } from '#shared/backfill/enqueue-backfill.ts';
import { processBackfillBatch } from '#shared/backfill/process-batch.ts';
import { DependencyError } from '#shared/errors.ts';
import { PIPELINE_VERSION } from '#shared/result.ts';
import { objectArticleId } from '#shared/use-cases/article-id.ts';
import { processObject } from '#shared/use-cases/process-object.ts';
import { anS3ObjectRef, fixedNow, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { createInMemoryBucket, createInMemoryStore } from '#tests/helpers/in-memory-adapters.ts';

const seed = readFileSync(new URL('../../fixtures/seed-article.txt', import.meta.url));
const OLDER_VERSION = '0.0.1-older';
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

    expect(report).toEqual({ items: 3, processed: 2, skipped: 1, ignored: 0, failed: [] });
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

describe('enqueueBackfill', () => {
  it('enqueues, page by page, the objects the current version has not processed, and counts the rest', async () => {
    const pages = [[item('incoming/a.txt', '1'), item('incoming/b.txt', '2')], [item('incoming/c.txt', '3')]];
    const enqueued: string[][] = [];
    const progress: string[] = [];

    const report = await enqueueBackfill('incoming/', {
      list: async function* () {
        yield* pages;
      },
      isCurrent: async (listed) => listed.key === 'incoming/b.txt',
      enqueue: async (stale) => {
        enqueued.push(stale.map((listed) => listed.key));
      },
      concurrency: 4,
      onPage: (partial, lastKey) => {
        progress.push(`${partial.listed} ${lastKey}`);
      },
    });

    expect(report).toEqual({ prefix: 'incoming/', listed: 3, skipped: 1, enqueued: 2 });
    expect(enqueued).toEqual([['incoming/a.txt'], ['incoming/c.txt']]);
    expect(progress).toEqual(['2 incoming/b.txt', '3 incoming/c.txt']);
  });

  it('counts on from where an interrupted walk stopped, and stops when a page callback throws', async () => {
    const pages = [[item('incoming/d.txt', '4')], [item('incoming/e.txt', '5')]];
    const enqueued: string[] = [];

    const walk = enqueueBackfill('incoming/', {
      list: async function* () {
        yield* pages;
      },
      isCurrent: async () => false,
      enqueue: async (stale) => {
        enqueued.push(...stale.map((listed) => listed.key));
      },
      concurrency: 1,
      from: { prefix: 'incoming/', listed: 3, skipped: 1, enqueued: 2 },
      onPage: (partial) => {
        if (partial.listed === 4) throw new Error('stopped');
      },
    });

    await expect(walk).rejects.toThrow('stopped');
    expect(enqueued).toEqual(['incoming/d.txt']);
  });
});
