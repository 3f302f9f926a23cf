import { readFileSync } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '#shared/result.ts';
import { redrive } from '../../cli/redrive.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import { eventually, startTestStack, type TestStack } from '../helpers/local-stack.ts';

/**
 * A dependency down for longer than every retry, on the whole local stack: the message goes to the DLQ,
 * the dead-letter consumer turns the upload's Result FAILED RETRIES_EXHAUSTED while the message stays in the
 * DLQ, and after the fix `precis redrive` moves it back and the Result becomes DONE.
 */

const SEED = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url));
const KEY = 'incoming/during the outage.txt';

let local: TestStack;
let outage = true;

beforeAll(async () => {
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  const processDuringOutage = async (event: SQSEvent, context: Context) => {
    if (outage) throw new Error('DynamoDB is down');
    const { handler } = await import('#functions/process.ts');
    return handler(event, context);
  };
  local = await startTestStack({ handlers: { process: processDuringOutage }, deadLetterIntervalMs: 200 });
});

afterAll(async () => {
  await local?.dispose();
  vi.unstubAllEnvs();
});

async function resultFor(key: string): Promise<Result | undefined> {
  const response = await fetch(`${local.stack.endpoints.api}/articles?key=${encodeURIComponent(key)}`);
  const { items } = (await response.json()) as { items: Result[] };
  expect(items.length).toBeLessThanOrEqual(1);
  return items[0];
}

async function deadLetters(): Promise<number> {
  const { Attributes = {} } = await local.clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: local.stack.deadLetterQueue.url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible)
  );
}

describe('dead letters on the local stack', () => {
  it('fails the Result RETRIES_EXHAUSTED, keeps the message, and redrive makes it DONE', async () => {
    await local.clients.s3.send(
      new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: KEY, Body: SEED, ContentType: 'text/plain' }),
    );

    const exhausted = await eventually(
      async () => {
        const result = await resultFor(KEY);
        return result?.status === 'FAILED' ? result : undefined;
      },
      { what: 'a FAILED Result', timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(exhausted.error?.code).toBe('RETRIES_EXHAUSTED');
    expect(await deadLetters()).toBe(1);

    outage = false;
    // The dead-letter consumer keeps peeking every 200 ms meanwhile; redrive must move the message all the same
    // (checked first, so a redrive that stopped short fails here, not in a timeout).
    const report = await redrive(local.clients.sqs, {
      queueUrl: local.stack.queue.url,
      deadLetterQueueUrl: local.stack.deadLetterQueue.url,
    });
    expect(report).toEqual({ moved: 1, left: 0 });
    const done = await eventually(
      async () => {
        const result = await resultFor(KEY);
        return result?.status === 'DONE' ? result : undefined;
      },
      { what: 'the DONE Result after redrive', timeoutMs: 150_000, intervalMs: 200 },
    );

    expect(done.id).toBe(exhausted.id);
    expect(await deadLetters()).toBe(0);
  }, 270_000);
});
