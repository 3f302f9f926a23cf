import { type CfnResource, type Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

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
export function acknowledgeNagFindings(stack: Stack, { functions, bucket, table }: NagSubjects): void {
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

function acknowledge(scope: IConstruct, reasons: Readonly<Record<string, string>>): void {
  for (const [id, reason] of Object.entries(reasons)) {
    Validations.of(scope).acknowledge({ id, reason });
  }
}

/** The placeholder cdk-nag uses for a resource's ARN in findings: `<LogicalId.Arn>`. */
function arnOf(stack: Stack, construct: IConstruct): string {
  const resource = construct.node.defaultChild as CfnResource;
  return `<${stack.resolve(stack.getLogicalId(resource))}.Arn>`;
}
