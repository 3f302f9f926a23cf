import { type DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import type { Entity, Result } from '#shared/result.ts';
import { aResult, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { useArticleStoreOnDynalite } from '#tests/helpers/dynalite.ts';

/**
 * failInFlight writes the FAILED Result, then files it under its status list and removes the entity index
 * entries an earlier run of the article filed. A crash between those writes (injected: every command after
 * the FAILED update fails, as when the process dies) must not leave a FAILED Result listed under entities it
 * does not have: the next attempt, whether the redelivered dead letter or the sweeper, finishes the job.
 */

const ORDER = '2026-01-01T00:00:00.000Z#01';
const ID = 'article-1';
const placement = { bucket: TEST_BUCKET, key: 'incoming/a.txt', order: ORDER };
const person = (name: string): Entity => ({ type: 'person', name, mentions: [{ start: 0, end: 1 }] });
/** Written by an older pipeline version, so that a backfill may take it up again. */
const done = (): Result =>
  aResult({
    id: ID,
    pipelineVersion: '0.0.1-older',
    facts: { ...aResult().facts, entities: [person('Ann Lee'), person('Bob Ray')] },
  });
const processing = () =>
  aResult({ id: ID, status: 'PROCESSING', text: '', summary: [], processedAt: '2026-01-01T00:00:00.000Z' });
const error = { code: 'RETRIES_EXHAUSTED' as const, message: 'failed on every delivery' };
const AT = new Date('2026-01-01T02:00:00.000Z');

type Command = { readonly constructor: { readonly name: string }; readonly input: Record<string, unknown> };
const isFailingUpdate = (command: object) =>
  (command as Command).constructor.name === 'UpdateCommand' &&
  String((command as Command).input.UpdateExpression).includes(':failed');

/** The real client until the FAILED update has gone through; then every command fails, as a dead process's would. */
function crashingAfterFailedUpdate(real: DynamoDBDocumentClient): DynamoDBDocumentClient {
  let crashed = false;
  return {
    send: async (command: object) => {
      if (crashed) throw new Error('crashed');
      const output = await real.send(command as Parameters<DynamoDBDocumentClient['send']>[0]);
      if (isFailingUpdate(command)) crashed = true;
      return output;
    },
  } as unknown as DynamoDBDocumentClient;
}

describe('failInFlight after a crash between its writes', () => {
  const dynalite = useArticleStoreOnDynalite();

  /** The entity index entries of the table, as `<folded name>`. */
  async function entityEntries(): Promise<string[]> {
    const page = await dynalite.dynamo.documentClient.send(
      new ScanCommand({ TableName: dynalite.tableName }),
    );
    return (page.Items ?? [])
      .filter((item) => String(item.pk).startsWith('ENTITY#'))
      .map((item) => String(item.pk).split('#')[2] ?? '')
      .sort();
  }
  const item = async () =>
    (
      await dynalite.dynamo.documentClient.send(
        new GetCommand({ TableName: dynalite.tableName, Key: { pk: `ARTICLE#${ID}`, sk: 'RESULT' } }),
      )
    ).Item;

  /** A DONE Result with two entities, being reprocessed, whose failing crashed after the FAILED update. */
  async function crashedWhileFailing(): Promise<void> {
    const { store } = dynalite;
    await store.markProcessing(processing(), placement);
    await store.indexEntities(done(), placement);
    await store.saveResult(done(), placement);
    await store.markProcessing(processing(), placement);
    const crashing = createArticleStore(
      crashingAfterFailedUpdate(dynalite.dynamo.documentClient),
      dynalite.tableName,
    );

    await expect(crashing.failInFlight(ID, error, { at: AT })).rejects.toThrow('crashed');
    expect((await store.get(ID))?.result.status).toBe('FAILED');
    // Left behind by the crash: the older run's entries, for a Result that has no entities.
    expect(await entityEntries()).toEqual(['ann lee', 'bob ray']);
  }

  it('is finished by the next attempt to fail it (the dead letter delivered again)', async () => {
    await crashedWhileFailing();

    expect(await dynalite.store.failInFlight(ID, error, { at: AT })).toBe(true);

    expect(await entityEntries()).toEqual([]);
    expect((await dynalite.store.listByEntity('person', 'Ann Lee')).items).toEqual([]);
    expect(await item()).toMatchObject({ status: 'FAILED', gsi4pk: expect.stringContaining('FAILED') });
    expect(await dynalite.store.listInFlight('2026-12-31T00:00:00.000Z')).toEqual([]);
    expect(await dynalite.store.failInFlight(ID, error, { at: AT })).toBe(false);
  });

  it('is finished by the sweeper, which still lists it until it is', async () => {
    await crashedWhileFailing();

    const listed = await dynalite.store.listInFlight('2026-12-31T00:00:00.000Z');
    expect(listed.map(({ id }) => id)).toEqual([ID]);
    const [stuck] = listed;
    expect(await dynalite.store.failInFlight(ID, error, { at: AT, since: stuck?.since ?? '' })).toBe(true);

    expect(await entityEntries()).toEqual([]);
    expect(await dynalite.store.listInFlight('2026-12-31T00:00:00.000Z')).toEqual([]);
  });
});
