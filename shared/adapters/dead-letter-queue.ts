import { ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { toAdapterError } from './aws-errors.ts';

/** A message read from the dead-letter queue. */
export interface DeadLetter {
  readonly messageId: string;
  readonly body: string;
}

/** SQS's largest batch. */
const BATCH = 10;
/**
 * How long a peeked message stays hidden. Peeking never deletes: messages stay in the DLQ (and its depth and
 * age alarms stay on) until an operator redrives them, and come back into view after this.
 */
export const PEEK_VISIBILITY_SECONDS = 30;

/**
 * Reads the dead-letter queue without consuming it: up to `max` messages, each once, leaving every message
 * in the queue. Stops at the first empty answer.
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
    peek: async (max: number): Promise<DeadLetter[]> => {
      const seen = new Map<string, DeadLetter>();
      while (seen.size < max) {
        const fresh = (await receive()).filter(
          (message) => message.MessageId !== undefined && !seen.has(message.MessageId),
        );
        if (fresh.length === 0) break;
        for (const { MessageId = '', Body = '' } of fresh)
          seen.set(MessageId, { messageId: MessageId, body: Body });
      }
      return [...seen.values()];
    },
  };
}

export type DeadLetterQueue = ReturnType<typeof createDeadLetterQueue>;
