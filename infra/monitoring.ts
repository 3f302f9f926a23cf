import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type ErrorCode, errorCodeSchema } from '#shared/result.ts';

/** Codes of FAILED Results that say the system, not the input, went wrong: each has its own alarm. */
export const SYSTEM_FAILURE_CODES = [
  'RETRIES_EXHAUSTED',
  'TIMED_OUT',
  'REJECTED',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];
/** Codes that describe the input (EMPTY, UNSUPPORTED_CONTENT, ...): graphed, not alarmed. */
export const INPUT_FAILURE_CODES: readonly ErrorCode[] = errorCodeSchema.options.filter(
  (code) => !(SYSTEM_FAILURE_CODES as readonly string[]).includes(code),
);

const PERIOD = Duration.minutes(5);
const DEAD_LETTER_PERIOD = Duration.minutes(1);
/**
 * A notification older than this is behind its retries: 5 receives of 6 minutes of visibility take 30
 * minutes before a message is dead-lettered, so an older one means processing is falling behind.
 */
const MAX_MESSAGE_AGE = Duration.minutes(30);
const RUNBOOK = 'README, "Failure model"';

export interface MonitoringProps {
  readonly queue: IQueue;
  readonly deadLetterQueue: IQueue;
  readonly table: Table;
  readonly api: HttpApi;
  /** Every function, by the name the alarms and the dashboard give it. */
  readonly functions: Readonly<Record<string, IFunction>>;
  /** Namespace and service dimension of the EMF metrics the functions emit (Powertools Metrics). */
  readonly metricsNamespace: string;
  readonly serviceName: string;
  /** An address that gets every alarm by email (it must confirm the subscription). @default - none */
  readonly alarmEmail?: string;
  /** What happens to the topic's key when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * What an on-call engineer watches: alarms on dead letters, a backlog, function errors and throttles, API
 * 5xx and FAILED Results whose code says the system failed, all sent (and their recovery too) to one
 * encrypted SNS topic; and a dashboard with the same metrics plus throughput and input failures.
 */
export class Monitoring extends Construct {
  public readonly topic: Topic;
  public readonly alarms: Alarm[] = [];
  public readonly dashboard: Dashboard;

