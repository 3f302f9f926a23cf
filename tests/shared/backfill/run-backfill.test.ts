import { describe, expect, it } from 'vitest';
import type { BackfillItem } from '#shared/backfill/backfill-item.ts';
import { BackfillBatchError, type BackfillBatchReport } from '#shared/backfill/process-batch.ts';
import {
  EXCEEDED_TOLERATED_FAILURES,
  type RunBackfillDeps,
  runBackfill,
} from '#shared/backfill/run-backfill.ts';
import { TEST_BUCKET } from '#tests/helpers/builders.ts';

/** The local backfill's engine over an injected batch invoker: batching, concurrency, retries, tolerance. */

const item = (index: number): BackfillItem => ({
  bucket: TEST_BUCKET,
  key: `incoming/${String(index).padStart(3, '0')}.txt`,
  etag: `e-${index}`,
});
const itemsOf = (count: number) => Array.from({ length: count }, (_, index) => item(index));

/** A listing in pages of `pageSize`. */
const listing = (items: readonly BackfillItem[], pageSize: number) =>
  async function* () {
    for (let start = 0; start < items.length; start += pageSize) yield items.slice(start, start + pageSize);
  };

const reportOf = (items: readonly BackfillItem[], overrides: Partial<BackfillBatchReport> = {}) => ({
  items: items.length,
  processed: items.length,
  skipped: 0,
  ignored: 0,
  failed: [],
  failedResults: [],
  ...overrides,
});

const deps = (items: readonly BackfillItem[], overrides: Partial<RunBackfillDeps> = {}): RunBackfillDeps => ({
  list: listing(items, 7),
  invokeBatch: async (batch) => reportOf(batch),
  batchSize: 5,
  concurrency: 3,
  retryDelaysMs: [0, 0, 0],
  ...overrides,
});

