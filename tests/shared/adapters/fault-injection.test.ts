import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { toAdapterError } from '#shared/adapters/aws-errors.ts';
import { DYNAMODB_FAULT, injectFaults, S3_FAULT } from '#shared/adapters/fault-injection.ts';
import { loadConfig } from '#shared/config.ts';
import { DependencyError } from '#shared/errors.ts';

/** Nothing listens here: a request that is really sent fails to connect. */
const NOWHERE = 'http://127.0.0.1:9';
const clientConfig = {
  region: 'us-east-1',
  endpoint: NOWHERE,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
};
const clients: Array<{ destroy(): void }> = [];
afterAll(() => {
  for (const client of clients) client.destroy();
});

describe('injectFaults', () => {
  it('fails a DynamoDB request with a throttling error that precis retries, without sending it', async () => {
    const dynamodb = new DynamoDBClient(clientConfig);
    clients.push(dynamodb);
    injectFaults(dynamodb, 0.1, DYNAMODB_FAULT, () => 0.05);

    const error = await dynamodb
      .send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } }))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    expect(toAdapterError(error, 'GetItem')).toBeInstanceOf(DependencyError);
  });

  it('fails an S3 request with a 500 that precis retries', async () => {
    const s3 = new S3Client({ ...clientConfig, forcePathStyle: true });
    clients.push(s3);
    injectFaults(s3, 0.1, S3_FAULT, () => 0);

    const error = await s3.send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' })).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'InternalError', $metadata: { httpStatusCode: 500 } });
    expect(toAdapterError(error, 'HeadObject')).toBeInstanceOf(DependencyError);
  });

  it('lets a request through when the draw is above the rate', async () => {
    const dynamodb = new DynamoDBClient(clientConfig);
    clients.push(dynamodb);
    injectFaults(dynamodb, 0.1, DYNAMODB_FAULT, () => 0.5);

    const error = await dynamodb
      .send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } }))
      .catch((e: unknown) => e);

    expect((error as Error).name).not.toBe('ThrottlingException');
  });
});

describe('PRECIS_FAULT_RATE', () => {
  const env = { TABLE_NAME: 't', BUCKET_NAME: 'b' };

  it('is off unless set', () => {
    expect(loadConfig(env).faultRate).toBeUndefined();
  });

  it.each(['0', '-0.1', '0.6', 'lots'])('refuses %j', (value) => {
    expect(() => loadConfig({ ...env, PRECIS_FAULT_RATE: value })).toThrow(/PRECIS_FAULT_RATE/);
  });

  it('reads a share', () => {
    expect(loadConfig({ ...env, PRECIS_FAULT_RATE: '0.05' }).faultRate).toBe(0.05);
  });
});
