import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaFunctionTarget } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import {
  DEFAULT_MAX_INPUT_BYTES,
  DEFAULT_STUCK_AFTER_SECONDS,
  ENV,
  INCOMING_PREFIX,
  PROCESSED_PREFIX,
} from '#shared/config.ts';
import { checkedSummaryLength } from '#shared/summarise/summary-length.ts';
import { BackfillStateMachine } from './backfill-state-machine.ts';
import { denyListOutsidePrefix } from './bucket-grants.ts';
import { PIPELINE_DATA, WARM_UP_INPUTS } from './bundling.ts';
import { grantStorageAccess } from './function-grants.ts';
import { API_MEMORY_MB, PROCESS_MEMORY_MB } from './function-sizing.ts';
import { createHttpApi, type JwtAuthorizerProps } from './http-api.ts';
import { LambdaFunction } from './lambda-function.ts';
import { Monitoring } from './monitoring.ts';
import { acknowledgeBackfillFindings, acknowledgeNagFindings } from './nag-acknowledgements.ts';
import { createStorage, MAX_RECEIVE_COUNT } from './storage.ts';

const SERVICE_NAME = 'precis';
const METRICS_NAMESPACE = 'Precis';

const PROCESS_TIMEOUT = Duration.seconds(60);
const SCHEDULED_MEMORY_MB = 256;
const SCHEDULED_TIMEOUT = Duration.seconds(60);
const DEAD_LETTERS_RATE = Duration.minutes(1);
const SWEEP_RATE = Duration.minutes(15);
const API_TIMEOUT = Duration.seconds(10);
/** Lambda's SQS event source: up to 10 records per invocation, gathered for at most a second. */
const BATCH_SIZE = 10;
const MAX_BATCHING_WINDOW = Duration.seconds(1);
const DEFAULT_MAX_CONCURRENCY = 5;

const entry = (name: string): string => fileURLToPath(new URL(`../functions/${name}.ts`, import.meta.url));

export interface PrecisStackProps extends StackProps {
  /**
   * Largest article, in bytes, the pipeline accepts (`MAX_INPUT_BYTES`); larger objects become FAILED
   * Results with code TOO_LARGE, and larger POST bodies are rejected.
   * @default DEFAULT_MAX_INPUT_BYTES from shared/config.ts (5 MiB)
   */
  readonly maxInputBytes?: number;

  /**
   * Summary length in sentences (`SUMMARY_SENTENCES`), 1 to 20 (SUMMARY_SENTENCES_RANGE).
   * @default - unset: the summariser chooses
   */
  readonly summarySentences?: number;

  /**
   * Summary length in words (`SUMMARY_WORDS`), 10 to 500 (SUMMARY_WORDS_RANGE): whole sentences within it.
   * @default - unset: no word limit
   */
  readonly summaryWords?: number;

  /**
   * Most concurrent `process` invocations the queue may drive (2 to 1000).
   * @default 5
   */
  readonly maxConcurrency?: number;

  /**
   * What happens to the buckets, tables and log groups when the stack is deleted. A bucket that still
   * holds objects cannot be destroyed; empty it first.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;

  /**
   * An email address subscribed to the alarm topic (it must confirm the subscription).
   * @default - no subscription: subscribe to the AlarmTopicArn output yourself
   */
  readonly alarmEmail?: string;

  /**
   * Source-mapped stack traces in the functions' logs (`NODE_OPTIONS=--enable-source-maps`). Off by default:
   * Node then never reads the map, which is as large as the code, at a cold start.
   * @default false
   */
  readonly sourceMaps?: boolean;

  /**
   * Browser origins allowed to call the API (CORS), e.g. `['https://app.example.com']`: API Gateway answers
   * preflights and the api function adds the headers (`CORS_ALLOW_ORIGINS`).
   * @default - no CORS: browsers on other origins cannot read answers
   */
  readonly corsAllowOrigins?: readonly string[];

  /**
   * Authorise API calls with JWTs from this OIDC issuer (Cognito user pool or any OIDC provider) instead of
   * IAM (SigV4). GET /health stays public either way.
   * @default - IAM authorisation on every route
   */
  readonly jwtAuthorizer?: JwtAuthorizerProps;
}

/**
 * precis on AWS: articles put under `incoming/` in the bucket are queued, processed into Results in the
 * table, and served by an IAM-authorised HTTP API that also accepts new articles.
 */
