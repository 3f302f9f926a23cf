import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import {
  CreateQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleBucket } from '#shared/adapters/article-bucket.ts';
import { createDeadLetterQueue } from '#shared/adapters/dead-letter-queue.ts';
import { aLambdaContext, anS3EventBody, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { TEST_AWS_CONFIG } from '#tests/helpers/dynalite.ts';
import { startTestEmulators, type TestEmulators } from '#tests/helpers/emulators.ts';
import { eventually } from '#tests/helpers/local-stack.ts';
import { queueDepth } from '#tests/helpers/queue-depth.ts';
import { redrive, redriveCommand } from '../../cli/redrive.ts';

/**
 * `precis redrive` against the real SQS emulator, beside the real dead-letter consumer, which peeks at the same
 * queue. The race is forced, not waited for (clientTheConsumerRaces).
 */

let emulators: TestEmulators;
let endpoint: string;
let sqs: SQSClient;
let createDeadLettersHandler: typeof import('#functions/dead-letters.ts').createDeadLettersHandler;

beforeAll(async () => {
  emulators = await startTestEmulators();
  endpoint = process.env.AWS_ENDPOINT_URL_S3 ?? '';
  process.env.AWS_ENDPOINT_URL_SQS = endpoint;
  sqs = new SQSClient({ ...TEST_AWS_CONFIG, endpoint });
  // The module builds its own handler on import, from the environment the dead-letters function gets.
  process.env.DEAD_LETTER_QUEUE_URL = (await queues()).deadLetterQueueUrl;
  ({ createDeadLettersHandler } = await import('#functions/dead-letters.ts'));
});

afterAll(async () => {
  sqs?.destroy();
  await emulators?.stop();
});

/** A fresh queue and dead-letter queue for each test. */
async function queues(options: { maxMessageBytes?: number } = {}) {
  const name = `redrive-${randomUUID()}`;
  const { QueueUrl: deadLetterQueueUrl = '' } = await sqs.send(
    new CreateQueueCommand({ QueueName: `${name}-dlq` }),
  );
  const { QueueUrl: queueUrl = '' } = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      ...(options.maxMessageBytes
        ? { Attributes: { MaximumMessageSize: String(options.maxMessageBytes) } }
        : {}),
    }),
  );
  return { queueUrl, deadLetterQueueUrl };
}

/** Visible and hidden messages of a queue. */
const depth = (queueUrl: string) => queueDepth(sqs, queueUrl);

async function receiveAll(queueUrl: string): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60 }),
    );
    if (Messages.length === 0) return bodies;
    bodies.push(...Messages.map((message) => message.Body ?? ''));
  }
}

/** A dead letter as the queue's redrive policy leaves it: the S3 notification of an upload that failed. */
async function deadLetterFor(key: string, deadLetterQueueUrl: string): Promise<string> {
  const eTag = await emulators.upload(key, 'An article that met an outage.');
  const body = anS3EventBody({ encodedKey: encodeURIComponent(key), eTag });
  await sqs.send(new SendMessageCommand({ QueueUrl: deadLetterQueueUrl, MessageBody: body }));
  return body;
}

/** The real dead-letter consumer (peek, fail the Results, show the messages again) on its own client. */
function deadLetterConsumer(deadLetterQueueUrl: string) {
  const client = new SQSClient({ ...TEST_AWS_CONFIG, endpoint });
  const handler = createDeadLettersHandler(createDeadLetterQueue(client, deadLetterQueueUrl), {
    store: emulators.store,
    bucket: createArticleBucket(emulators.s3, TEST_BUCKET),
    logger: { warn: () => {} },
  });
  return {
    run: () => handler({}, aLambdaContext()) as Promise<{ deadLetters: number; failed: number }>,
    destroy: () => client.destroy(),
  };
}

/**
 * An SQS client on which the dead-letter consumer always wins the race: a whole consumer run happens before
 * each of its receives, and in the gap between two receives (its GetQueueAttributes) the consumer runs on a
 * tight schedule until it has read a dead letter again, which is what failed CI: a hidden message showed again
 * while redrive was between receives, and the consumer took it first.
 */
function clientTheConsumerRaces(
  deadLetterQueueUrl: string,
  consumerRun: () => Promise<{ deadLetters: number }>,
): SQSClient {
  const client = new SQSClient({ ...TEST_AWS_CONFIG, endpoint });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'ReceiveMessageCommand') await consumerRun();
      if (context.commandName === 'GetQueueAttributesCommand') {
        await eventually(
          async () => {
            const { visible, hidden } = await depth(deadLetterQueueUrl);
            if (visible + hidden === 0) return true;
            return (await consumerRun()).deadLetters > 0 ? true : undefined;
          },
          { what: 'the consumer to read a dead letter again', timeoutMs: 100_000, intervalMs: 20 },
        );
      }
      return next(args);
    },
    { step: 'initialize', name: 'deadLetterConsumerFirst' },
  );
  return client;
}

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe('the dead-letter consumer', () => {
  it('shows the messages it peeked again once it has failed their Results', async () => {
    const { deadLetterQueueUrl } = await queues();
    await deadLetterFor('incoming/peeked.txt', deadLetterQueueUrl);
    const consumer = deadLetterConsumer(deadLetterQueueUrl);

    const run = await consumer.run();
    consumer.destroy();

    expect(run).toEqual({ deadLetters: 1, failed: 1 });
    const [stored] = await emulators.store.listByKey(TEST_BUCKET, 'incoming/peeked.txt');
    expect(stored?.result.status).toBe('FAILED');
    expect(stored?.result.error?.code).toBe('RETRIES_EXHAUSTED');
    expect(await depth(deadLetterQueueUrl)).toEqual({ visible: 1, hidden: 0 });
  });
});

