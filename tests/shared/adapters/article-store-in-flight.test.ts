import { describe, expect, it } from 'vitest';
import { aResult, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { useArticleStoreOnDynalite } from '#tests/helpers/dynalite.ts';

/** The in-flight index, failing stuck Results, and reprocessing after RETRIES_EXHAUSTED, on dynalite. */

const placement = { bucket: TEST_BUCKET, key: 'incoming/article.txt', order: '2026-01-01T00:00:00.000Z#01' };
const AT = new Date('2026-01-01T02:00:00.000Z');
const processing = (id: string, processedAt: string) =>
  aResult({ id, status: 'PROCESSING', text: '', summary: [], processedAt });

describe('in-flight Results on dynalite', () => {
  const dynalite = useArticleStoreOnDynalite();

  it('lists PENDING and PROCESSING Results older than the cutoff, and no terminal ones', async () => {
    const { store } = dynalite;
    await store.markProcessing(processing('old', '2026-01-01T00:00:00.000Z'), placement);
    await store.markProcessing(processing('new', '2026-01-01T01:30:00.000Z'), placement);
    await store.markProcessing(processing('done', '2026-01-01T00:00:00.000Z'), placement);
    await store.saveResult(aResult({ id: 'done', processedAt: '2026-01-01T00:10:00.000Z' }), placement);

    const stuck = await store.listInFlight('2026-01-01T01:00:00.000Z');

    expect(stuck).toEqual([{ id: 'old', status: 'PROCESSING', since: '2026-01-01T00:00:00.000Z' }]);
  });

  it('fails an in-flight Result once, drops it from the index, and leaves a terminal one alone', async () => {
    const { store } = dynalite;
    await store.markProcessing(processing('stuck', '2026-01-01T00:00:00.000Z'), placement);
    await store.saveResult(aResult({ id: 'finished' }), placement);
    const error = { code: 'TIMED_OUT' as const, message: 'stuck' };

    expect(await store.failInFlight('stuck', error, { at: AT })).toBe(true);
    expect(await store.failInFlight('stuck', error, { at: AT })).toBe(false);
    expect(await store.failInFlight('finished', error, { at: AT })).toBe(false);
    expect(await store.failInFlight('never-existed', error, { at: AT })).toBe(false);

    expect((await store.get('stuck'))?.result).toMatchObject({ status: 'FAILED', error, text: '' });
    expect((await store.get('finished'))?.result.status).toBe('DONE');
    expect(await store.listInFlight('2026-12-31T00:00:00.000Z')).toEqual([]);
  });

  it('moves a failed Result from the PROCESSING list to the FAILED list', async () => {
    const { store } = dynalite;
    await store.markProcessing(processing('stuck', '2026-01-01T00:00:00.000Z'), placement);
    const now = new Date('2026-01-15T00:00:00.000Z');

    await store.failInFlight('stuck', { code: 'TIMED_OUT', message: 'stuck' }, { at: AT });

    const ids = async (status: 'PROCESSING' | 'FAILED') =>
      (await store.listRecent(status, 10, {}, now)).items.map((item) => item.id);
    expect(await ids('PROCESSING')).toEqual([]);
    expect(await ids('FAILED')).toEqual(['stuck']);
  });

  it('leaves a Result alone when processing took it up again since it was listed', async () => {
    const { store } = dynalite;
    await store.markProcessing(processing('busy', '2026-01-01T00:00:00.000Z'), placement);
    await store.markProcessing(processing('busy', '2026-01-01T01:59:00.000Z'), placement);

    const failed = await store.failInFlight(
      'busy',
      { code: 'TIMED_OUT', message: 'stuck' },
      { at: AT, since: '2026-01-01T00:00:00.000Z' },
    );

    expect(failed).toBe(false);
    expect((await store.get('busy'))?.result.status).toBe('PROCESSING');
  });

  it.each([
    ['RETRIES_EXHAUSTED', true],
    ['TIMED_OUT', true],
    ['EMPTY', false],
    ['REJECTED', false],
  ] as const)('lets processing take up again a Result FAILED with %s: %s', async (code, again) => {
    const { store } = dynalite;
    await store.markProcessing(processing('a', '2026-01-01T00:00:00.000Z'), placement);
    await store.saveResult(
      aResult({ id: 'a', status: 'FAILED', text: '', summary: [], error: { code, message: 'x' } }),
      placement,
    );

    expect(
      (await store.markProcessing(processing('a', '2026-01-02T00:00:00.000Z'), placement)) !== false,
    ).toBe(again);
  });
});