export class PrecisStack extends Stack {
  public constructor(scope: Construct, id: string, props: PrecisStackProps = {}) {
    super(scope, id, props);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    checkedSummaryLength({ sentences: props.summarySentences, words: props.summaryWords });
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;

    const storage = createStorage(this, { removalPolicy, consumerTimeout: PROCESS_TIMEOUT });
    const { accessLogsBucket, bucket, deadLetterQueue, queue, table, idempotencyTable } = storage;

    // Functions: process (queue -> table) and api (HTTP -> bucket and table).
    const pipelineEnvironment = {
      [ENV.bucketName]: bucket.bucketName,
      [ENV.tableName]: table.tableName,
      [ENV.maxInputBytes]: String(props.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES),
      ...(props.summarySentences === undefined
        ? {}
        : { [ENV.summarySentences]: String(props.summarySentences) }),
      ...(props.summaryWords === undefined ? {} : { [ENV.summaryWords]: String(props.summaryWords) }),
    };
    const functionDefaults = {
      serviceName: SERVICE_NAME,
      metricsNamespace: METRICS_NAMESPACE,
      logRetention,
      removalPolicy,
      sourceMaps: props.sourceMaps ?? false,
    };

    // Completion events (ArticleProcessed, ArticleFailed): the hook for webhooks and downstream systems.
    const eventBus = new EventBus(this, 'EventBus', {
      description: 'precis: ArticleProcessed and ArticleFailed when a Result is stored (source "precis")',
    });

    const processFunction = new LambdaFunction(this, 'ProcessFunction', {
      ...functionDefaults,
      entry: entry('process'),
      description: 'Turns S3 event notifications from the queue into Results in the table',
      timeout: PROCESS_TIMEOUT,
      // Adversarial 5 MB inputs (a wall of "$1 ", of quotation marks, 600k paragraphs) peak near 1.1 GB RSS and
      // take up to ~10 s of CPU; 2 GB leaves headroom and buys a full core (Lambda scales CPU with memory).
      memorySize: PROCESS_MEMORY_MB,
      dataFiles: PIPELINE_DATA,
      warmUp: WARM_UP_INPUTS,
      environment: {
        ...pipelineEnvironment,
        [ENV.idempotencyTableName]: idempotencyTable.tableName,
        [ENV.eventBusName]: eventBus.eventBusName,
      },
    });
    eventBus.grantPutEventsTo(processFunction);
    processFunction.addEventSource(
      new SqsEventSource(queue, {
        batchSize: BATCH_SIZE,
        maxBatchingWindow: MAX_BATCHING_WINDOW,
        maxConcurrency: props.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
        reportBatchItemFailures: true,
      }),
    );

    const corsAllowOrigins = props.corsAllowOrigins ?? [];
    const apiFunction = new LambdaFunction(this, 'ApiFunction', {
      ...functionDefaults,
      entry: entry('api'),
      description: 'Serves the precis HTTP API: accepts articles and returns Results',
      timeout: API_TIMEOUT,
      memorySize: API_MEMORY_MB,
      environment: {
        ...pipelineEnvironment,
        [ENV.processQueueUrl]: queue.queueUrl,
        ...(corsAllowOrigins.length === 0 ? {} : { [ENV.corsAllowOrigins]: corsAllowOrigins.join(',') }),
      },
    });

    // API: IAM (SigV4) on every route, or JWTs when configured; throttled, with JSON access logs.
    const { api, stage, publicRoutes } = createHttpApi(this, {
      apiFunction,
      corsAllowOrigins,
      ...(props.jwtAuthorizer === undefined ? {} : { jwtAuthorizer: props.jwtAuthorizer }),
      logRetention,
      removalPolicy,
    });

    // Scheduled: the dead-letter consumer and the sweeper of stuck Results.
    const deadLettersFunction = new LambdaFunction(this, 'DeadLettersFunction', {
      ...functionDefaults,
      entry: entry('dead-letters'),
      description:
        'Fails the Results of dead-lettered notifications (RETRIES_EXHAUSTED); the messages stay for redrive',
      timeout: SCHEDULED_TIMEOUT,
      memorySize: SCHEDULED_MEMORY_MB,
      environment: { ...pipelineEnvironment, [ENV.deadLetterQueueUrl]: deadLetterQueue.queueUrl },
    });
    const sweepFunction = new LambdaFunction(this, 'SweepFunction', {
      ...functionDefaults,
      entry: entry('sweep'),
      description: 'Fails Results stuck PENDING or PROCESSING past their deadline (TIMED_OUT)',
      timeout: SCHEDULED_TIMEOUT,
      memorySize: SCHEDULED_MEMORY_MB,
      environment: { ...pipelineEnvironment, [ENV.stuckAfterSeconds]: String(DEFAULT_STUCK_AFTER_SECONDS) },
    });
    new Rule(this, 'DeadLettersSchedule', {
      description: 'Runs the dead-letter consumer',
      schedule: Schedule.rate(DEAD_LETTERS_RATE),
      targets: [new LambdaFunctionTarget(deadLettersFunction)],
    });
    new Rule(this, 'SweepSchedule', {
      description: 'Runs the sweeper of stuck Results',
      schedule: Schedule.rate(SWEEP_RATE),
      targets: [new LambdaFunctionTarget(sweepFunction)],
    });

    // Grants: each function gets only the prefixes, tables and actions it uses.
    grantStorageAccess(storage, { processFunction, apiFunction, deadLettersFunction, sweepFunction });

    // Backfill: a Distributed Map over a prefix of the bucket, feeding the process function in batches.
    const backfill = new BackfillStateMachine(this, 'Backfill', {
      bucket,
      accessLogsBucket,
      processFunction,
      logRetention,
      removalPolicy,
    });
    // Its item reader may list the whole bucket (the prefix is an execution input); a backfill only ever
    // lists incoming/ (backfill-request.ts refuses other prefixes), so any other listing is denied.
    denyListOutsidePrefix(bucket, backfill.stateMachine, INCOMING_PREFIX);
    // POST /backfills starts it, GET /backfills/{id} follows it: the api function gets its ARN and only that.
    apiFunction.addEnvironment(ENV.backfillStateMachineArn, backfill.stateMachine.stateMachineArn);
    backfill.grantStartAndFollow(apiFunction);

    acknowledgeNagFindings(this, {
      functions: [
        { fn: processFunction, prefixes: [INCOMING_PREFIX, PROCESSED_PREFIX], table: true },
        { fn: apiFunction, prefixes: [INCOMING_PREFIX, PROCESSED_PREFIX], table: true },
        { fn: deadLettersFunction, prefixes: [INCOMING_PREFIX, PROCESSED_PREFIX], table: true },
        { fn: sweepFunction, prefixes: [PROCESSED_PREFIX], table: true },
      ],
      bucket,
      table,
      publicRoutes,
    });
    acknowledgeBackfillFindings(this, backfill, processFunction, apiFunction);

    // Monitoring: alarms to one SNS topic, and a dashboard.
    const monitoring = new Monitoring(this, 'Monitoring', {
      queue,
      deadLetterQueue,
      table,
      api,
      functions: {
        Process: processFunction,
        Api: apiFunction,
        DeadLetters: deadLettersFunction,
        Sweep: sweepFunction,
      },
      metricsNamespace: METRICS_NAMESPACE,
      serviceName: SERVICE_NAME,
      removalPolicy,
      ...(props.alarmEmail === undefined ? {} : { alarmEmail: props.alarmEmail }),
    });

    // Outputs
    new CfnOutput(this, 'EventBusName', {
      value: eventBus.eventBusName,
      description: 'EventBridge bus of ArticleProcessed and ArticleFailed (source "precis")',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: monitoring.topic.topicArn,
      description: 'SNS topic of every alarm: subscribe to be told',
    });
    new CfnOutput(this, 'DashboardName', {
      value: monitoring.dashboard.dashboardName,
      description: 'CloudWatch dashboard',
    });
    new CfnOutput(this, 'BucketName', {
      value: bucket.bucketName,
      description: 'Upload articles under incoming/',
    });
    new CfnOutput(this, 'ApiUrl', {
      value: stage.url,
      description: 'HTTP API base URL (SigV4, service execute-api)',
    });
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'Results table' });
    new CfnOutput(this, 'QueueUrl', {
      value: queue.queueUrl,
      description: 'Queue of incoming/ notifications',
    });
    new CfnOutput(this, 'BackfillStateMachineArn', {
      value: backfill.stateMachine.stateMachineArn,
      description: 'precis backfill --prefix P --state-machine <this ARN>',
    });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      value: deadLetterQueue.queueUrl,
      description: `Notifications that failed ${MAX_RECEIVE_COUNT} times`,
    });
  }
}
