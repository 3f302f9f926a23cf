import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { PEEK_VISIBILITY_SECONDS } from '#shared/adapters/dead-letter-queue.ts';
import { LOCAL_CREDENTIALS, LOCAL_ENV, LOCAL_NAMES, LOCAL_REGION } from '../local/settings.ts';

/**
 * `precis redrive`: moves every message of the dead-letter queue back to the queue it came from, after the
 * fault that sent them there is fixed. Each batch is sent to the queue before it is deleted from the DLQ, so
 * a crash in between leaves a duplicate (processing is idempotent), never a loss. It stops when the DLQ is
 * empty, counting the messages someone else has received and not yet deleted (the dead-letter consumer's peek
 * hides them for a moment), and says how many it left when it has to stop before that. Works on AWS (pass the
 * stack's QueueUrl and DeadLetterQueueUrl outputs) and on the local stack (the defaults).
 */

export interface RedriveOptions {
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
  /** How long it waits for hidden messages while none comes back; defaults to REDRIVE_PATIENCE_SECONDS. */
  readonly patienceSeconds?: number;
}

export interface RedriveReport {
  /** Messages sent to the queue and deleted from the DLQ. */
  readonly moved: number;
  /** Messages still in the DLQ when it stopped (approximate on AWS). */
  readonly left: number;
  /** Set when it stopped before the DLQ was empty: why. */
  readonly reason?: string;
}

const BATCH = 10;
/** Long enough to send and delete a batch; a message not deleted by then reappears in the DLQ. */
const MOVE_VISIBILITY_SECONDS = 60;
/**
 * Longer than anything of ours hides a dead letter (a dead-letter consumer run that died before showing its
 * peek again: 30 s; another redrive's batch: 60 s), and than the minute AWS's approximate counts may lag.
 */
export const REDRIVE_PATIENCE_SECONDS = MOVE_VISIBILITY_SECONDS + PEEK_VISIBILITY_SECONDS;
const WAIT_SECONDS = 2;

/** Moves every message of the DLQ, or as many as it can: see RedriveReport. */
export async function redrive(sqs: SQSClient, options: RedriveOptions): Promise<RedriveReport> {
  const patienceMs = (options.patienceSeconds ?? REDRIVE_PATIENCE_SECONDS) * 1_000;
  let moved = 0;
  let lastReceived = Date.now();
  // A short poll while messages come; a long one, woken as soon as a message shows, while some are hidden.
  let waitSeconds = 0;
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.deadLetterQueueUrl,
        MaxNumberOfMessages: BATCH,
        VisibilityTimeout: MOVE_VISIBILITY_SECONDS,
        WaitTimeSeconds: waitSeconds,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) {
      // Nothing visible: done when nothing is hidden either, else wait for the hidden messages to come back.
      const left = await messagesIn(sqs, options.deadLetterQueueUrl);
      if (left === 0) return { moved, left };
      if (Date.now() - lastReceived >= patienceMs) {
        const seconds = Math.round(patienceMs / 1_000);
        return { moved, left, reason: `another reader kept them hidden for over ${seconds} s` };
      }
      waitSeconds = WAIT_SECONDS;
      continue;
    }
    lastReceived = Date.now();
    waitSeconds = 0;
    const { sent, refused } = await sendBack(sqs, options.queueUrl, Messages);
    moved += await deleteMoved(sqs, options.deadLetterQueueUrl, sent);
    if (refused.length > 0) {
      // A queue that refuses a message refuses it again: show the refused ones again at once, and stop.
      await showAgain(
        sqs,
        options.deadLetterQueueUrl,
        refused.map(({ message }) => message),
      );
      const [first] = refused;
      return {
        moved,
        left: await messagesIn(sqs, options.deadLetterQueueUrl),
        reason: `the queue refused ${refused.length} of them (${first?.code}: ${first?.why})`,
      };
    }
  }
}

async function sendBack(sqs: SQSClient, queueUrl: string, messages: readonly Message[]) {
  const { Successful = [], Failed = [] } = await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: messages.map((message, index) => ({
        Id: String(index),
        MessageBody: message.Body ?? '',
        ...(message.MessageAttributes ? { MessageAttributes: message.MessageAttributes } : {}),
      })),
    }),
  );
  const ok = new Set(Successful.map((entry) => entry.Id));
  return {
    sent: messages.filter((_, index) => ok.has(String(index))),
    refused: Failed.map((entry) => ({
      message: messages[Number(entry.Id)] ?? {},
      code: entry.Code ?? 'Unknown',
      why: entry.Message ?? '',
    })),
  };
}

/** Resolves to how many it deleted; one it could not delete reappears and is sent again (a duplicate). */
async function deleteMoved(sqs: SQSClient, queueUrl: string, messages: readonly Message[]): Promise<number> {
  if (messages.length === 0) return 0;
  const { Successful = [] } = await sqs.send(
    new DeleteMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: messages.map((message, index) => ({
        Id: String(index),
        ReceiptHandle: message.ReceiptHandle,
      })),
    }),
  );
  return Successful.length;
}

async function showAgain(sqs: SQSClient, queueUrl: string, messages: readonly Message[]): Promise<void> {
  await sqs.send(
    new ChangeMessageVisibilityBatchCommand({
      QueueUrl: queueUrl,
      Entries: messages.map((message, index) => ({
        Id: String(index),
        ReceiptHandle: message.ReceiptHandle,
        VisibilityTimeout: 0,
      })),
    }),
  );
}

/** Every message of the queue: visible, received and not yet deleted, and delayed. */
async function messagesIn(sqs: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) +
    Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0)
  );
}

/** The URL of a queue by name (the local stack's defaults). */
export async function queueUrlOf(sqs: SQSClient, name: string): Promise<string> {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
  if (QueueUrl === undefined) throw new Error(`Queue ${name} not found`);
  return QueueUrl;
}

export const REDRIVE_USAGE = `Usage:
  precis redrive [--queue-url URL --dlq-url URL] [--endpoint-url URL]
      moves every message of the dead-letter queue back to the incoming queue, waiting for the ones
      another reader holds, and exits 1 if some could not be moved. Without URLs: the local
      stack's queues on http://127.0.0.1:$PRECIS_S3_PORT (4566). On AWS: the stack's QueueUrl and
      DeadLetterQueueUrl outputs, with credentials and region from the environment.`;

/** The options of `precis redrive`, as `parseArgs` reads them. */
export const REDRIVE_OPTIONS = {
  'queue-url': { type: 'string' },
  'dlq-url': { type: 'string' },
  'endpoint-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const messages = (count: number) => `${count} message${count === 1 ? '' : 's'}`;

/** `precis redrive ...`: exit 0 when every message was moved, 1 when some could not be, 2 for bad usage. */
export async function redriveCommand(
  argv: readonly string[],
  io: { readonly stdout: Writable; readonly stderr: Writable },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let values: { 'queue-url'?: string; 'dlq-url'?: string; 'endpoint-url'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: REDRIVE_OPTIONS }));
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
    const { moved, left, reason } = await redrive(sqs, { queueUrl, deadLetterQueueUrl });
    io.stdout.write(`moved ${messages(moved)} from ${deadLetterQueueUrl} to ${queueUrl}\n`);
    if (reason === undefined) return 0;
    io.stderr.write(
      `precis redrive: not every message was moved: ${messages(left)} left in ${deadLetterQueueUrl}: ${reason}\n`,
    );
    return 1;
  } catch (error) {
    io.stderr.write(`precis redrive: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    sqs.destroy();
  }
}
