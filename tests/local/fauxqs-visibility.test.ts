import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { queueDepth } from '#tests/helpers/queue-depth.ts';
import { type Emulators, startEmulators } from '../../local/servers.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/settings.ts';

/**
 * The local SQS (fauxqs, persisting to SQLite) shows a message again at once when its visibility is changed to
 * 0, as AWS does: fauxqs 2.4.1 alone loses it (local/fauxqs-visibility.ts).
 */

let dataDir: string;
let emulators: Emulators | undefined;
let sqs: SQSClient | undefined;

async function start(): Promise<SQSClient> {
  emulators = await startEmulators(dataDir, { s3: 0, dynamodb: 0 });
  sqs = new SQSClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: emulators.s3Endpoint,
  });
  return sqs;
}

async function stop(): Promise<void> {
  sqs?.destroy();
  await emulators?.stop();
  emulators = undefined;
}

afterEach(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const receive = (client: SQSClient, queueUrl: string) =>
  client.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 300 }),
  );

describe('the local SQS', () => {
  it.each([
    ['ChangeMessageVisibility', 'single'],
    ['ChangeMessageVisibilityBatch', 'batch'],
  ])('shows a message again at once after %s to 0, and keeps it over a restart', async (_name, how) => {
    dataDir = mkdtempSync(join(tmpdir(), 'precis-fauxqs-'));
    let client = await start();
    const { QueueUrl: queueUrl = '' } = await client.send(
      new CreateQueueCommand({ QueueName: 'visibility' }),
    );
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'shown again' }));
    const { Messages: [message] = [] } = await receive(client, queueUrl);
    expect(await queueDepth(client, queueUrl)).toEqual({ visible: 0, hidden: 1 });

    const receiptHandle = message?.ReceiptHandle;
    if (how === 'single') {
      await client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: 0,
        }),
      );
    } else {
      const { Failed = [] } = await client.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queueUrl,
          Entries: [{ Id: '0', ReceiptHandle: receiptHandle, VisibilityTimeout: 0 }],
        }),
      );
      expect(Failed).toEqual([]);
    }

    expect(await queueDepth(client, queueUrl)).toEqual({ visible: 1, hidden: 0 });
    await stop();
    client = await start();
    expect(await queueDepth(client, queueUrl)).toEqual({ visible: 1, hidden: 0 });
    const { Messages = [] } = await receive(client, queueUrl);
    expect(Messages.map((received) => [received.MessageId, received.Body])).toEqual([
      [message?.MessageId, 'shown again'],
    ]);
  });
});
