import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import type { Entity, Result } from '#shared/result.ts';
import { aResult, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { useArticleStoreOnDynalite } from '#tests/helpers/dynalite.ts';

/**
 * A rerun of an article (a new pipeline version, a reprocess, a backfill) leaves the entity index holding
 * exactly its new Result's entities: entries for entities it no longer has are removed, also when the earlier
 * run filed them under another upload order, also for an article indexed before manifests, and a crash
 * between the writes (injected) loses no new entry and forgets no stale one once the redelivery has run.
 */

const ORDER = '2026-01-01T00:00:00.000Z#01';
const placement = (order = ORDER) => ({ bucket: TEST_BUCKET, key: 'incoming/a.txt', order });
const person = (name: string): Entity => ({ type: 'person', name, mentions: [{ start: 0, end: 1 }] });
const withPeople = (...names: string[]): Result =>
  aResult({ facts: { ...aResult().facts, entities: names.map(person) } });

describe('the entity index on a rerun', () => {
  const dynalite = useArticleStoreOnDynalite();

  /** Every entity index item of the table, as `<folded name> <sort key>`. */
  async function entries(): Promise<string[]> {
    const page = await dynalite.dynamo.documentClient.send(
      new ScanCommand({ TableName: dynalite.tableName }),
    );
    return (page.Items ?? [])
      .filter((item) => String(item.pk).startsWith('ENTITY#'))
      .map((item) => `${String(item.pk).split('#')[2]} ${item.sk}`)
      .sort();
  }
  /** The autocomplete names of the people the tests use (Ann, Bob, Cy), with their article counts. */
  async function names(): Promise<string[]> {
    const found: string[] = [];
    for (const prefix of ['a', 'b', 'c']) {
      const { items } = await dynalite.store.listNames(['person'], prefix, 100);
      found.push(...items.map((name) => `${name.name}:${name.articles}`));
    }
    return found;
  }
  const manifest = async () =>
    (
      await dynalite.dynamo.documentClient.send(
        new GetCommand({ TableName: dynalite.tableName, Key: { pk: 'ARTICLE#article-1', sk: 'ENTITIES' } }),
      )
    ).Item;

  it('removes the entries of entities the new Result no longer has, and keeps and adds the rest', async () => {
    await dynalite.store.indexEntities(withPeople('Ann Lee', 'Bob Ray'), placement());

    await dynalite.store.indexEntities(withPeople('Ann Lee', 'Cy Young'), placement());

    expect(await entries()).toEqual([`ann lee ${ORDER}#article-1`, `cy young ${ORDER}#article-1`]);
    expect((await dynalite.store.listByEntity('person', 'Bob Ray')).items).toEqual([]);
    expect(await names()).toEqual(['Ann Lee:1', 'Cy Young:1']);
  });

  it('removes entries an earlier run filed under another upload order', async () => {
    await dynalite.store.indexEntities(withPeople('Ann Lee'), placement('2025-01-01T00:00:00.000Z#01'));

    await dynalite.store.indexEntities(withPeople('Ann Lee'), placement());

    expect(await entries()).toEqual([`ann lee ${ORDER}#article-1`]);
    expect(await names()).toEqual(['Ann Lee:1']);
  });

  it('removes every entry and the manifest when the rerun ends FAILED', async () => {
    await dynalite.store.indexEntities(withPeople('Ann Lee'), placement());

    await dynalite.store.indexEntities(
      aResult({ status: 'FAILED', facts: { ...aResult().facts, entities: [] } }),
    );

    expect(await entries()).toEqual([]);
    expect(await names()).toEqual([]);
    expect(await manifest()).toBeUndefined();
  });

  it('finds the stale entries of an article indexed before manifests from the Result it replaces', async () => {
    const before = withPeople('Ann Lee', 'Bob Ray');
    await dynalite.store.indexEntities(before, placement());
    await dynalite.dynamo.documentClient.send(
      new DeleteCommand({ TableName: dynalite.tableName, Key: { pk: 'ARTICLE#article-1', sk: 'ENTITIES' } }),
    );

    await dynalite.store.indexEntities(withPeople('Ann Lee'), placement(), { result: before, order: ORDER });

    expect(await entries()).toEqual([`ann lee ${ORDER}#article-1`]);
    expect(await names()).toEqual(['Ann Lee:1']);
  });

  it.each([
    ['the manifest grows', (command: object) => isPut(command, 'ENTITIES'), 1],
    ['a new entry is written', (command: object) => isPut(command, 'ENTITY#person#cy young#'), 1],
    ['a stale entry is removed', (command: object) => isDelete(command, 'ENTITY#person#bob ray#'), 1],
    ['the manifest shrinks', (command: object) => isPut(command, 'ENTITIES'), 2],
  ])('loses no new entry and forgets no stale one when it crashes as %s', async (_when, crashesOn, nth) => {
    await dynalite.store.indexEntities(withPeople('Ann Lee', 'Bob Ray'), placement());
    const crashing = crashingClient(dynalite.dynamo.documentClient, crashesOn, nth);
    const store = createArticleStore(crashing, dynalite.tableName);
    const rerun = withPeople('Ann Lee', 'Cy Young');

    await expect(store.indexEntities(rerun, placement())).rejects.toThrow('crashed');
    // The Result is still PROCESSING: the redelivery runs the same indexing again.
    await dynalite.store.indexEntities(rerun, placement());

    expect(await entries()).toEqual([`ann lee ${ORDER}#article-1`, `cy young ${ORDER}#article-1`]);
    expect(await names()).toEqual(['Ann Lee:1', 'Cy Young:1']);
    expect((await manifest())?.entries).toHaveLength(2);
  });
});

type Command = { readonly constructor: { readonly name: string }; readonly input: Record<string, unknown> };
const keyText = (command: object) => {
  const { input } = command as Command;
  const key = (input.Item ?? input.Key) as { pk?: string; sk?: string } | undefined;
  return `${key?.pk ?? ''} ${key?.sk ?? ''}`;
};
const isPut = (command: object, part: string) =>
  (command as Command).constructor.name === 'PutCommand' && keyText(command).includes(part);
const isDelete = (command: object, part: string) =>
  (command as Command).constructor.name === 'DeleteCommand' && keyText(command).includes(part);

/** The real client, except that the `nth` command `crashesOn` matches fails as a crash would end the run. */
function crashingClient(
  real: DynamoDBDocumentClient,
  crashesOn: (command: object) => boolean,
  nth: number,
): DynamoDBDocumentClient {
  let seen = 0;
  return {
    send: (command: object) => {
      if (crashesOn(command) && ++seen === nth) return Promise.reject(new Error('crashed'));
      return real.send(command as Parameters<DynamoDBDocumentClient['send']>[0]);
    },
  } as unknown as DynamoDBDocumentClient;
}
