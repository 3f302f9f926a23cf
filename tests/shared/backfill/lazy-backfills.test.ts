import { describe, expect, it } from 'vitest';
import type { BackfillStatus, Backfills } from '#shared/backfill/backfills.ts';
import { lazyBackfills } from '#shared/backfill/lazy-backfills.ts';

const REQUEST = { prefix: 'incoming/', concurrency: 5 };
const statusOf = (id: string): BackfillStatus => ({
  id,
  status: 'RUNNING',
  prefix: REQUEST.prefix,
  concurrency: REQUEST.concurrency,
  startedAt: '2026-11-30T14:00:00.000Z',
});

/** Backfills that answer from memory, and how often the lazy wrapper asked for them. */
function counted(failFirst = false) {
  const loads = { count: 0 };
  const backfills: Backfills = {
    start: async (id) => statusOf(id),
    status: async (id) => (id === 'known' ? statusOf(id) : undefined),
  };
  const load = async () => {
    loads.count += 1;
    if (failFirst && loads.count === 1) throw new Error('module failed to load');
    return backfills;
  };
  return { loads, load };
}

describe('lazyBackfills', () => {
  it('loads nothing until the first call, then once for every later and concurrent call', async () => {
    const { loads, load } = counted();
    const backfills = lazyBackfills(load);

    expect(loads.count).toBe(0);
    const [started, known] = await Promise.all([backfills.start('b1', REQUEST), backfills.status('known')]);
    const unknown = await backfills.status('other');

    expect(started.id).toBe('b1');
    expect(known?.status).toBe('RUNNING');
    expect(unknown).toBeUndefined();
    expect(loads.count).toBe(1);
  });

  it('passes a failed load to its caller and tries again on the next call', async () => {
    const { loads, load } = counted(true);
    const backfills = lazyBackfills(load);

    await expect(backfills.status('known')).rejects.toThrow('module failed to load');
    expect((await backfills.status('known'))?.id).toBe('known');
    expect(loads.count).toBe(2);
  });
});
