import type { CfnResource } from 'aws-cdk-lib';
import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableInput } from '#shared/adapters/article-store.ts';
import { ENV } from '#shared/config.ts';
import { API_ROUTES } from '#shared/events/api-routes.ts';
import { PrecisStack, type PrecisStackProps } from '../../infra/precis-stack.ts';
import { createTestApp } from './synth.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

const disposals: Array<() => void> = [];
afterAll(() => {
  for (const dispose of disposals.splice(0)) dispose();
});

type Synthesised = { stack: PrecisStack; template: Template };
let withDefaults: Synthesised | undefined;

/** Synthesises the stack with these props; the default stack is synthesised once and shared. */
function synth(props?: PrecisStackProps): Synthesised {
  if (props === undefined && withDefaults !== undefined) return withDefaults;
  const { app, dispose } = createTestApp();
  disposals.push(dispose);
  const stack = new PrecisStack(app, 'Precis', { env: { region: 'us-east-1' }, ...props });
  const synthesised = { stack, template: Template.fromStack(stack) };
  if (props === undefined) withDefaults = synthesised;
  return synthesised;
}

const logicalId = (stack: Stack, path: string): string =>
  stack.resolve(stack.getLogicalId(stack.node.findChild(path).node.defaultChild as CfnResource));

const resource = (template: Template, id: string): Resource => {
  const found = template.toJSON().Resources[id] as Resource | undefined;
  if (found === undefined) throw new Error(`No resource ${id}`);
  return found;
};

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Allow statements of every identity policy (inline, attached or managed) in the template. */
function identityStatements(template: Template): Statement[] {
  const documents = Object.values(template.toJSON().Resources as Record<string, Resource>).flatMap((r) => {
    if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy')
      return [r.Properties.PolicyDocument];
    if (r.Type === 'AWS::IAM::Role') {
      return ((r.Properties.Policies ?? []) as Array<{ PolicyDocument: unknown }>).map(
        (p) => p.PolicyDocument,
      );
    }
    return [];
  }) as Array<{ Statement: Statement[] }>;
  return documents.flatMap((d) => d.Statement).filter((s) => s.Effect === 'Allow');
}

/** `action -> resources` (rendered as JSON) granted by the default policy of a function's role. */
function grantsOf(template: Template, stack: Stack, functionId: string): Array<[string, string]> {
  const role = { Ref: logicalId(stack, `${functionId}Role`) };
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: [role] } }),
  );
  expect(policies.length).toBeGreaterThan(0);
  return (policies as Resource[])
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .flatMap((s) =>
      asArray(s.Action).flatMap((a) =>
        asArray(s.Resource).map((r): [string, string] => [a, JSON.stringify(r)]),
      ),
    );
}

const grants = (pairs: Array<[string, string]>, action: string, pathSuffix: string): boolean =>
  pairs.some(([a, r]) => a === action && r.includes(pathSuffix));