describe('runBackfill', () => {
  it('ends SUCCEEDED only after every batch has been processed, at most `concurrency` batches at once', async () => {
    const items = itemsOf(23);
    const batches: string[][] = [];
    let inFlight = 0;
    let most = 0;

    const outcome = await runBackfill(
      deps(items, {
        invokeBatch: async (batch) => {
          most = Math.max(most, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          batches.push(batch.map(({ key }) => key));
          inFlight--;
          return reportOf(batch);
        },
      }),
    );

    expect(outcome).toEqual({
      status: 'SUCCEEDED',
      objects: { listed: 23, processed: 23, failed: 0, skipped: 0 },
      failures: [],
    });
    expect(batches.map((batch) => batch.length).sort()).toEqual([3, 5, 5, 5, 5]);
    expect(batches.flat().sort()).toEqual(items.map(({ key }) => key));
    expect(most).toBe(3);
  });

  it('records progress only up to the last key before which every batch has ended, in order', async () => {
    const items = itemsOf(15);
    const recorded: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });

    await runBackfill(
      deps(items, {
        invokeBatch: async (batch) => {
          if (batch[0]?.key === item(0).key) await firstHeld;
          else if (batch[0]?.key === item(10).key) releaseFirst();
          return reportOf(batch);
        },
        onProgress: async ({ objects }, lastKey) => {
          recorded.push(`${objects.listed} ${lastKey}`);
        },
      }),
    );

    // The second and third batches ended before the first: nothing was recorded until it ended.
    expect(recorded).toEqual([`15 ${item(14).key}`]);
  });

  it('lists the objects whose Result is FAILED, with their article ids and codes, and still SUCCEEDS', async () => {
    const items = itemsOf(4);

    const outcome = await runBackfill(
      deps(items, {
        invokeBatch: async (batch) =>
          reportOf(batch, {
            failedResults: batch
              .filter(({ key }) => key === item(2).key)
              .map(({ key }) => ({ id: 'a-2', key, code: 'UNSUPPORTED_CONTENT' as const })),
          }),
      }),
    );

    expect(outcome).toEqual({
      status: 'SUCCEEDED',
      objects: { listed: 4, processed: 4, failed: 0, skipped: 0 },
      failures: [{ id: 'a-2', key: item(2).key, code: 'UNSUPPORTED_CONTENT' }],
    });
  });

  it('retries a failed batch, counting what each attempt processed and what the last could not', async () => {
    const items = itemsOf(5);
    let attempts = 0;

    const outcome = await runBackfill(
      deps(items, {
        retryDelaysMs: [0],
        invokeBatch: async (batch) => {
          attempts++;
          const failed = [{ key: item(4).key, message: 'DependencyError: throttled' }];
          // The first attempt processes four; the retry skips them and fails the fifth again.
          const report = reportOf(
            batch,
            attempts === 1 ? { processed: 4, failed } : { processed: 0, skipped: 4, failed },
          );
          throw new BackfillBatchError('1 of 5 objects failed', report);
        },
      }),
    );

    expect(attempts).toBe(2);
    expect(outcome).toMatchObject({
      status: 'FAILED',
      objects: { listed: 5, processed: 4, failed: 1, skipped: 0 },
      failures: [{ key: item(4).key, code: 'RETRIES_EXHAUSTED', message: 'DependencyError: throttled' }],
      error: expect.stringMatching(new RegExp(`^${EXCEEDED_TOLERATED_FAILURES.replace('.', '\\.')}: 1 of 5`)),
    });
  });

  it("reads the report of a BackfillBatchError from another copy of the module (the handler's own), by its name", async () => {
    const items = itemsOf(5);
    let attempts = 0;

    const outcome = await runBackfill(
      deps(items, {
        invokeBatch: async (batch) => {
          attempts++;
          if (attempts > 1) return reportOf(batch, { processed: 1, skipped: 4 });
          const failed = [{ key: item(4).key, message: 'TimeoutError: socket' }];
          throw Object.assign(new Error('1 of 5 objects failed'), {
            name: 'BackfillBatchError',
            report: reportOf(batch, { processed: 4, failed }),
          });
        },
      }),
    );

    expect(outcome.objects).toEqual({ listed: 5, processed: 5, failed: 0, skipped: 0 });
  });

  it('SUCCEEDS when the objects it could not process are within the tolerated 5%', async () => {
    const items = itemsOf(40);
    let retried = false;

    const outcome = await runBackfill(
      deps(items, {
        invokeBatch: async (batch) => {
          const bad = batch.filter(({ key }) => key === item(7).key);
          if (bad.length === 0) return reportOf(batch);
          const failed = bad.map(({ key }) => ({ key, message: 'DependencyError: down' }));
          // The retries skip what the first attempt processed.
          const processed = retried ? 0 : batch.length - 1;
          retried = true;
          throw new BackfillBatchError(
            'failed',
            reportOf(batch, { processed, skipped: batch.length - 1 - processed, failed }),
          );
        },
      }),
    );

    expect(outcome).toMatchObject({
      status: 'SUCCEEDED',
      objects: { listed: 40, processed: 39, failed: 1, skipped: 0 },
      failures: [{ key: item(7).key, code: 'RETRIES_EXHAUSTED' }],
    });
  });

  it('counts every object of a batch whose invocation itself failed as failed, as a Distributed Map does', async () => {
    const items = itemsOf(3);

    const outcome = await runBackfill(
      deps(items, {
        invokeBatch: async () => {
          throw new Error('Task timed out');
        },
      }),
    );

    expect(outcome).toMatchObject({
      status: 'FAILED',
      objects: { listed: 3, processed: 0, failed: 3, skipped: 0 },
    });
    expect(outcome.failures).toHaveLength(3);
  });

  it('counts on from where an interrupted backfill stopped, and stops after the batches in flight when progress throws', async () => {
    const items = itemsOf(12);
    const invoked: string[] = [];

    const run = runBackfill(
      deps(items, {
        concurrency: 1,
        invokeBatch: async (batch) => {
          invoked.push(batch[0]?.key ?? '');
          return reportOf(batch);
        },
        from: { objects: { listed: 10, processed: 8, failed: 0, skipped: 2 }, failures: [] },
        onProgress: async ({ objects }) => {
          if (objects.listed === 15) throw new Error('stopped');
        },
      }),
    );

    await expect(run).rejects.toThrow('stopped');
    expect(invoked).toEqual([item(0).key]);
  });
});
