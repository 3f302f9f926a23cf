import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { createTableInput } from '#shared/adapters/article-store.ts';
import { createStorage } from '../../infra/storage.ts';
import { createTestApp, logicalId, resource } from './synth.ts';

const disposals: Array<() => void> = [];
afterAll(() => {
  for (const dispose of disposals.splice(0)) dispose();
});

/** The storage alone, in a stack of its own, consumed by a function of this timeout. */
function synthStorage(removalPolicy = RemovalPolicy.RETAIN, consumerTimeout = Duration.seconds(60)) {
  const { app, dispose } = createTestApp();
  disposals.push(dispose);
  const stack = new Stack(app, 'Storage', { env: { region: 'us-east-1' } });
  createStorage(stack, { removalPolicy, consumerTimeout });
  return { stack, template: Template.fromStack(stack) };
}

describe('createStorage', () => {
  const { stack, template } = synthStorage();

  describe('bucket', () => {
    it('blocks public access, encrypts, versions and logs the articles bucket', () => {
      const bucket = resource(template, logicalId(stack, 'ArticlesBucket'));

      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: logicalId(stack, 'AccessLogsBucket') } },
      });
      expect(JSON.stringify(bucket.Properties.LifecycleConfiguration)).toContain(
        'NoncurrentVersionExpiration',
      );
    });

    it('denies every request without TLS on both buckets', () => {
      for (const bucketId of ['ArticlesBucket', 'AccessLogsBucket']) {
        template.hasResourceProperties('AWS::S3::BucketPolicy', {
          Bucket: { Ref: logicalId(stack, bucketId) },
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Deny',
                Action: 's3:*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          },
        });
      }
    });

    it('notifies the queue of objects created under incoming/ only', () => {
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        NotificationConfiguration: {
          QueueConfigurations: [
            {
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
              QueueArn: { 'Fn::GetAtt': [logicalId(stack, 'IncomingQueue'), 'Arn'] },
            },
          ],
        },
      });
    });
  });

  describe('queue', () => {
    it('dead-letters a message after 5 receives into a queue that keeps it 14 days', () => {
      const queue = resource(template, logicalId(stack, 'IncomingQueue'));
      const deadLetterQueue = resource(template, logicalId(stack, 'DeadLetterQueue'));

      expect(queue.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(stack, 'DeadLetterQueue'), 'Arn'] },
        maxReceiveCount: 5,
      });
      expect(deadLetterQueue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 60 * 60);
    });

    it('keeps a message invisible for 6 times the timeout of the function that consumes it', () => {
      const longer = synthStorage(RemovalPolicy.RETAIN, Duration.seconds(90));

      const visibility = (synthesised: { stack: Stack; template: Template }) =>
        resource(synthesised.template, logicalId(synthesised.stack, 'IncomingQueue')).Properties
          .VisibilityTimeout;

      expect(visibility({ stack, template })).toBe(6 * 60);
      expect(visibility(longer)).toBe(6 * 90);
    });

    it.each(['IncomingQueue', 'DeadLetterQueue'])(
      'encrypts %s and denies it to requests without TLS',
      (queueId) => {
        expect(resource(template, logicalId(stack, queueId)).Properties.SqsManagedSseEnabled).toBe(true);
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: logicalId(stack, queueId) }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      },
    );

    it('keeps the dead-letter queue when the stack is deleted, whatever the removal policy', () => {
      const destroyed = synthStorage(RemovalPolicy.DESTROY);

      const policyOf = (id: string) =>
        destroyed.template.toJSON().Resources[logicalId(destroyed.stack, id)].DeletionPolicy;

      expect(policyOf('DeadLetterQueue')).toBe('Retain');
      expect(policyOf('IncomingQueue')).toBe('Delete');
    });
  });

  describe('tables', () => {
    it('stores Results on demand with point-in-time recovery and the byKey, inFlight (sparse), byTime and byStatus indexes', () => {
      expect(resource(template, logicalId(stack, 'ResultsTable')).Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byKey',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'inFlight',
            KeySchema: [
              { AttributeName: 'gsi2pk', KeyType: 'HASH' },
              { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['status'] },
          },
          {
            IndexName: 'byTime',
            KeySchema: [
              { AttributeName: 'gsi3pk', KeyType: 'HASH' },
              { AttributeName: 'gsi3sk', KeyType: 'RANGE' },
            ],
            Projection: {
              ProjectionType: 'INCLUDE',
              NonKeyAttributes: expect.arrayContaining(['status', 'title']),
            },
          },
          {
            IndexName: 'byStatus',
            KeySchema: [
              { AttributeName: 'gsi4pk', KeyType: 'HASH' },
              { AttributeName: 'gsi4sk', KeyType: 'RANGE' },
            ],
            Projection: {
              ProjectionType: 'INCLUDE',
              NonKeyAttributes: expect.arrayContaining(['status', 'title']),
            },
          },
        ],
      });
    });

    it('defines the same keys and index as the table the local stack creates', () => {
      const local = createTableInput('results');
      const sortByName = (definitions: unknown[] = []) =>
        [...(definitions as Array<{ AttributeName: string }>)].sort((a, b) =>
          a.AttributeName.localeCompare(b.AttributeName),
        );

      const table = resource(template, logicalId(stack, 'ResultsTable')).Properties;

      expect(table.KeySchema).toEqual(local.KeySchema);
      expect(table.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
      expect(sortByName(table.AttributeDefinitions as unknown[])).toEqual(
        sortByName(local.AttributeDefinitions),
      );
    });

    it('keys idempotency records by id and expires them by the expiration attribute', () => {
      expect(resource(template, logicalId(stack, 'IdempotencyTable')).Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
      });
    });
  });
});
