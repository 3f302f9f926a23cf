import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKFILL_BATCH_SIZE,
  BACKFILL_TOLERATED_FAILURE_PERCENT,
} from '../../infra/backfill-state-machine.ts';
import { SYNTH_TIMEOUT_MS, type Synthesised, synthPrecis } from './synth.ts';

/** The backfill state machine as synthesised: its definition and its role, as CloudFormation will get them. */

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
// biome-ignore lint/suspicious/noExplicitAny: a parsed Amazon States Language document, read by the assertions
type Json = Record<string, any>;

/**
 * A piece of the definition as text: an intrinsic function (Ref, GetAtt) written out in angle brackets, as
 * JSON with single quotes so that it stays inside the definition's strings.
 */
const render = (value: unknown): string =>
  typeof value === 'string' ? value : `<${JSON.stringify(value).replaceAll('"', "'")}>`;
const ref = (logicalId: string) => `<{'Ref':'${logicalId}'}>`;

let synthesised: Synthesised;
beforeAll(() => {
  synthesised = synthPrecis();
}, SYNTH_TIMEOUT_MS);
afterAll(() => synthesised?.dispose());

function resources(type: string): [string, Resource][] {
  return Object.entries(synthesised.template.findResources(type)) as [string, Resource][];
}

function onlyStateMachine(): Resource {
  const machines = resources('AWS::StepFunctions::StateMachine');
  expect(machines).toHaveLength(1);
  return (machines[0] as [string, Resource])[1];
}

/** The definition, parsed, with references to other resources as `<{'Ref':...}>` strings. */
function definition(): Json {
  const body = onlyStateMachine().Properties.DefinitionString as string | { 'Fn::Join': [string, unknown[]] };
  const text = typeof body === 'string' ? body : body['Fn::Join'][1].map(render).join('');
  return JSON.parse(text) as Json;
}

const logicalIdOf = (type: string, prefix: string): string =>
  resources(type).find(([id]) => id.startsWith(prefix))?.[0] ?? `no ${prefix}`;

function statementsOfRole(roleId: string): Statement[] {
  return resources('AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties.Roles ?? []).includes(`"${roleId}"`))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

describe('the backfill state machine (synthesised template)', () => {
  it('is a standard workflow whose one state is a Distributed Map of express child workflows', () => {
    const states = definition().States as Json;

    expect(onlyStateMachine().Properties.StateMachineType).toBe('STANDARD');
    expect(Object.keys(states)).toEqual(['ReprocessObjects']);
    expect(states.ReprocessObjects).toMatchObject({
      Type: 'Map',
      End: true,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } },
      Label: 'Backfill',
    });
  });

  it('lists the articles bucket under the input prefix and hands the objects in batches, N at a time', () => {
    const map = definition().States.ReprocessObjects as Json;
    const articles = logicalIdOf('AWS::S3::Bucket', 'ArticlesBucket');

    expect(map.ItemReader).toEqual({
      Resource: expect.stringMatching(/:states:::s3:listObjectsV2$/),
      Parameters: { Bucket: ref(articles), 'Prefix.$': '$.prefix' },
    });
    expect(map.ItemBatcher).toEqual({
      MaxItemsPerBatch: BACKFILL_BATCH_SIZE,
      BatchInput: { bucket: ref(articles), 'execution.$': '$$.Execution.Name' },
    });
    expect(map.MaxConcurrencyPath).toBe('$.concurrency');
    expect(map.ToleratedFailurePercentage).toBe(BACKFILL_TOLERATED_FAILURE_PERCENT);
  });

  it('invokes the process function with each batch, retrying a failed batch with backoff', () => {
    const processor = definition().States.ReprocessObjects.ItemProcessor as Json;
    const task = processor.States[processor.StartAt] as Json;
    const processFunction = logicalIdOf('AWS::Lambda::Function', 'ProcessFunction');

    expect(task.Type).toBe('Task');
    expect(task.Resource).toBe(`<{'Fn::GetAtt':['${processFunction}','Arn']}>`);
    expect(task.Retry).toContainEqual({
      ErrorEquals: ['States.ALL'],
      IntervalSeconds: 5,
      MaxAttempts: 3,
      BackoffRate: 3,
    });
  });

  it('writes its report to a reports bucket of its own', () => {
    const writer = definition().States.ReprocessObjects.ResultWriter as Json;
    const reports = logicalIdOf('AWS::S3::Bucket', 'BackfillReports');

    expect(writer).toEqual({
      Resource: expect.stringMatching(/:states:::s3:putObject$/),
      Parameters: { Bucket: ref(reports), Prefix: 'backfills' },
    });
  });

  it('lets its role list the articles bucket and invoke the process function, and write no article', () => {
    const role = onlyStateMachine().Properties.RoleArn as { 'Fn::GetAtt': [string, string] };
    const statements = statementsOfRole(role['Fn::GetAtt'][0]);
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    const articles = logicalIdOf('AWS::S3::Bucket', 'ArticlesBucket');
    const writesToArticles = statements.filter(
      (statement) =>
        [statement.Action].flat().some((action) => /^s3:(Put|Delete|\*)/.test(action)) &&
        JSON.stringify(statement.Resource).includes(articles),
    );

    expect(actions).toContain('lambda:InvokeFunction');
    expect(actions).toContain('s3:ListBucket');
    expect(writesToArticles).toEqual([]);
  });

  it('lets the api function start it and follow it, and nothing else in Step Functions', () => {
    const machine = logicalIdOf('AWS::StepFunctions::StateMachine', 'BackfillStateMachine');
    const [, api] = resources('AWS::Lambda::Function').find(([id]) => id.startsWith('ApiFunction')) ?? [];
    const environment = api?.Properties.Environment as { Variables: Record<string, unknown> } | undefined;
    const variables = environment?.Variables ?? {};
    const apiRole = logicalIdOf('AWS::IAM::Role', 'ApiFunctionRole');
    const states = statementsOfRole(apiRole).filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('states:')),
    );
    const name = `{"Fn::GetAtt":["${machine}","Name"]}`;

    expect(variables.BACKFILL_STATE_MACHINE_ARN).toEqual({ Ref: machine });
    expect(states.map((statement) => [statement.Action].flat())).toEqual([
      ['states:StartExecution'],
      ['states:DescribeExecution', 'states:ListMapRuns'],
      ['states:DescribeMapRun'],
    ]);
    expect(states.every((statement) => statement.Effect === 'Allow')).toBe(true);
    expect(states[0]?.Resource).toEqual({ Ref: machine });
    expect(JSON.stringify(states[1]?.Resource)).toContain(`:execution:",${name},":*"`);
    expect(JSON.stringify(states[2]?.Resource)).toContain(`:mapRun:",${name},"/*"`);
  });

  it('may be started by no other function', () => {
    const functionRoles = resources('AWS::Lambda::Function').map(
      ([, fn]) => (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0],
    );
    const starters = functionRoles.filter((role) =>
      statementsOfRole(role).some((statement) => [statement.Action].flat().includes('states:StartExecution')),
    );

    expect(starters).toEqual([logicalIdOf('AWS::IAM::Role', 'ApiFunctionRole')]);
  });
});