  public constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = alarmTopic(this, props.removalPolicy);
    if (props.alarmEmail !== undefined) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const emf = (metricName: string, statistic: string, dimensions: Record<string, string> = {}) =>
      new Metric({
        namespace: props.metricsNamespace,
        metricName,
        dimensionsMap: { service: props.serviceName, ...dimensions },
        statistic,
        period: PERIOD,
        label: dimensions.code ?? (statistic === 'Sum' ? metricName : `${metricName} ${statistic}`),
      });
    const failed = (code: string) => emf('ArticlesFailed', 'Sum', { code });
    const deadLetters = props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: DEAD_LETTER_PERIOD,
      statistic: 'Maximum',
      label: 'Dead letters',
    });
    const oldestMessage = props.queue.metricApproximateAgeOfOldestMessage({
      period: PERIOD,
      statistic: 'Maximum',
      label: 'Oldest notification (s)',
    });
    const functions = Object.entries(props.functions);
    const errors = functions.map(([name, fn]) =>
      fn.metricErrors({ period: PERIOD, statistic: 'Sum', label: `${name} errors` }),
    );
    const throttles = functions.map(([name, fn]) =>
      fn.metricThrottles({ period: PERIOD, statistic: 'Sum', label: `${name} throttles` }),
    );
    const api5xx = props.api.metricServerError({ period: PERIOD, statistic: 'Sum', label: 'API 5xx' });

    this.alarm(
      'DeadLetters',
      deadLetters,
      0,
      'Notifications are in the dead-letter queue: their Results are FAILED RETRIES_EXHAUSTED. Fix the cause, ' +
        `then run precis redrive (${RUNBOOK}).`,
    );
    this.alarm(
      'OldestMessageAge',
      oldestMessage,
      MAX_MESSAGE_AGE.toSeconds(),
      'The oldest notification in the incoming queue is older than its retries take: processing is falling behind.',
    );
    functions.forEach(([name], index) => {
      this.alarm(
        `${name}Errors`,
        errors[index] as IMetric,
        0,
        `The ${name} function failed invocations (see its log group).`,
      );
      this.alarm(
        `${name}Throttles`,
        throttles[index] as IMetric,
        0,
        `Lambda throttled the ${name} function.`,
      );
    });
    this.alarm('Api5xx', api5xx, 0, 'The HTTP API answered 5xx (see the api log group and the access log).');
    for (const code of SYSTEM_FAILURE_CODES) {
      this.alarm(`Failed${code}`, failed(code), 0, `Results became FAILED with code ${code} (${RUNBOOK}).`);
    }

    const tableThrottles = new MathExpression({
      expression: 'SUM(METRICS())',
      usingMetrics: Object.fromEntries(
        ['PutItem', 'UpdateItem', 'BatchWriteItem', 'GetItem', 'Query'].map((operation) => [
          operation.toLowerCase(),
          props.table.metric('ThrottledRequests', {
            dimensionsMap: { TableName: props.table.tableName, Operation: operation },
            statistic: 'Sum',
            period: PERIOD,
          }),
        ]),
      ),
      label: 'Results table throttled requests',
      period: PERIOD,
    });
    this.dashboard = new Dashboard(this, 'Dashboard', {
      widgets: [
        [
          new TextWidget({
            markdown:
              '**precis**: every upload ends in one Result. Alarms go to the alarm topic; what each means and ' +
              `what to do is in the ${RUNBOOK}. Dead letters: \`precis redrive\` after the fix.`,
            width: 24,
            height: 2,
          }),
        ],
        [
          new GraphWidget({ title: 'Dead letters', left: [deadLetters] }),
          new GraphWidget({ title: 'Oldest incoming notification (s)', left: [oldestMessage] }),
          new GraphWidget({ title: 'Function errors', left: errors }),
          new GraphWidget({ title: 'Function throttles', left: throttles }),
        ],
        [
          new GraphWidget({
            title: 'Results',
            left: [
              emf('ArticlesProcessed', 'Sum'),
              emf('DuplicateEvents', 'Sum'),
              emf('MalformedMessages', 'Sum'),
            ],
          }),
          new GraphWidget({ title: 'FAILED Results: system', left: SYSTEM_FAILURE_CODES.map(failed) }),
          new GraphWidget({ title: 'FAILED Results: input', left: INPUT_FAILURE_CODES.map(failed) }),
          new GraphWidget({
            title: 'Upload to Result (ms)',
            left: [emf('ProcessingLatency', 'p50'), emf('ProcessingLatency', 'p99')],
          }),
        ],
        [
          new GraphWidget({ title: 'API 5xx', left: [api5xx] }),
          new GraphWidget({ title: 'Results table throttling', left: [tableThrottles] }),
        ],
      ],
    });
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string): void {
    const alarm = new Alarm(this, `${id}Alarm`, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

/**
 * The topic every alarm publishes to, encrypted with a key of its own: CloudWatch cannot publish to a topic
 * under the AWS managed SNS key, so the key and the topic let CloudWatch (of this account only) in.
 */
function alarmTopic(scope: Construct, removalPolicy: RemovalPolicy): Topic {
  const { account } = Stack.of(scope);
  const fromThisAccount = { StringEquals: { 'aws:SourceAccount': account } };
  const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');
  const key = new Key(scope, 'AlarmTopicKey', {
    description: 'Encrypts the precis alarm topic',
    enableKeyRotation: true,
    removalPolicy,
  });
  key.addToResourcePolicy(
    new PolicyStatement({
      principals: [cloudWatch],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: fromThisAccount,
    }),
  );
  const topic = new Topic(scope, 'AlarmTopic', {
    displayName: 'precis alarms',
    masterKey: key,
    enforceSSL: true,
  });
  topic.addToResourcePolicy(
    new PolicyStatement({
      principals: [cloudWatch],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: fromThisAccount,
    }),
  );
  return topic;
}
