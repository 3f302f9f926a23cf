import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '#shared/config.ts';
import { PrecisStack, type PrecisStackProps } from '../../infra/precis-stack.ts';
import { createTestApp, logicalId, type Resource, resource } from './synth.ts';

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

  describe('functions', () => {
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

  describe('api', () => {
    it('fronts the api function with the HTTP API, CORS and JWTs as the props say', () => {
      const issuer = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_example';
      const { stack, template } = synth({
        corsAllowOrigins: ['https://app.example.com'],
        jwtAuthorizer: { issuer, audience: ['client-1'] },
      });

      const environment = resource(template, logicalId(stack, 'ApiFunction')).Properties.Environment as {
        Variables: Record<string, string>;
      };
      expect(environment.Variables[ENV.corsAllowOrigins]).toBe('https://app.example.com');
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://app.example.com'] }),
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        JwtConfiguration: { Issuer: issuer, Audience: ['client-1'] },
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationUri: { 'Fn::GetAtt': [logicalId(stack, 'ApiFunction'), 'Arn'] },
      });
    });

    it('refuses a JWT authorizer without an https issuer', () => {
      expect(() => synth({ jwtAuthorizer: { issuer: 'http://issuer.example', audience: ['a'] } })).toThrow(
        RangeError,
      );
    });
  });

  describe('storage', () => {
    it('keeps a message invisible for at least 6 times the process function timeout', () => {
      const { stack, template } = synth();

      const queue = resource(template, logicalId(stack, 'IncomingQueue'));
      const processFunction = resource(template, logicalId(stack, 'ProcessFunction'));

      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
        6 * Number(processFunction.Properties.Timeout),
      );
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
