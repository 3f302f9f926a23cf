import { describe, expect, it } from 'vitest';
import type { ListState } from '#shared/adapters/article-store.ts';
import { foldEntityName } from '#shared/adapters/entity-index.ts';
import type { Result } from '#shared/result.ts';
import { aResult, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { useArticleStoreOnDynalite } from '#tests/helpers/dynalite.ts';

const orderAt = (index: number) => new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString();
const placement = (result: Result, order: string) => ({
  bucket: TEST_BUCKET,
  key: `incoming/${result.id}.txt`,
  order,
});

describe('foldEntityName', () => {
  it.each([
    ['People’s Republic of China', "people's republic of china"],
    ['Jean-Luc Picard', 'jean luc picard'],
    ['Zoë Ünal', 'zoe unal'],
    ['U.S.', 'us'],
    ['  ANTONY   BLINKEN ', 'antony blinken'],
    ['Al‑Sisi', 'al sisi'],
  ])('folds %s like %s', (a, b) => {
    expect(foldEntityName(a)).toBe(foldEntityName(b));
  });
});

describe('lists on dynalite', () => {
  const dynalite = useArticleStoreOnDynalite();

  async function pageThrough<T>(read: (from: ListState) => Promise<{ items: T[]; next?: ListState }>) {
    const seen: T[] = [];
    let from: ListState | undefined = {};
    let pages = 0;
    while (from !== undefined) {
      const page: { items: T[]; next?: ListState } = await read(from);
      seen.push(...page.items);
      from = page.next;
      pages += 1;
      if (pages > 1_000) throw new Error('paging does not end');
    }
    return { seen, pages };
  }

  it('visits each of 250 articles exactly once, newest first, across months and shards', async () => {
    const results = Array.from({ length: 250 }, (_, index) =>
      aResult({ id: `a-${String(index).padStart(3, '0')}` }),
    );
    // Spread over two months (hour steps from 2026-01-01 run into February).
    for (const [index, result] of results.entries()) {
      await dynalite.store.saveResult(result, placement(result, orderAt(index * 3)));
    }

    const { seen, pages } = await pageThrough((from) =>
      dynalite.store.listRecent(undefined, 7, from, new Date('2026-02-15T00:00:00Z')),
    );

    expect(seen.map((item) => item.id)).toEqual(results.map((result) => result.id).reverse());
    expect(pages).toBeGreaterThanOrEqual(36);
  }, 120_000);

  it('lists one status only, and follows a Result as its status changes', async () => {
    const done = aResult({ id: 'done-1' });
    const failed = aResult({ id: 'failed-1', status: 'FAILED', error: { code: 'EMPTY', message: 'empty' } });
    await dynalite.store.saveResult(done, placement(done, orderAt(1)));
    await dynalite.store.saveResult(failed, placement(failed, orderAt(2)));

    const page = await dynalite.store.listRecent('FAILED', 10, {}, new Date('2026-01-02T00:00:00Z'));

    expect(page.items.map((item) => item.id)).toEqual(['failed-1']);
    expect(page.items[0]).toMatchObject({ status: 'FAILED', error: { code: 'EMPTY' } });
    expect(page.items[0]).not.toHaveProperty('text');
  });

  it('pages the uploads to one key', async () => {
    const key = 'incoming/same.txt';
    for (let index = 0; index < 12; index += 1) {
      const result = aResult({ id: `k-${index}` });
      await dynalite.store.saveResult(result, { bucket: TEST_BUCKET, key, order: orderAt(index) });
    }

    const { seen } = await pageThrough((from) => dynalite.store.pageByKey(TEST_BUCKET, key, 5, from));

    expect(seen.map((item) => item.id)).toEqual(Array.from({ length: 12 }, (_, index) => `k-${11 - index}`));
  });

  it('finds an article by any alias, folding case, apostrophes, dashes and diacritics, and pages 60 hits', async () => {
    const results = Array.from({ length: 60 }, (_, index) =>
      aResult({
        id: `e-${String(index).padStart(2, '0')}`,
        facts: {
          entities: [
            {
              type: 'person',
              name: 'Antony Blinken',
              aliases: ['Blinken'],
              mentions: [{ start: 0, end: 14 }],
              count: 2,
            },
            { type: 'place', name: 'People’s Republic of China', mentions: [{ start: 0, end: 5 }] },
            { type: 'person', name: 'Zoë Saint-Just', mentions: [{ start: 0, end: 5 }] },
          ],
          dates: [],
          numbers: [],
          quotes: [],
        },
      }),
    );
    for (const [index, result] of results.entries()) {
      await dynalite.store.indexEntities(result, placement(result, orderAt(index)));
    }

    const byAlias = await pageThrough((from) => dynalite.store.listByEntity('person', 'blinken', 25, from));
    const apostrophe = await dynalite.store.listByEntity('place', "people's republic of china", 100);
    const folded = await dynalite.store.listByEntity('person', 'ZOE SAINT JUST', 100);

    expect(byAlias.seen.map((hit) => hit.id)).toEqual(results.map((result) => result.id).reverse());
    expect(byAlias.seen[0]).toMatchObject({ name: 'Antony Blinken', count: 2 });
    expect(byAlias.pages).toBe(3);
    expect(apostrophe.items).toHaveLength(60);
    expect(folded.items).toHaveLength(60);
  }, 120_000);

  it('lists names by prefix with article counts, and counts each article once when indexed twice', async () => {
    const one = aResult({ id: 'n-1' });
    const two = aResult({ id: 'n-2' });
    await dynalite.store.indexEntities(one, placement(one, orderAt(1)));
    await dynalite.store.indexEntities(one, placement(one, orderAt(1)));
    await dynalite.store.indexEntities(two, placement(two, orderAt(2)));

    const page = await dynalite.store.listNames(['person', 'place'], 'ADA', 10);
    await dynalite.store.unindexEntities(two, placement(two, orderAt(2)));
    const after = await dynalite.store.listNames(['person'], 'ada', 10);
    const london = await dynalite.store.listNames(['place'], 'lon', 10);

    expect(page.items).toEqual([{ type: 'person', name: 'Ada Lovelace', articles: 2 }]);
    expect(after.items).toEqual([{ type: 'person', name: 'Ada Lovelace', articles: 1 }]);
    expect(london.items).toEqual([{ type: 'place', name: 'London', articles: 1 }]);
  });
});
