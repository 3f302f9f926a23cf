import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ArticleStore, createArticleStore, createTableInput } from '#shared/adapters/article-store.ts';
import { ENV } from '#shared/config.ts';
import { createTable, idempotencyTableInput } from '../../local/bootstrap.ts';
import { startEmulators } from '../../local/servers.ts';
import { TEST_BUCKET, TEST_TABLE } from './builders.ts';
import { TEST_AWS_CONFIG } from './dynalite.ts';

export const TEST_IDEMPOTENCY_TABLE = 'precis-idempotency-test';

export interface TestEmulators {
  readonly s3: S3Client;
  readonly store: ArticleStore;
  /** Uploads an object and returns its ETag without quotes, as an S3 notification carries it. */
  upload(key: string, body: Uint8Array | string, contentType?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The S3 emulator and dynalite on free ports of 127.0.0.1, with the bucket and both tables created, and the
 * environment set the way the local stack sets it, so the real handler modules can be imported afterwards.
 */
export async function startTestEmulators(): Promise<TestEmulators> {
  const dataDir = mkdtempSync(join(tmpdir(), 'precis-functions-'));
  const emulators = await startEmulators(dataDir, { s3: 0, dynamodb: 0 });
  Object.assign(process.env, {
    [ENV.tableName]: TEST_TABLE,
    [ENV.bucketName]: TEST_BUCKET,
    [ENV.idempotencyTableName]: TEST_IDEMPOTENCY_TABLE,
    [ENV.s3ForcePathStyle]: 'true',
    AWS_REGION: TEST_AWS_CONFIG.region,
    AWS_ACCESS_KEY_ID: TEST_AWS_CONFIG.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_AWS_CONFIG.credentials.secretAccessKey,
    AWS_ENDPOINT_URL_S3: emulators.s3Endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: emulators.dynamodbEndpoint,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  const s3 = new S3Client({ ...TEST_AWS_CONFIG, endpoint: emulators.s3Endpoint, forcePathStyle: true });
  const dynamodb = new DynamoDBClient({ ...TEST_AWS_CONFIG, endpoint: emulators.dynamodbEndpoint });
  await s3.send(new CreateBucketCommand({ Bucket: TEST_BUCKET }));
  await createTable(dynamodb, createTableInput(TEST_TABLE));
  await createTable(dynamodb, idempotencyTableInput(TEST_IDEMPOTENCY_TABLE));
  return {
    s3,
    store: createArticleStore(DynamoDBDocumentClient.from(dynamodb), TEST_TABLE),
    upload: async (key, body, contentType = 'text/plain') => {
      const output = await s3.send(
        new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: body, ContentType: contentType }),
      );
      return (output.ETag ?? '').replace(/"/g, '');
    },
    stop: async () => {
      s3.destroy();
      dynamodb.destroy();
      await emulators.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
