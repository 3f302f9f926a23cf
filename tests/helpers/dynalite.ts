import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { createTableInput } from '#shared/adapters/article-store.ts';
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
