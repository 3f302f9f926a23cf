import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { reprocessNotification, type S3ObjectRef } from '../events/s3-event.ts';
import { toAdapterError } from './aws-errors.ts';

/** The queue the process function reads S3 notifications from; the API queues reprocess requests on it. */
export function createProcessQueue(sqs: SQSClient, queueUrl: string) {
  return {
    /** Queues one stored upload to be processed again, as a REPROCESS_EVENT record. */
    reprocess: async (
      ref: Pick<S3ObjectRef, 'bucket' | 'key' | 'versionId' | 'etag' | 'size' | 'sequencer' | 'eventTime'>,
      requestedAt: string,
    ): Promise<void> => {
      try {
        await sqs.send(
          new SendMessageCommand({
            QueueUrl: queueUrl,
            MessageBody: JSON.stringify(reprocessNotification(ref, requestedAt)),
          }),
        );
      } catch (error) {
        throw toAdapterError(error, `SendMessage reprocess ${ref.key} on queue ${queueUrl}`);
      }
    },
  };
}

export type ProcessQueue = ReturnType<typeof createProcessQueue>;
