import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { SECONDARY_INDEXES, TABLE_SCHEMA } from '#shared/adapters/article-store.ts';
import { INCOMING_PREFIX } from '#shared/config.ts';

/**
 * Where precis keeps things: the articles bucket (with a bucket of its access logs), the queue of its
 * `incoming/` notifications (with its DLQ), the Results table and the idempotency table. Created in the stack's
 * own scope, so their construct ids, and the template's logical ids, are the stack's.
 */

/** CDK's names for the DynamoDB attribute types TABLE_SCHEMA uses. */
const ATTRIBUTE_TYPES = { S: AttributeType.STRING } as const;
const attribute = (key: { readonly name: string; readonly type: keyof typeof ATTRIBUTE_TYPES }) => ({
  name: key.name,
  type: ATTRIBUTE_TYPES[key.type],
});

/** Attribute names the Powertools idempotency DynamoDB persistence layer uses by default. */
const IDEMPOTENCY_KEY = 'id';
const IDEMPOTENCY_TTL = 'expiration';

/** AWS's advice for SQS event sources: visibility timeout at least 6x the function timeout. */
const VISIBILITY_TIMEOUT_FACTOR = 6;
export const MAX_RECEIVE_COUNT = 5;

export interface StorageProps {
  /** What happens to the buckets, the incoming queue and the tables when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
  /** The timeout of the function that consumes the queue: its visibility timeout is 6 times that. */
  readonly consumerTimeout: Duration;
}

export interface Storage {
  readonly accessLogsBucket: Bucket;
  readonly bucket: Bucket;
  readonly deadLetterQueue: Queue;
  readonly queue: Queue;
  readonly table: Table;
  readonly idempotencyTable: Table;
}

/** The buckets, queues and tables, in `scope`. */
export function createStorage(scope: Construct, { removalPolicy, consumerTimeout }: StorageProps): Storage {
  // Bucket: articles arrive under incoming/; server access logs go to a bucket of their own.
  const accessLogsBucket = new Bucket(scope, 'AccessLogsBucket', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    lifecycleRules: [{ expiration: Duration.days(90) }],
    removalPolicy,
  });
  const bucket = new Bucket(scope, 'ArticlesBucket', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    serverAccessLogsBucket: accessLogsBucket,
    serverAccessLogsPrefix: 'articles-bucket/',
    lifecycleRules: [
      {
        noncurrentVersionExpiration: Duration.days(30),
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      },
    ],
    removalPolicy,
  });

  // Queue: one message per object created under incoming/, retried 5 times, then dead-lettered.
  // Both kept when the stack is deleted, like the tables and buckets: the DLQ holds what still needs a redrive.
  const deadLetterQueue = new Queue(scope, 'DeadLetterQueue', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const queue = new Queue(scope, 'IncomingQueue', {
    removalPolicy,
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    visibilityTimeout: Duration.seconds(consumerTimeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
    deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
  });
  bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(queue), {
    prefix: INCOMING_PREFIX,
  });

  // Tables: the Results, and the idempotency records of the process function.
  const { partitionKey, sortKey } = TABLE_SCHEMA;
  const table = new Table(scope, 'ResultsTable', {
    partitionKey: attribute(partitionKey),
    sortKey: attribute(sortKey),
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy,
  });
  // byKey (uploads to one key), inFlight (the sweeper's, sparse), byTime and byStatus (newest first, month partitions of four shards each).
  // CloudFormation adds one index per update: a stack deployed before byTime/byStatus needs two deploys.
  for (const index of SECONDARY_INDEXES) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: attribute(index.partitionKey),
      sortKey: attribute(index.sortKey),
      projectionType: ProjectionType[index.projectionType],
      ...('nonKeyAttributes' in index ? { nonKeyAttributes: [...index.nonKeyAttributes] } : {}),
    });
  }
  const idempotencyTable = new Table(scope, 'IdempotencyTable', {
    partitionKey: { name: IDEMPOTENCY_KEY, type: AttributeType.STRING },
    timeToLiveAttribute: IDEMPOTENCY_TTL,
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy,
  });

  return { accessLogsBucket, bucket, deadLetterQueue, queue, table, idempotencyTable };
}
