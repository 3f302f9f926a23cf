import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { S3Event, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_NAMES, LOCAL_REGION, MAX_RECEIVE_COUNT } from '../../local/settings.ts';
import { eventually, LOCAL_TEST_TIMEOUT_MS, startTestStack, type TestStack } from '../helpers/local-stack.ts';

/**
 * The local wiring with a recording handler in place of the real one: uploads become S3 event notifications
 * on the queue, and the poller behaves like Lambda's SQS event source (batches, deletes, retries, DLQ).
 */

const POISON = 'poison';

interface Delivery {
  readonly record: SQSRecord;
  readonly event: S3Event;
}

const deliveries: Delivery[] = [];

function keyOf(delivery: Delivery): string {
  return decodeURIComponent(delivery.event.Records[0]?.s3.object.key.replaceAll('+', ' ') ?? '');
}

async function recordingHandler(event: SQSEvent): Promise<SQSBatchResponse> {
  const failures = event.Records.flatMap((record) => {
    const delivery = { record, event: JSON.parse(record.body) as S3Event };
    deliveries.push(delivery);
    return keyOf(delivery).includes(POISON) ? [{ itemIdentifier: record.messageId }] : [];
  });
  return { batchItemFailures: failures };
}

const deliveriesOf = (key: string) => deliveries.filter((delivery) => keyOf(delivery) === key);

let local: TestStack;

beforeAll(async () => {
  local = await startTestStack({
    handlers: { process: recordingHandler, api: async () => ({ statusCode: 204 }) },
    visibilityTimeoutSeconds: 1,
  });
});

afterAll(async () => {
  await local?.dispose();
});

async function put(key: string, body: string | Uint8Array, s3 = local.clients.s3): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: body }));
}

describe('local event wiring', { timeout: LOCAL_TEST_TIMEOUT_MS }, () => {
  it('listens on the loopback interface only', () => {
    for (const endpoint of Object.values(local.stack.endpoints)) {
      expect(new URL(endpoint).hostname).toBe('127.0.0.1');
    }
  });

  it('delivers an S3 event notification as an SQS record when an object is uploaded under incoming/', async () => {
    const key = 'incoming/seed article (1).txt';
    await put(key, 'Some article text.');
    const head = await local.clients.s3.send(new HeadObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key }));

    const [delivery] = await eventually(
      async () => (deliveriesOf(key).length > 0 ? deliveriesOf(key) : undefined),
      {
        what: `a notification for ${key}`,
      },
    );

    expect(delivery?.record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: local.stack.queue.arn,
      awsRegion: LOCAL_REGION,
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(delivery?.event.Records[0]).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: {
        bucket: { name: LOCAL_NAMES.bucket },
        object: {
          key: 'incoming/seed+article+%281%29.txt',
          size: Buffer.byteLength('Some article text.'),
          eTag: head.ETag?.replaceAll('"', ''),
        },
      },
    });
  });

  it('notifies again with a higher sequencer when the same key is uploaded again', async () => {
    const key = 'incoming/twice.txt';
    await put(key, 'first version');
    await eventually(async () => (deliveriesOf(key).length === 1 ? true : undefined), {
      what: 'the first notification',
    });

    await put(key, 'second version, longer');
    const both = await eventually(
      async () => (deliveriesOf(key).length === 2 ? deliveriesOf(key) : undefined),
      {
        what: 'the second notification',
      },
    );

    const [first, second] = both.map((delivery) => delivery.event.Records[0]?.s3.object);
    expect(second?.size).toBe(Buffer.byteLength('second version, longer'));
    expect((second?.sequencer ?? '') > (first?.sequencer ?? '')).toBe(true);
  });

  it('does not notify objects outside incoming/', async () => {
    await put('elsewhere/ignored.txt', 'not an upload to process');
    await put('incoming/after-ignored.txt', 'marker');

    await eventually(async () => (deliveriesOf('incoming/after-ignored.txt').length > 0 ? true : undefined), {
      what: 'the marker notification',
    });

    expect(deliveriesOf('elsewhere/ignored.txt')).toEqual([]);
  });

  it('stores the exact bytes when a client uploads with the SDK default (aws-chunked, checksums)', async () => {
    const s3 = new S3Client({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: local.stack.endpoints.s3,
      forcePathStyle: true,
    });
    const body = 'Plain text that must not gain chunk framing.\n';

    await put('incoming/default-client.txt', body, s3);
    const stored = await local.clients.s3.send(
      new GetObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: 'incoming/default-client.txt' }),
    );

    expect(await stored.Body?.transformToString()).toBe(body);
    s3.destroy();
  });

  it('notifies keys the file system could not hold when they are long or contain dot segments', async () => {
    const keys = [`incoming/${'a'.repeat(300)}.txt`, 'incoming/../escape.txt'];
    for (const key of keys) await put(key, 'odd key');

    const delivered = await eventually(
      async () => (keys.every((key) => deliveriesOf(key).length > 0) ? true : undefined),
      { what: 'notifications for the odd keys' },
    );

    expect(delivered).toBe(true);
  });

  it(`redelivers a failed record and moves it to the dead-letter queue after ${MAX_RECEIVE_COUNT} receives`, async () => {
    const key = `incoming/${POISON}.txt`;
    await put(key, 'this record always fails');

    const dead = await eventually(
      async () => {
        const { Messages = [] } = await local.clients.sqs.send(
          new ReceiveMessageCommand({ QueueUrl: local.stack.deadLetterQueue.url, WaitTimeSeconds: 1 }),
        );
        return Messages.length > 0 ? Messages : undefined;
      },
      { timeoutMs: 60_000, what: 'the message in the dead-letter queue' },
    );

    const receiveCounts = deliveriesOf(key).map(
      (delivery) => delivery.record.attributes.ApproximateReceiveCount,
    );
    expect(receiveCounts).toEqual(['1', '2', '3', '4', '5']);
    expect(dead).toHaveLength(1);
    expect((JSON.parse(dead[0]?.Body ?? '{}') as S3Event).Records[0]?.s3.object.key).toBe(key);
  });
});
