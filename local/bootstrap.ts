import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { BucketAlreadyOwnedByYou, CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  QueueNameExists,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/**
 * Creates what the CDK app creates, idempotently: the bucket, the queue with its dead-letter queue, the tables.
 * Safe to run on every start over persisted state.
 */

/** The idempotency table as Powertools expects it: partition key `id`. */
export function idempotencyTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  };
}

export interface BootstrapInput {
  readonly bucket: string;
  readonly queue: string;
  readonly deadLetterQueue: string;
  readonly maxReceiveCount: number;
  readonly visibilityTimeoutSeconds: number;
  readonly tables: readonly CreateTableCommandInput[];
}

export interface Queue {
  readonly url: string;
  readonly arn: string;
}

export interface BootstrapOutput {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
}

export interface BootstrapClients {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly dynamodb: DynamoDBClient;
}

async function createBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
  }
}

async function createQueue(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<Queue> {
  let url: string | undefined;
  try {
    ({ QueueUrl: url } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes })));
  } catch (error) {
    // Persisted from a run with other settings: keep the queue and its messages, apply today's attributes.
    if (!(error instanceof QueueNameExists)) throw error;
    ({ QueueUrl: url } = await sqs.send(new CreateQueueCommand({ QueueName: name })));
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  }
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  const arn = Attributes?.QueueArn;
  if (url === undefined || arn === undefined) throw new Error(`Queue ${name} has no URL or ARN`);
  return { url, arn };
}

const TABLE_ACTIVE_POLL_MS = 10;
const TABLE_ACTIVE_TIMEOUT_MS = 10_000;

/**
 * Creates a table (if missing) and waits until it is ACTIVE: dynalite answers CreateTable with CREATING and
 * refuses items (ResourceNotFoundException) until its timer flips the status, even with createTableMs 0.
 */
export async function createTable(dynamodb: DynamoDBClient, table: CreateTableCommandInput): Promise<void> {
  try {
    await dynamodb.send(new CreateTableCommand(table));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await addMissingIndexes(dynamodb, table, await waitUntilActive(dynamodb, table.TableName));
}

async function waitUntilActive(dynamodb: DynamoDBClient, tableName: string | undefined) {
  const deadline = Date.now() + TABLE_ACTIVE_TIMEOUT_MS;
  for (;;) {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = Table?.GlobalSecondaryIndexes ?? [];
    if (Table?.TableStatus === 'ACTIVE' && indexes.every((index) => index.IndexStatus === 'ACTIVE')) {
      return indexes.map((index) => index.IndexName);
    }
    if (Date.now() > deadline) throw new Error(`Table ${tableName} is still ${Table?.TableStatus}`);
    await new Promise((resolve) => setTimeout(resolve, TABLE_ACTIVE_POLL_MS));
  }
}

/** A table kept from an older run gets the indexes added since (one at a time, as DynamoDB requires). */
async function addMissingIndexes(
  dynamodb: DynamoDBClient,
  table: CreateTableCommandInput,
  existing: readonly (string | undefined)[],
): Promise<void> {
  for (const index of table.GlobalSecondaryIndexes ?? []) {
    if (existing.includes(index.IndexName)) continue;
    await dynamodb.send(
      new UpdateTableCommand({
        TableName: table.TableName,
        AttributeDefinitions: table.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await waitUntilActive(dynamodb, table.TableName);
  }
}

export async function bootstrap(clients: BootstrapClients, input: BootstrapInput): Promise<BootstrapOutput> {
  await createBucket(clients.s3, input.bucket);
  for (const table of input.tables) await createTable(clients.dynamodb, table);
  const deadLetterQueue = await createQueue(clients.sqs, input.deadLetterQueue, {});
  const queue = await createQueue(clients.sqs, input.queue, {
    VisibilityTimeout: String(input.visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: deadLetterQueue.arn,
      maxReceiveCount: input.maxReceiveCount,
    }),
  });
  return { queue, deadLetterQueue };
}
