import type { CfnResource, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_FAILURE_CODES } from '../../infra/monitoring.ts';
import type { PrecisStack } from '../../infra/precis-stack.ts';
import { SYNTH_TIMEOUT_MS, type Synthesised, synthPrecis } from './synth.ts';

/**
 * Security properties of the synthesised template: each role's exact DynamoDB, SQS and S3 actions, no Scan
 * anywhere, object permissions scoped to a prefix, alarms on what an on-call engineer acts on, and queues that
 * survive the stack.
 */

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

let synthesised: Synthesised | undefined;
let stack: PrecisStack;
let template: Template;
let resources: Record<string, Resource>;
// One synthesis for every test here: it is slow on a shared machine, and nothing below changes the stack.
beforeAll(() => {
  synthesised = synthPrecis({ alarmEmail: 'oncall@example.com' });
  ({ stack, template } = synthesised);
  resources = template.toJSON().Resources as Record<string, Resource>;
}, SYNTH_TIMEOUT_MS);
afterAll(() => synthesised?.dispose());

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const logicalId = (scope: Stack, path: string): string =>
  scope.resolve(scope.getLogicalId(scope.node.findChild(path).node.defaultChild as CfnResource));

/** The Allow statements of the policies attached to a function's role. */
function statementsOf(functionId: string): Statement[] {
  const role = logicalId(stack, `${functionId}Role`);
  return Object.values(resources)
    .filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' &&
        asArray(r.Properties.Roles as unknown[]).some(
          (ref) => JSON.stringify(ref) === JSON.stringify({ Ref: role }),
        ),
    )
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((s) => s.Effect === 'Allow');
}

const actionsOf = (functionId: string, service: string) =>
  [...new Set(statementsOf(functionId).flatMap((s) => asArray(s.Action)))]
    .filter((action) => action.startsWith(`${service}:`))
    .sort();

/** Actions on the results table (not the idempotency table). */
const tableActionsOf = (functionId: string): string[] => actionsOnTable(functionId, 'ResultsTable');
const idempotencyActionsOf = (functionId: string): string[] => actionsOnTable(functionId, 'IdempotencyTable');

function actionsOnTable(functionId: string, tableId: string): string[] {
  const table = logicalId(stack, tableId);
  return [
    ...new Set(
      statementsOf(functionId)
        .filter((s) => JSON.stringify(s.Resource).includes(table))
        .flatMap((s) => asArray(s.Action)),
    ),
  ].sort();
}

describe('least privilege of each role', () => {
  it.each([
    // Query: a backfill batch skips objects the current pipeline version processed (byKey index).
    ['ProcessFunction', ['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']],
    [
      'ApiFunction',
      [
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ],
    ],
    ['DeadLettersFunction', ['dynamodb:PutItem', 'dynamodb:UpdateItem']],
    ['SweepFunction', ['dynamodb:Query', 'dynamodb:UpdateItem']],
  ])('gives %s exactly these actions on the results table: %o', (functionId, actions) => {
    expect(tableActionsOf(functionId)).toEqual(actions);
  });

  it.each(['ProcessFunction', 'ApiFunction', 'DeadLettersFunction', 'SweepFunction'])(
    'never lets %s Scan, read streams or use a wildcard action on any table',
    (functionId) => {
      const actions = actionsOf(functionId, 'dynamodb');
      expect(actions.filter((action) => /Scan|Stream|GetRecords|GetShardIterator|\*/.test(action))).toEqual(
        [],
      );
    },
  );

  it('gives the process function exactly what Powertools idempotency uses on its own table', () => {
    expect(idempotencyActionsOf('ProcessFunction')).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
  });

  it('lets the api function send messages only to the incoming queue (reprocess), not to its dead-letter queue', () => {
    const sends = statementsOf('ApiFunction').filter((s) => asArray(s.Action).includes('sqs:SendMessage'));
    expect(sends).toHaveLength(1);
    const resource = JSON.stringify(sends[0]?.Resource);
    expect(resource).toContain('IncomingQueue');
    expect(resource).not.toMatch(/DeadLetter/i);
  });

  it.each([
    [
      'ProcessFunction',
      [
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:ReceiveMessage',
      ],
    ],
    // SendMessage: POST /articles/{id}/reprocess queues the stored upload for the process function.
    ['ApiFunction', ['sqs:SendMessage']],
    // ChangeMessageVisibility: it shows the dead letters it peeked again once it has failed their Results.
    ['DeadLettersFunction', ['sqs:ChangeMessageVisibility', 'sqs:ReceiveMessage']],
    ['SweepFunction', []],
  ])('gives %s exactly these SQS actions: %o', (functionId, actions) => {
    expect(actionsOf(functionId, 'sqs')).toEqual(actions);
  });

  it.each([
    [
      'ProcessFunction',
      ['s3:DeleteObject', 's3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:PutObject'],
    ],
    [
      'ApiFunction',
      [
        's3:DeleteObject',
        's3:DeleteObjectVersion',
        's3:GetObject',
        's3:ListBucket',
        's3:ListBucketVersions',
        's3:PutObject',
      ],
    ],
    ['DeadLettersFunction', ['s3:DeleteObject', 's3:GetObject', 's3:GetObjectVersion', 's3:ListBucket']],
    ['SweepFunction', ['s3:DeleteObject']],
  ])('gives %s exactly these S3 actions, none a wildcard: %o', (functionId, actions) => {
    expect(actionsOf(functionId, 's3')).toEqual(actions);
  });

  it.each([
    ['ProcessFunction', 'incoming/*'],
    ['ApiFunction', 'processed/*'],
    ['DeadLettersFunction', 'incoming/*'],
  ])('lets %s list only keys under %s (an s3:prefix condition on s3:ListBucket)', (functionId, prefix) => {
    const listing = statementsOf(functionId).filter((s) => asArray(s.Action).includes('s3:ListBucket'));

    expect(listing).toHaveLength(1);
    expect(listing[0]?.Condition).toEqual({ StringLike: { 's3:prefix': prefix } });
  });

  it('lets the api function list object versions only under incoming/ and processed/ (for DELETE)', () => {
    const listing = statementsOf('ApiFunction').filter((s) =>
      asArray(s.Action).includes('s3:ListBucketVersions'),
    );

    expect(listing).toHaveLength(1);
    expect(listing[0]?.Condition).toEqual({ StringLike: { 's3:prefix': ['incoming/*', 'processed/*'] } });
  });

  it('lets the api function delete object versions, only under incoming/ and processed/ (DELETE /articles/{id})', () => {
    const deletes = statementsOf('ApiFunction').flatMap((s) =>
      asArray(s.Action)
        .filter((action) => action.startsWith('s3:Delete'))
        .map((action) => `${action} ${JSON.stringify(s.Resource).match(/\/(incoming|processed)\/\*/)?.[1]}`),
    );

    expect(deletes.sort()).toEqual([
      's3:DeleteObject incoming',
      's3:DeleteObject processed',
      's3:DeleteObjectVersion incoming',
      's3:DeleteObjectVersion processed',
    ]);
  });

  it('lets the pipeline functions delete only with s3:DeleteObject, and only under processed/', () => {
    for (const functionId of ['ProcessFunction', 'DeadLettersFunction', 'SweepFunction']) {
      for (const statement of statementsOf(functionId)) {
        const deletes = asArray(statement.Action).filter((action) => action.startsWith('s3:Delete'));
        if (deletes.length === 0) continue;
        expect(deletes).toEqual(['s3:DeleteObject']);
        expect(JSON.stringify(statement.Resource)).toContain('/processed/*');
      }
    }
  });

  it('scopes every object action to a prefix, so List and Get never cover the whole bucket of objects', () => {
    const bucket = logicalId(stack, 'ArticlesBucket');
    for (const functionId of ['ProcessFunction', 'ApiFunction', 'DeadLettersFunction', 'SweepFunction']) {
      for (const statement of statementsOf(functionId)) {
        const objectActions = asArray(statement.Action).filter((a) => /^s3:(Get|Put|Delete|Abort)/.test(a));
        const onObjects = asArray(statement.Resource)
          .map((r) => JSON.stringify(r))
          .filter((r) => r.includes(bucket) && r.includes('/'));
        if (objectActions.length === 0 || onObjects.length === 0) continue;
        for (const resource of onObjects) expect(resource).toMatch(/\/(incoming|processed)\/\*/);
      }
    }
  });
});