describe('redrive', () => {
  it('moves a dead letter that the consumer peeks before each of its receives and as soon as it shows again', async () => {
    const { queueUrl, deadLetterQueueUrl } = await queues();
    const body = await deadLetterFor('incoming/raced.txt', deadLetterQueueUrl);
    const consumer = deadLetterConsumer(deadLetterQueueUrl);
    let consumerRuns = 0;
    const client = clientTheConsumerRaces(deadLetterQueueUrl, () => {
      consumerRuns += 1;
      return consumer.run();
    });

    const report = await redrive(client, { queueUrl, deadLetterQueueUrl });
    client.destroy();
    consumer.destroy();

    expect(consumerRuns).toBeGreaterThan(0);
    expect(report).toEqual({ moved: 1, left: 0 });
    expect(await receiveAll(queueUrl)).toEqual([body]);
    expect(await depth(deadLetterQueueUrl)).toEqual({ visible: 0, hidden: 0 });
  }, 120_000);

  it('moves more than a batch and counts each message once', async () => {
    const { queueUrl, deadLetterQueueUrl } = await queues();
    const bodies = Array.from({ length: 23 }, (_, index) => `{"letter":${index}}`);
    for (const body of bodies)
      await sqs.send(new SendMessageCommand({ QueueUrl: deadLetterQueueUrl, MessageBody: body }));

    const report = await redrive(sqs, { queueUrl, deadLetterQueueUrl });

    expect(report).toEqual({ moved: 23, left: 0 });
    expect((await receiveAll(queueUrl)).sort()).toEqual([...bodies].sort());
    expect(await depth(deadLetterQueueUrl)).toEqual({ visible: 0, hidden: 0 });
  });

  it('waits for a message another reader holds, and stops with it counted when it stays hidden too long', async () => {
    const { queueUrl, deadLetterQueueUrl } = await queues();
    await sqs.send(new SendMessageCommand({ QueueUrl: deadLetterQueueUrl, MessageBody: '{"held":true}' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: deadLetterQueueUrl, MessageBody: '{"free":true}' }));
    // Another reader takes one and keeps it for 5 minutes.
    await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: deadLetterQueueUrl,
        MaxNumberOfMessages: 1,
        VisibilityTimeout: 300,
      }),
    );

    const report = await redrive(sqs, { queueUrl, deadLetterQueueUrl, patienceSeconds: 1 });

    expect(report).toEqual({ moved: 1, left: 1, reason: 'another reader kept them hidden for over 1 s' });
    expect(await receiveAll(queueUrl)).toHaveLength(1);
    expect(await depth(deadLetterQueueUrl)).toEqual({ visible: 0, hidden: 1 });
  });
});

describe('precis redrive', () => {
  const run = async (queueUrl: string, deadLetterQueueUrl: string) => {
    const stdout = capture();
    const stderr = capture();
    const code = await redriveCommand(
      ['--endpoint-url', endpoint, '--queue-url', queueUrl, '--dlq-url', deadLetterQueueUrl],
      { stdout: stdout.stream, stderr: stderr.stream },
    );
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  it('says how many messages it moved and exits 0 when the DLQ is empty', async () => {
    const { queueUrl, deadLetterQueueUrl } = await queues();
    for (const body of ['{"a":1}', '{"b":2}'])
      await sqs.send(new SendMessageCommand({ QueueUrl: deadLetterQueueUrl, MessageBody: body }));

    expect(await run(queueUrl, deadLetterQueueUrl)).toEqual({
      code: 0,
      stdout: `moved 2 messages from ${deadLetterQueueUrl} to ${queueUrl}\n`,
      stderr: '',
    });
  });

  it('exits 1 and says what is left when the queue refuses a message, which stays in the DLQ', async () => {
    const { queueUrl, deadLetterQueueUrl } = await queues({ maxMessageBytes: 1_024 });
    await sqs.send(new SendMessageCommand({ QueueUrl: deadLetterQueueUrl, MessageBody: 'x'.repeat(2_000) }));

    const { code, stdout, stderr } = await run(queueUrl, deadLetterQueueUrl);

    expect(code).toBe(1);
    expect(stdout).toBe(`moved 0 messages from ${deadLetterQueueUrl} to ${queueUrl}\n`);
    expect(stderr).toMatch(
      /^precis redrive: not every message was moved: 1 message left in \S+: the queue refused 1 of them \(InvalidParameterValue: .+\)\n$/,
    );
    expect(await depth(deadLetterQueueUrl)).toEqual({ visible: 1, hidden: 0 });
  });
});
