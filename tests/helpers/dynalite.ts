import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type ArticleStore, createArticleStore, createTableInput } from '#shared/adapters/article-store.ts';
import { createTable } from '../../local/bootstrap.ts';

export interface TestDynamo {
  readonly endpoint: string;
  readonly dynamodb: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
  /** Creates a table as infra/ and the local stack do (TABLE_SCHEMA). */
  createArticleTable(tableName: string): Promise<void>;
  close(): Promise<void>;
}

export const TEST_AWS_CONFIG = {
  region: 'eu-west-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
} as const;

/** A real DynamoDB API (dynalite, in memory) on a free port of 127.0.0.1. */
export async function startDynalite(): Promise<TestDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const dynamodb = new DynamoDBClient({ ...TEST_AWS_CONFIG, endpoint });
  const documentClient = DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    endpoint,
    dynamodb,
    documentClient,
    createArticleTable: (tableName) => createTable(dynamodb, createTableInput(tableName)),
    close: async () => {
      dynamodb.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** A store on a fresh table of one dynalite per suite: registers the vitest hooks, read fields inside tests. */
export interface StoreOnDynalite {
  readonly dynamo: TestDynamo;
  readonly store: ArticleStore;
  readonly tableName: string;
}

export function useArticleStoreOnDynalite(): StoreOnDynalite {
  let dynamo: TestDynamo | undefined;
  let current: StoreOnDynalite | undefined;
  let tableNumber = 0;
  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    await dynamo?.close();
  });
  beforeEach(async () => {
    if (dynamo === undefined) throw new Error('dynalite did not start');
    tableNumber += 1;
    const tableName = `articles-${tableNumber}`;
    await dynamo.createArticleTable(tableName);
    current = { dynamo, store: createArticleStore(dynamo.documentClient, tableName), tableName };
  });
  const now = () => {
    if (current === undefined) throw new Error('use the store inside a test');
    return current;
  };
  return {
    get dynamo() {
      return now().dynamo;
    },
    get store() {
      return now().store;
    },
    get tableName() {
      return now().tableName;
    },
  };
}
