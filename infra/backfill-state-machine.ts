import { ArnFormat, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import {
  DefinitionBody,
  DistributedMap,
  Errors,
  ItemBatcher,
  JsonPath,
  LogLevel,
  ResultWriterV2,
  S3ObjectsItemReader,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import {
  BACKFILL_BATCH_RETRY,
  BACKFILL_BATCH_SIZE,
  BACKFILL_TOLERATED_FAILURE_PERCENT,
} from '#shared/backfill/backfill-request.ts';
import { BACKFILL_REPORTS_PREFIX } from '#shared/config.ts';

export { BACKFILL_BATCH_SIZE, BACKFILL_TOLERATED_FAILURE_PERCENT };

const REPORT_RETENTION_DAYS = 90;

export interface BackfillStateMachineProps {
  /** The articles bucket; a backfill lists a prefix of it. */
  readonly bucket: IBucket;
  /** Where server access logs of the reports bucket go. */
  readonly accessLogsBucket: IBucket;
  /** The process function, which reprocesses a batch of listed objects. */
  readonly processFunction: IFunction;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * A backfill on Step Functions' Distributed Map: it lists the objects under the execution's `prefix` (S3
 * ListObjectsV2 as the item reader, so no inventory or manifest is needed), hands them in batches of
 * BACKFILL_BATCH_SIZE to the process function (which skips what the current pipeline version already
 * processed), runs `concurrency` batches at a time, retries failed batches, tolerates up to
 * BACKFILL_TOLERATED_FAILURE_PERCENT of failed objects, and writes its report (a manifest, the succeeded
 * and the failed batches with their errors) under backfills/<map run>/ in a reports bucket of its own, so
 * that its role may write there and nowhere near the articles. Input: `{"prefix", "concurrency"}`.
 */
export class BackfillStateMachine extends Construct {
  public readonly stateMachine: StateMachine;
  public readonly reportsBucket: Bucket;

  public constructor(scope: Construct, id: string, props: BackfillStateMachineProps) {
    super(scope, id);
    this.reportsBucket = new Bucket(this, 'Reports', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'backfill-reports/',
      lifecycleRules: [{ expiration: Duration.days(REPORT_RETENTION_DAYS) }],
      removalPolicy: props.removalPolicy,
    });
    const reprocessBatch = new LambdaInvoke(this, 'ReprocessBatch', {
      lambdaFunction: props.processFunction,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
      comment: 'The process function reprocesses one batch of listed objects and returns its report',
    });
    // BackfillBatchError (some objects failed), a timeout, a throttle: the retry skips what was done.
    reprocessBatch.addRetry({
      errors: [Errors.ALL],
      interval: Duration.seconds(BACKFILL_BATCH_RETRY.intervalSeconds),
      backoffRate: BACKFILL_BATCH_RETRY.backoffRate,
      maxAttempts: BACKFILL_BATCH_RETRY.maxAttempts,
    });

    const reprocessObjects = new DistributedMap(this, 'ReprocessObjects', {
      comment: 'Every object under the prefix, in batches, through the process function',
      itemReader: new S3ObjectsItemReader({ bucket: props.bucket, prefix: JsonPath.stringAt('$.prefix') }),
      itemBatcher: new ItemBatcher({
        maxItemsPerBatch: BACKFILL_BATCH_SIZE,
        batchInput: { bucket: props.bucket.bucketName, 'execution.$': '$$.Execution.Name' },
      }),
      maxConcurrencyPath: JsonPath.stringAt('$.concurrency'),
      mapExecutionType: StateMachineType.EXPRESS,
      toleratedFailurePercentage: BACKFILL_TOLERATED_FAILURE_PERCENT,
      resultWriterV2: new ResultWriterV2({
        bucket: this.reportsBucket,
        prefix: BACKFILL_REPORTS_PREFIX.replace(/\/$/, ''),
      }),
      label: 'Backfill',
    });
    reprocessObjects.itemProcessor(reprocessBatch);

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'precis backfill: reprocess every object under a prefix with the current pipeline',
      definitionBody: DefinitionBody.fromChainable(reprocessObjects),
      stateMachineType: StateMachineType.STANDARD,
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'Logs', {
          retention: props.logRetention,
          removalPolicy: props.removalPolicy,
        }),
        level: LogLevel.ALL,
        includeExecutionData: false,
      },
    });
  }

  /**
   * What POST /backfills and GET /backfills/{id} need, and nothing more: states:StartExecution on this state
   * machine, states:DescribeExecution and states:ListMapRuns on its executions, states:DescribeMapRun on its
   * map runs (execution and map run names are generated, hence the `*` after this state machine's name).
   */
  public grantStartAndFollow(grantee: IGrantable): void {
    this.stateMachine.grantStartExecution(grantee);
    const stack = Stack.of(this);
    const name = this.stateMachine.stateMachineName;
    const arn = (resource: string, resourceName: string) =>
      stack.formatArn({
        service: 'states',
        resource,
        resourceName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    Grant.addToPrincipal({
      grantee,
      actions: ['states:DescribeExecution', 'states:ListMapRuns'],
      resourceArns: [arn('execution', `${name}:*`)],
    });
    Grant.addToPrincipal({
      grantee,
      actions: ['states:DescribeMapRun'],
      resourceArns: [arn('mapRun', `${name}/*`)],
    });
  }
}
