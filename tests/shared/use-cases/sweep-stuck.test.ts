import { describe, expect, it } from 'vitest';
import { sweepStuck } from '#shared/use-cases/sweep-stuck.ts';
import { aResult, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { createInMemoryBucket, createInMemoryStore } from '#tests/helpers/in-memory-adapters.ts';

const placement = { bucket: TEST_BUCKET, key: 'incoming/a.txt', order: '1' };
const NOW = new Date('2026-01-01T02:00:00.000Z');
const HOUR_MS = 3_600_000;

describe('sweepStuck', () => {
  it('fails Results PENDING or PROCESSING past the deadline with TIMED_OUT, removes their processed/ objects, and leaves the rest', async () => {
    const { store, rows } = createInMemoryStore();
    const { bucket, objects } = createInMemoryBucket();
    const inFlight = (id: string, status: 'PENDING' | 'PROCESSING', processedAt: string) =>
      store.putPending(aResult({ id, status, text: '', summary: [], processedAt }), placement);
    await inFlight('stuck', 'PROCESSING', '2026-01-01T00:30:00.000Z');
    await inFlight('waiting', 'PENDING', '2026-01-01T00:10:00.000Z');
    await inFlight('recent', 'PROCESSING', '2026-01-01T01:30:00.000Z');
    await store.saveResult(aResult({ id: 'done', processedAt: '2026-01-01T00:00:00.000Z' }), placement);
    await bucket.writeText('processed/stuck.txt', 'half-written');
    await bucket.writeText('processed/stuck.html', '<p>half-written</p>');
    await bucket.writeText('processed/stuck.json', '{}');
    const warnings: string[] = [];

    const failed = await sweepStuck({
      store,
      bucket,
      logger: { warn: (message) => warnings.push(message) },
      stuckAfterMs: HOUR_MS,
      now: () => NOW,
    });

    expect(failed.sort()).toEqual(['stuck', 'waiting']);
    expect(rows.get('stuck')?.result).toMatchObject({ status: 'FAILED', error: { code: 'TIMED_OUT' } });
    expect(rows.get('recent')?.result.status).toBe('PROCESSING');
    expect(rows.get('done')?.result.status).toBe('DONE');
    expect([...objects.keys()].filter((key) => key.startsWith('processed/stuck'))).toEqual([]);
    expect(warnings).toHaveLength(2);
  });
});