describe('PrecisStack', () => {
  // The shared synthesis takes seconds on a quiet machine and over 30 s on a loaded one: outside the tests.
  beforeAll(() => {
    synth();
  }, 180_000);

  describe('bucket', () => {
    it('blocks public access, encrypts, versions and logs the articles bucket', () => {
      const { stack, template } = synth();

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
      const { stack, template } = synth();

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
      const { stack, template } = synth();

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
      const { stack, template } = synth();

      const queue = resource(template, logicalId(stack, 'IncomingQueue'));
      const deadLetterQueue = resource(template, logicalId(stack, 'DeadLetterQueue'));

      expect(queue.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(stack, 'DeadLetterQueue'), 'Arn'] },
        maxReceiveCount: 5,
      });
      expect(deadLetterQueue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 60 * 60);
    });

    it('keeps a message invisible for at least 6 times the process function timeout', () => {
      const { stack, template } = synth();

      const queue = resource(template, logicalId(stack, 'IncomingQueue'));
      const processFunction = resource(template, logicalId(stack, 'ProcessFunction'));

      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
        6 * Number(processFunction.Properties.Timeout),
      );
    });

    it.each([
      [undefined, undefined],
      [true, '--enable-source-maps'],
    ])('with sourceMaps %s, sets NODE_OPTIONS to %s', (sourceMaps, nodeOptions) => {
      const { stack, template } = synth(sourceMaps === undefined ? undefined : { sourceMaps });

      const variables = (
        resource(template, logicalId(stack, 'ProcessFunction')).Properties.Environment as {
          Variables: Record<string, string>;
        }
      ).Variables;

      expect(variables.NODE_OPTIONS).toBe(nodeOptions);
    });

    it.each(['IncomingQueue', 'DeadLetterQueue'])(
      'encrypts %s and denies it to requests without TLS',
      (queueId) => {
        const { stack, template } = synth();

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
  });

  describe('functions', () => {
    it.each(['ProcessFunction', 'ApiFunction'])(
      'runs %s bundled, through the code-cache loader, on nodejs22.x arm64 with tracing',
      (id) => {
        const { stack, template } = synth();

        expect(resource(template, logicalId(stack, id)).Properties).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'with-code-cache.handler',
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: { LogGroup: { Ref: logicalId(stack, `${id}LogGroup`) } },
        });
      },
    );

    it('consumes the queue in batches that report item failures', () => {
      const { stack, template } = synth({ maxConcurrency: 7 });

      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalId(stack, 'ProcessFunction') },
        EventSourceArn: { 'Fn::GetAtt': [logicalId(stack, 'IncomingQueue'), 'Arn'] },
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 7 },
      });
    });

    it('sets the environment variables shared/config.ts reads', () => {
      const { stack, template } = synth();

      const environment = (id: string) =>
        (
          resource(template, logicalId(stack, id)).Properties.Environment as {
            Variables: Record<string, unknown>;
          }
        ).Variables;
      const pipeline = {
        [ENV.tableName]: { Ref: logicalId(stack, 'ResultsTable') },
        [ENV.bucketName]: { Ref: logicalId(stack, 'ArticlesBucket') },
        [ENV.maxInputBytes]: String(5 * 1024 * 1024),
        POWERTOOLS_SERVICE_NAME: 'precis',
        POWERTOOLS_METRICS_NAMESPACE: 'Precis',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      };

      expect(environment('ProcessFunction')).toMatchObject({
        ...pipeline,
        [ENV.idempotencyTableName]: { Ref: logicalId(stack, 'IdempotencyTable') },
      });
      expect(environment('ApiFunction')).toMatchObject(pipeline);
      expect(environment('ApiFunction')).not.toHaveProperty(ENV.idempotencyTableName);
      expect(environment('ProcessFunction')).not.toHaveProperty(ENV.summarySentences);
    });

    it('passes maxInputBytes and the summary length to both functions when given', () => {
      const { stack, template } = synth({ maxInputBytes: 1000, summarySentences: 4, summaryWords: 80 });

      for (const id of ['ProcessFunction', 'ApiFunction']) {
        expect(resource(template, logicalId(stack, id)).Properties.Environment).toMatchObject({
          Variables: { [ENV.maxInputBytes]: '1000', [ENV.summarySentences]: '4', [ENV.summaryWords]: '80' },
        });
      }
    });

    it.each([{ summarySentences: 100 }, { summaryWords: 5 }])(
      'refuses to synthesise a summary length out of the shared range: %j',
      (props) => {
        expect(() => synth(props)).toThrow(RangeError);
      },
    );
  });

  describe('tables', () => {
    it('stores Results on demand with point-in-time recovery and the byKey, inFlight (sparse), byTime and byStatus indexes', () => {
      const { stack, template } = synth();

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
      const { stack, template } = synth();
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
      const { stack, template } = synth();

      expect(resource(template, logicalId(stack, 'IdempotencyTable')).Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
      });
    });

    it.each([
      ['Retain', 'no removal policy is given', undefined],
      ['Delete', 'removalPolicy is DESTROY', { removalPolicy: RemovalPolicy.DESTROY }],
    ])('sets DeletionPolicy %s on buckets and tables when %s', (deletionPolicy, _when, props) => {
      const { stack, template } = synth(props);

      for (const id of ['ArticlesBucket', 'AccessLogsBucket', 'ResultsTable', 'IdempotencyTable']) {
        expect(template.toJSON().Resources[logicalId(stack, id)].DeletionPolicy).toBe(deletionPolicy);
      }
    });
  });

  describe('api', () => {
    it('declares every route of the table plus $default, all IAM-authorised but GET /health', () => {
      const { template } = synth();

      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
      const authorization = Object.fromEntries(
        routes.map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType]),
      );

      expect(Object.keys(authorization).sort()).toEqual([...API_ROUTES, '$default'].sort());
      expect(authorization).toEqual({
        ...Object.fromEntries([...API_ROUTES, '$default'].map((key) => [key, 'AWS_IAM'])),
        'GET /health': 'NONE',
      });
    });

    it('has no CORS and no JWT authorizer by default', () => {
      const { template } = synth();

      const api = Object.values(template.findResources('AWS::ApiGatewayV2::Api')) as Resource[];
      expect(api.map((r) => r.Properties.CorsConfiguration)).toEqual([undefined]);
      template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    });

    it('answers CORS for the origins of corsAllowOrigins, and authorises with JWTs under jwtAuthorizer', () => {
      const issuer = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_example';
      const { stack, template } = synth({
        corsAllowOrigins: ['https://app.example.com'],
        jwtAuthorizer: { issuer, audience: ['client-1'] },
      });

      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: {
          AllowOrigins: ['https://app.example.com'],
          AllowMethods: ['GET', 'POST', 'DELETE'],
          ExposeHeaders: ['Location', 'Retry-After', 'Allow'],
        },
      });
      const environment = resource(template, logicalId(stack, 'ApiFunction')).Properties.Environment as {
        Variables: Record<string, string>;
      };
      expect(environment.Variables[ENV.corsAllowOrigins]).toBe('https://app.example.com');
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Issuer: issuer, Audience: ['client-1'] },
      });
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
      expect(
        Object.fromEntries(routes.map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType])),
      ).toEqual({
        ...Object.fromEntries([...API_ROUTES, '$default'].map((key) => [key, 'JWT'])),
        'GET /health': 'NONE',
      });
    });

    it('refuses a JWT authorizer without an https issuer or an audience', () => {
      expect(() => synth({ jwtAuthorizer: { issuer: 'http://issuer.example', audience: ['a'] } })).toThrow(
        RangeError,
      );
    });

    it('throttles the default stage and writes JSON access logs', () => {
      const { stack, template } = synth();

      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        AccessLogSettings: {
          DestinationArn: { 'Fn::GetAtt': [logicalId(stack, 'ApiAccessLogs'), 'Arn'] },
          Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
        },
      });
    });

    it('integrates every route with the api function using payload format 2.0', () => {
      const { stack, template } = synth();

      template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [logicalId(stack, 'ApiFunction'), 'Arn'] },
      });
    });
  });

  describe('events', () => {
    it('has an EventBridge bus the process function alone may put events on, named in its environment', () => {
      const { stack, template } = synth();
      const bus = logicalId(stack, 'EventBus');

      template.resourceCountIs('AWS::Events::EventBus', 1);
      const environment = (id: string) =>
        (
          resource(template, logicalId(stack, id)).Properties.Environment as {
            Variables: Record<string, unknown>;
          }
        ).Variables;
      expect(environment('ProcessFunction')[ENV.eventBusName]).toEqual({ Ref: bus });
      expect(grants(grantsOf(template, stack, 'ProcessFunction'), 'events:PutEvents', '')).toBe(true);
      expect(grantsOf(template, stack, 'ApiFunction').some(([action]) => action.startsWith('events:'))).toBe(
        false,
      );
    });
  });

  describe('grants', () => {
    it('grants no action that is "*" or a whole service ("service:*")', () => {
      const { template } = synth();

      const actions = identityStatements(template).flatMap((s) => asArray(s.Action));

      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((action) => action === '*' || action.endsWith(':*'))).toEqual([]);
    });

    it('lets the process function read incoming/, and write and delete under processed/ only', () => {
      const { stack, template } = synth();

      const pairs = grantsOf(template, stack, 'ProcessFunction');

      expect(grants(pairs, 's3:GetObject', '/incoming/*')).toBe(true);
      expect(grants(pairs, 's3:PutObject', '/processed/*')).toBe(true);
      expect(grants(pairs, 's3:PutObject', '/incoming/*')).toBe(false);
      expect(grants(pairs, 's3:GetObject', '/processed/*')).toBe(false);
      expect(grants(pairs, 's3:DeleteObject', '/processed/*')).toBe(true);
      expect(pairs.filter(([action]) => action.startsWith('s3:Delete')).map(([action]) => action)).toEqual([
        's3:DeleteObject',
      ]);
      expect(grants(pairs, 's3:DeleteObject', '/incoming/*')).toBe(false);
    });

    it('lets the api function write incoming/, read processed/ and delete under both only', () => {
      const { stack, template } = synth();

      const pairs = grantsOf(template, stack, 'ApiFunction');

      expect(grants(pairs, 's3:PutObject', '/incoming/*')).toBe(true);
      expect(grants(pairs, 's3:GetObject', '/processed/*')).toBe(true);
      expect(grants(pairs, 's3:PutObject', '/processed/*')).toBe(false);
      expect(grants(pairs, 's3:GetObject', '/incoming/*')).toBe(false);
      expect(grants(pairs, 's3:DeleteObjectVersion', '/incoming/*')).toBe(true);
      expect(grants(pairs, 's3:DeleteObjectVersion', '/processed/*')).toBe(true);
    });

    it('gives only the process function the idempotency table', () => {
      const { stack, template } = synth();

      const idempotencyArn = JSON.stringify({ 'Fn::GetAtt': [logicalId(stack, 'IdempotencyTable'), 'Arn'] });
      const resultsArn = JSON.stringify({ 'Fn::GetAtt': [logicalId(stack, 'ResultsTable'), 'Arn'] });

      expect(grants(grantsOf(template, stack, 'ProcessFunction'), 'dynamodb:PutItem', idempotencyArn)).toBe(
        true,
      );
      expect(grants(grantsOf(template, stack, 'ProcessFunction'), 'dynamodb:PutItem', resultsArn)).toBe(true);
      expect(grants(grantsOf(template, stack, 'ApiFunction'), 'dynamodb:PutItem', resultsArn)).toBe(true);
      expect(grants(grantsOf(template, stack, 'ApiFunction'), 'dynamodb:PutItem', idempotencyArn)).toBe(
        false,
      );
    });

    it.each(['ProcessFunction', 'ApiFunction'])('attaches no AWS managed policy to the %s role', (id) => {
      const { stack, template } = synth();

      expect(resource(template, logicalId(stack, `${id}Role`)).Properties.ManagedPolicyArns).toBeUndefined();
    });
  });

  it('outputs the bucket, API URL, table, queues, event bus, alarm topic and dashboard', () => {
    const { template } = synth();

    expect(Object.keys(template.findOutputs('*')).sort()).toEqual([
      'AlarmTopicArn',
      'ApiUrl',
      'BackfillStateMachineArn',
      'BucketName',
      'DashboardName',
      'DeadLetterQueueUrl',
      'EventBusName',
      'QueueUrl',
      'TableName',
    ]);
  });
});
