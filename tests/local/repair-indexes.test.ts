import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AttributeValue,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTableInput } from '#shared/adapters/article-store.ts';
import { createTable } from '../../local/bootstrap.ts';
import { repairIndexes } from '../../local/repair-indexes.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/settings.ts';

/**
 * The crash that repairIndexes undoes, made on purpose: dynalite updates an item's index entries, then the
 * item; a stack killed in between leaves entries no item backs. The test writes such entries with dynalite's
 * own index update on its closed store (fault injection), then checks what the repair leaves.
 */

type Item = Record<string, AttributeValue>;
type Callback = (error: Error | null, value?: unknown) => void;
interface DynaliteStore {
  readonly db: { close(callback: Callback): void };
  getTable(name: string, callback: Callback): void;
}
interface DynaliteDb {
  create(options: { path: string }): DynaliteStore;
  updateIndexes(
    store: DynaliteStore,
    table: unknown,
    existing: Item | undefined,
    item: Item,
    cb: Callback,
  ): void;
}
const dynaliteDb = createRequire(import.meta.url)('dynalite/db/index.js') as DynaliteDb;

const TABLE = 'precis-repair-test';
let dataDir: string | undefined;

afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function withDynalite<T>(path: string, run: (client: DynamoDBClient) => Promise<T>): Promise<T> {
  const server: Server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: `http://127.0.0.1:${port}`,
  });
  try {
    return await run(client);
  } finally {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Writes `item`'s index entries without the item, as a kill between dynalite's two writes leaves them. */
async function crashAfterIndexWrite(path: string, item: Item): Promise<void> {
  const store = dynaliteDb.create({ path });
  const table = await new Promise((resolve, reject) =>
    store.getTable(TABLE, (error, value) => (error ? reject(error) : resolve(value))),
  );
  await new Promise<void>((resolve, reject) =>
    dynaliteDb.updateIndexes(store, table, undefined, item, (error) => (error ? reject(error) : resolve())),
  );
  await new Promise((resolve) => store.db.close(resolve));
}

const result = (id: string, status: string, uploadedAt: string): Item => ({
  pk: { S: `ARTICLE#${id}` },
  sk: { S: 'RESULT' },
  id: { S: id },
  status: { S: status },
  gsi1pk: { S: 'KEY#bucket/incoming/a.txt' },
  gsi1sk: { S: `${uploadedAt}#${id}` },
});

const byKey = async (client: DynamoDBClient) =>
  (
    await client.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: 'byKey',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'KEY#bucket/incoming/a.txt' } },
      }),
    )
  ).Items ?? [];

describe('repairIndexes', () => {
  it('removes the index entries a crash left behind and keeps every item and its own entries', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'precis-repair-'));
    const path = dataDir;
    const done = result('a1', 'DONE', '2026-11-30T10:00:05.000Z');
    await withDynalite(path, async (client) => {
      await createTable(client, createTableInput(TABLE));
      await client.send(new PutItemCommand({ TableName: TABLE, Item: done }));
    });
    // Killed while marking the same Result PROCESSING under another upload time, and while writing a
    // Result that was never stored at all.
    await crashAfterIndexWrite(path, result('a1', 'PROCESSING', '2026-11-30T10:00:01.000Z'));
    await crashAfterIndexWrite(path, result('b2', 'PENDING', '2026-11-30T10:00:02.000Z'));

    await withDynalite(path, async (client) => {
      expect((await byKey(client)).map((entry) => entry.status?.S).sort()).toEqual([
        'DONE',
        'PENDING',
        'PROCESSING',
      ]);

      const report = await repairIndexes(client, TABLE);

      expect(report.orphansRemoved).toBe(2);
      expect((await byKey(client)).map((entry) => [entry.id?.S, entry.status?.S])).toEqual([['a1', 'DONE']]);
      const kept = await client.send(
        new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'ARTICLE#a1' }, sk: { S: 'RESULT' } } }),
      );
      expect(kept.Item).toEqual(done);
      const never = await client.send(
        new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'ARTICLE#b2' }, sk: { S: 'RESULT' } } }),
      );
      expect(never.Item).toBeUndefined();
      expect((await repairIndexes(client, TABLE)).orphansRemoved).toBe(0);
    });
  });
});
