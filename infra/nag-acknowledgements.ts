import { type CfnResource, type Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { BackfillStateMachine } from './backfill-state-machine.ts';

/** What a function's role was granted, which decides the findings it has. */
export interface GrantedFunction {
  readonly fn: IFunction;
  /** Key prefixes of the articles bucket it has object permissions on (each `prefix*`). */
  readonly prefixes: readonly string[];
  /** Whether it has permissions on the results table (which include its indexes). */
  readonly table: boolean;
}

/** What the acknowledgements are about; each one is attached to the narrowest construct it applies to. */
export interface NagSubjects {
  readonly functions: readonly GrantedFunction[];
  readonly bucket: Bucket;
  readonly table: Table;
  /** API routes that answer without authorisation (GET /health). */
  readonly publicRoutes: readonly IConstruct[];
}

/** The singleton Lambda that aws-s3 adds to configure bucket notifications at deploy time. */
const NOTIFICATIONS_HANDLER_ID_PREFIX = 'BucketNotificationsHandler';
const BASIC_EXECUTION_ROLE = 'arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

/**
 * Every cdk-nag AwsSolutions finding precis accepts, each with the reason it is acceptable. Findings are
 * acknowledged one by one (`Rule[Finding]`), never a whole rule, and only on the roles that have them, so a
 * new wildcard still fails the check. No action is a wildcard: every S3 and DynamoDB action is named (see
 * bucket-grants.ts), and s3:ListBucket is limited to a prefix by a condition.
 */
export function acknowledgeNagFindings(
  stack: Stack,
  { functions, bucket, table, publicRoutes }: NagSubjects,
): void {
  const bucketArn = arnOf(stack, bucket);
  const tableArn = arnOf(stack, table);
  const objects = (prefix: string) => ({
    [`AwsSolutions-IAM5[Resource::${bucketArn}/${prefix}*]`]:
      `Object permissions are scoped to the ${prefix} prefix; the wildcard stands for the keys under it, ` +
      'which are not known in advance.',
  });
  const tracing = {
    'AwsSolutions-IAM5[Resource::*]':
      'Only xray:PutTraceSegments and xray:PutTelemetryRecords (added by active tracing) use Resource "*": ' +
      'X-Ray supports no resource-level permissions for them.',
  };
  const indexes = {
    [`AwsSolutions-IAM5[Resource::${tableArn}/index/*]`]:
      "From Table.grant: covers the results table's own secondary indexes (byKey, inFlight) for Query; " +
      'no other table.',
  };

  for (const { fn, prefixes, table: onTable } of functions) {
    acknowledge(fn, {
      'AwsSolutions-L1':
        'Pinned to nodejs22.x on purpose: the project runs Node 22 locally and in CI (the node@22 devDependency) ' +
        'so tests exercise the same runtime as Lambda; the two are upgraded together.',
    });
    if (fn.role === undefined) continue;
    acknowledge(fn.role, Object.assign({}, tracing, ...prefixes.map(objects), onTable ? indexes : {}));
  }

  for (const route of publicRoutes) {
    acknowledge(route, {
      'AwsSolutions-APIG4':
        'GET /health is public on purpose: a liveness probe for load balancers and monitors that carry no ' +
        'credentials. It reads nothing and answers only {"status":"ok","pipelineVersion"}.',
    });
  }

  const notificationsHandler = stack.node.children.find((child) =>
    child.node.id.startsWith(NOTIFICATIONS_HANDLER_ID_PREFIX),
  );
  if (notificationsHandler !== undefined) {
    acknowledge(notificationsHandler, {
      [`AwsSolutions-IAM4[Policy::${BASIC_EXECUTION_ROLE}]`]:
        'CDK-owned singleton that sets the bucket notification configuration during deployment only; ' +
        'aws-s3 gives it the basic execution role (logs only) and offers no way to replace it.',
    });
  }
}

/**
 * The backfill state machine's role: Step Functions' own grants for a Distributed Map that invokes a function,
 * writes its report, logs and traces.
 */
export function acknowledgeBackfillFindings(
  stack: Stack,
  backfill: BackfillStateMachine,
  processFunction: IFunction,
  apiFunction: IFunction,
): void {
  const { stateMachine, reportsBucket } = backfill;
  const machine = stack.resolve(stack.getLogicalId(stateMachine.node.defaultChild as CfnResource));
  const ownArn = (resource: string) =>
    `arn:aws:states:${stack.region}:<AWS::AccountId>:${resource}:<${machine}.Name>`;
  if (apiFunction.role !== undefined) {
    acknowledge(apiFunction.role, {
      [`AwsSolutions-IAM5[Resource::${ownArn('execution')}:*]`]:
        'GET /backfills/{id} describes the executions of the backfill state machine (named by the backfill ' +
        'id, generated) and lists their map runs; no other state machine.',
      [`AwsSolutions-IAM5[Resource::${ownArn('mapRun')}/*]`]:
        'GET /backfills/{id} describes the map runs (generated names) of the backfill state machine only, ' +
        'for its batch counts.',
    });
  }
  const executions = `arn:aws:states:${stack.region}:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${machine}"}]}]}`;
  acknowledge(stateMachine.role, {
    [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${refOf(stack, reportsBucket)}/*]`]:
      "From the Distributed Map's ResultWriter: writing the backfill's report to its own reports bucket " +
      '(keys named by the map run, not known in advance); no access to the articles bucket beyond listing it.',
    [`AwsSolutions-IAM5[Resource::${arnOf(stack, processFunction)}:*]`]:
      'From LambdaInvoke: invoking the process function, any of its versions or aliases; no other function.',
    'AwsSolutions-IAM5[Resource::*]':
      'CloudWatch Logs log delivery (logging ALL events, as AwsSolutions-SF1 asks) and X-Ray (SF2) support no ' +
      'resource-level permissions.',
  });
  const mapPolicy = stateMachine.node.tryFindChild('DistributedMapPolicy');
  if (mapPolicy !== undefined) {
    acknowledge(mapPolicy, {
      [`AwsSolutions-IAM5[Resource::${executions}:*]`]:
        'A Distributed Map describes and stops its own child executions, whose names are generated; the ARN ' +
        'is scoped to this state machine.',
      [`AwsSolutions-IAM5[Resource::${executions}/Backfill:*]`]:
        'A Distributed Map redrives its own map runs (label Backfill) of this state machine only.',
    });
  }
}

function acknowledge(scope: IConstruct, reasons: Readonly<Record<string, string>>): void {
  for (const [id, reason] of Object.entries(reasons)) {
    Validations.of(scope).acknowledge({ id, reason });
  }
}

/** The placeholder cdk-nag uses for a resource's Ref (a bucket's name) in findings: `<LogicalId>`. */
function refOf(stack: Stack, construct: IConstruct): string {
  return `<${stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnResource))}>`;
}

/** The placeholder cdk-nag uses for a resource's ARN in findings: `<LogicalId.Arn>`. */
function arnOf(stack: Stack, construct: IConstruct): string {
  const resource = construct.node.defaultChild as CfnResource;
  return `<${stack.resolve(stack.getLogicalId(resource))}.Arn>`;
}
