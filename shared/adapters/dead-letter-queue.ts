import {
  ChangeMessageVisibilityBatchCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { toAdapterError } from './aws-errors.ts';

/** A message read from the dead-letter queue. */
export interface DeadLetter {
  readonly messageId: string;
  readonly body: string;
  /** The handle of this read, which `release` uses to show the message again. */
  readonly receiptHandle: string;
}

/** SQS's largest batch. */
const BATCH = 10;
/**
 * How long a peeked message stays hidden at most: the consumer shows what it read again as soon as it has acted
 * on it (`release`), so this only matters when a run dies before that. Peeking never deletes: messages stay in
 * the DLQ (and its depth and age alarms stay on) until an operator redrives them.
 */
export const PEEK_VISIBILITY_SECONDS = 30;

/**
 * Reads the dead-letter queue without consuming it. `peek` reads up to `max` messages, each once, and hides them
 * while the caller acts on them; `release` shows them again at once, so that `precis redrive`, which receives
 * from the same queue, never waits out a peek.
 */
export function createDeadLetterQueue(sqs: SQSClient, queueUrl: string) {
  async function receive() {
    try {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: BATCH,
          VisibilityTimeout: PEEK_VISIBILITY_SECONDS,
          WaitTimeSeconds: 0,
        }),
      );
      return Messages;
    } catch (error) {
      throw toAdapterError(error, `ReceiveMessage ${queueUrl}`);
    }
  }

  return {
    /** Stops at the first empty answer. */
    peek: async (max: number): Promise<DeadLetter[]> => {
      const seen = new Map<string, DeadLetter>();
      while (seen.size < max) {
        const fresh = (await receive()).filter(
          (message) => message.MessageId !== undefined && !seen.has(message.MessageId),
        );
        if (fresh.length === 0) break;
        for (const { MessageId = '', Body = '', ReceiptHandle = '' } of fresh)
          seen.set(MessageId, { messageId: MessageId, body: Body, receiptHandle: ReceiptHandle });
      }
      return [...seen.values()];
    },

    /**
     * Makes peeked messages visible again (visibility 0). Resolves to how many SQS refused, which happens
     * when a message is no longer held by that read (its peek expired, or a redrive took it); those need nothing.
     */
    release: async (letters: readonly DeadLetter[]): Promise<number> => {
      let refused = 0;
      for (let start = 0; start < letters.length; start += BATCH) {
        const batch = letters.slice(start, start + BATCH);
        try {
          const { Failed = [] } = await sqs.send(
            new ChangeMessageVisibilityBatchCommand({
              QueueUrl: queueUrl,
              Entries: batch.map((letter, index) => ({
                Id: String(index),
                ReceiptHandle: letter.receiptHandle,
                VisibilityTimeout: 0,
              })),
            }),
          );
          refused += Failed.length;
        } catch (error) {
          throw toAdapterError(error, `ChangeMessageVisibilityBatch ${queueUrl}`);
        }
      }
      return refused;
    },
  };
}

export type DeadLetterQueue = ReturnType<typeof createDeadLetterQueue>;
