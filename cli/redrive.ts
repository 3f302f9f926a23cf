import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { PEEK_VISIBILITY_SECONDS } from '#shared/adapters/dead-letter-queue.ts';
import { LOCAL_CREDENTIALS, LOCAL_ENV, LOCAL_NAMES, LOCAL_REGION } from '../local/settings.ts';

/**
 * `precis redrive`: moves every message of the dead-letter queue back to the queue it came from, after the
 * fault that sent them there is fixed. Each batch is sent to the queue before it is deleted from the DLQ, so
 * a crash in between leaves a duplicate (processing is idempotent), never a loss. Works on AWS (pass the
 * stack's QueueUrl and DeadLetterQueueUrl outputs) and on the local stack (the defaults).
 */

export interface RedriveOptions {
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
}

const BATCH = 10;
/** Long enough to send and delete a batch; a message not deleted by then reappears in the DLQ. */
const MOVE_VISIBILITY_SECONDS = 60;

/** Moves every message; resolves to how many it moved. */
export async function redrive(sqs: SQSClient, options: RedriveOptions): Promise<number> {
  let moved = 0;
  const giveUpAt = Date.now() + 2 * PEEK_VISIBILITY_SECONDS * 1_000;
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.deadLetterQueueUrl,
        MaxNumberOfMessages: BATCH,
        VisibilityTimeout: MOVE_VISIBILITY_SECONDS,
        WaitTimeSeconds: 2,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) {
      // The dead-letter consumer hides the messages it reads for a while: wait for them to come back.
      if ((await hidden(sqs, options.deadLetterQueueUrl)) === 0 || Date.now() > giveUpAt) return moved;
      continue;
    }
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: Messages.map((message, index) => ({
          Id: String(index),
          MessageBody: message.Body ?? '',
          ...(message.MessageAttributes ? { MessageAttributes: message.MessageAttributes } : {}),
        })),
      }),
    );
    const ok = new Set((sent.Successful ?? []).map((entry) => entry.Id));
    const done = Messages.filter((_, index) => ok.has(String(index)));
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: options.deadLetterQueueUrl,
          Entries: done.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
          })),
        }),
      );
    }
    moved += done.length;
    if (done.length < Messages.length) {
      throw new Error(`Could not send ${Messages.length - done.length} messages back; they stay in the DLQ`);
    }
  }
}

/** Messages of the queue that someone has received and not yet deleted. */
async function hidden(sqs: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
}

/** The URL of a queue by name (the local stack's defaults). */
export async function queueUrlOf(sqs: SQSClient, name: string): Promise<string> {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
  if (QueueUrl === undefined) throw new Error(`Queue ${name} not found`);
  return QueueUrl;
}

export const REDRIVE_USAGE = `Usage:
  precis redrive [--queue-url URL --dlq-url URL] [--endpoint-url URL]
      moves every message of the dead-letter queue back to the incoming queue. Without URLs: the local
      stack's queues on http://127.0.0.1:$PRECIS_S3_PORT (4566). On AWS: the stack's QueueUrl and
      DeadLetterQueueUrl outputs, with credentials and region from the environment.`;

/** `precis redrive ...`: exit 0 when every message was moved, 1 when some could not be, 2 for bad usage. */
export async function redriveCommand(
  argv: readonly string[],
  io: { readonly stdout: Writable; readonly stderr: Writable },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let values: { 'queue-url'?: string; 'dlq-url'?: string; 'endpoint-url'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'queue-url': { type: 'string' },
        'dlq-url': { type: 'string' },
        'endpoint-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.stderr.write(
      `precis: ${error instanceof Error ? error.message : String(error)}\n\n${REDRIVE_USAGE}\n`,
    );
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${REDRIVE_USAGE}\n`);
    return 0;
  }
  const local = values['queue-url'] === undefined && values['dlq-url'] === undefined;
  const endpoint =
    values['endpoint-url'] ??
    (local ? `http://127.0.0.1:${env[LOCAL_ENV.s3Port.name] || LOCAL_ENV.s3Port.fallback}` : undefined);
  const sqs = new SQSClient({
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(local ? { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS } : {}),
  });
  try {
    const queueUrl = values['queue-url'] ?? (await queueUrlOf(sqs, LOCAL_NAMES.queue));
    const deadLetterQueueUrl = values['dlq-url'] ?? (await queueUrlOf(sqs, LOCAL_NAMES.deadLetterQueue));
    const moved = await redrive(sqs, { queueUrl, deadLetterQueueUrl });
    io.stdout.write(`moved ${moved} messages from ${deadLetterQueueUrl} to ${queueUrl}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`precis redrive: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    sqs.destroy();
  }
}