type MetricStat = { Metric: { MetricName: string; Dimensions?: { Name: string; Value: string }[] } };
type AlarmMetric = { MetricName?: string; Dimensions?: { Name: string; Value: string }[] };

/** The metric an alarm watches, whether rendered inline or (with a label) as a one-metric Metrics list. */
function watchedMetric(alarm: Resource): AlarmMetric {
  const { MetricName, Dimensions, Metrics } = alarm.Properties as AlarmMetric & {
    Metrics?: { MetricStat?: MetricStat }[];
  };
  if (MetricName !== undefined) return { MetricName, Dimensions };
  const stat = Metrics?.find((m) => m.MetricStat !== undefined)?.MetricStat;
  return { MetricName: stat?.Metric.MetricName, Dimensions: stat?.Metric.Dimensions };
}

describe('backfill state machine', () => {
  it('may list the articles bucket only under incoming/ (an explicit Deny outside it)', () => {
    const role = Object.entries(resources).find(
      ([id, r]) => r.Type === 'AWS::IAM::Role' && id.startsWith('BackfillStateMachineRole'),
    )?.[0];
    const statements = Object.values(resources)
      .filter(
        (r) =>
          r.Type === 'AWS::IAM::Policy' &&
          JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: role }]),
      )
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);

    expect(role).toBeDefined();
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:ListBucket',
        Condition: { StringNotLike: { 's3:prefix': 'incoming/*' } },
      }),
    );
  });
});

describe('alarms', () => {
  const alarmsIn = () => Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');

  it('alarms on dead letters, a backlog, process errors, throttles and API 5xx', () => {
    const metricNames = alarmsIn().map((a) => watchedMetric(a).MetricName);
    expect(metricNames).toEqual(
      expect.arrayContaining([
        'ApproximateNumberOfMessagesVisible',
        'ApproximateAgeOfOldestMessage',
        'Errors',
        'Throttles',
        '5xx',
      ]),
    );
  });

  it('alarms on Results FAILED with each system failure code, from the EMF metric', () => {
    const codes = alarmsIn()
      .map(watchedMetric)
      .filter((m) => m.MetricName === 'ArticlesFailed')
      .map((m) => m.Dimensions?.find((d) => d.Name === 'code')?.Value);

    expect(codes.sort()).toEqual([...SYSTEM_FAILURE_CODES].sort());
  });

  it('sends every alarm to the encrypted alarm topic, which the alarmEmail prop subscribes to', () => {
    const [topic] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::SNS::Topic') ?? [''];

    const alarms = alarmsIn();
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain(topic);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
    });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

describe('queues', () => {
  it('keeps both queues, and the DLQ whatever the removal policy, when the stack is deleted', () => {
    const queues = Object.values(resources).filter((r) => r.Type === 'AWS::SQS::Queue');

    expect(queues).toHaveLength(2);
    for (const queue of queues) expect(queue.DeletionPolicy).toBe('Retain');
  });
});
