import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createLambdaContext } from './lambda-context.ts';

/**
 * Lambda's SQS event source, locally: long-polls the queue for batches of up to 10 messages, invokes the
 * handler with an SQSEvent, deletes the messages that succeeded and leaves the failed ones (ReportBatchItemFailures,
 * or all of them when the handler throws) to reappear after the visibility timeout. The queue's redrive policy
 * moves a message to the dead-letter queue after maxReceiveCount receives, as in AWS.
 */

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export interface PollerOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly region: string;
  readonly handler: SqsHandler;
  readonly functionName: string;
  readonly batchSize: number;
  readonly waitTimeSeconds: number;
  readonly onError: (error: unknown) => void;
}

export interface Poller {
  start(): void;
  /** Stops polling and waits for the batch in hand to finish. */
  stop(): Promise<void>;
}

const PAUSE_AFTER_ERROR_MS = 1_000;
const SQS_EVENT_SOURCE = 'aws:sqs';

export function toSqsRecord(message: Message, queueArn: string, region: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? '',
      SenderId: attributes.SenderId ?? '',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? '',
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        {
          dataType: value.DataType ?? 'String',
          ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
          ...(value.BinaryValue === undefined
            ? {}
            : { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }),
        },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes === undefined
      ? {}
      : { md5OfMessageAttributes: message.MD5OfMessageAttributes }),
    eventSource: SQS_EVENT_SOURCE,
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/**
 * The records to delete after an invocation. As in Lambda: a thrown error fails the whole batch, and so does
 * a batchItemFailures entry that names no record of the batch.
 */
export function succeededRecords(
  records: readonly SQSRecord[],
  outcome: { readonly response: SQSBatchResponse | undefined } | { readonly error: unknown },
): SQSRecord[] {
  if ('error' in outcome) return [];
  const failed = new Set(
    (outcome.response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier),
  );
  const ids = new Set(records.map((record) => record.messageId));
  if ([...failed].some((id) => !ids.has(id))) return [];
  return records.filter((record) => !failed.has(record.messageId));
}

export function createSqsPoller(options: PollerOptions): Poller {
  let abort: AbortController | undefined;
  let loop: Promise<void> | undefined;

  async function invoke(records: SQSRecord[]): Promise<SQSRecord[]> {
    try {
      const context = createLambdaContext(options.functionName);
      const response = await options.handler({ Records: records }, context);
      return succeededRecords(records, { response });
    } catch (error) {
      options.onError(error);
      return succeededRecords(records, { error });
    }
  }

  async function pollOnce(signal: AbortSignal): Promise<void> {
    const { Messages = [] } = await options.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: options.batchSize,
        WaitTimeSeconds: options.waitTimeSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: signal },
    );
    if (Messages.length === 0) return;
    const records = Messages.map((message) => toSqsRecord(message, options.queueArn, options.region));
    const succeeded = await invoke(records);
    if (succeeded.length === 0) return;
    const { Failed = [] } = await options.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: succeeded.map((record, index) => ({
          Id: String(index),
          ReceiptHandle: record.receiptHandle,
        })),
      }),
    );
    if (Failed.length > 0) options.onError(new Error(`Could not delete ${Failed.length} processed messages`));
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await pollOnce(signal);
      } catch (error) {
        if (signal.aborted) return;
        options.onError(error);
        await sleep(PAUSE_AFTER_ERROR_MS, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  return {
    start() {
      abort = new AbortController();
      loop = run(abort.signal);
    },
    async stop() {
      abort?.abort();
      await loop;
    },
  };
}
