import { readFileSync } from 'node:fs';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import {
  eventually,
  LOCAL_TEST_TIMEOUT_MS,
  resultsForKey,
  startTestStack,
  type TestStack,
} from '../helpers/local-stack.ts';

/** What `npm start` keeps across a restart: objects, Results, and the uploads it had not processed yet. */

const SEED = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url));

let local: TestStack;
const deliveredBodies: string[] = [];

/** The real process handler (imported once the stack has set its environment), recording what it receives. */
async function recordingProcessHandler(event: SQSEvent, context: Context) {
  deliveredBodies.push(...event.Records.map((record) => record.body));
  const { handler } = await import('#functions/process.ts');
  return handler(event, context);
}

const deliveriesOf = (key: string) =>
  deliveredBodies.filter((body) => body.includes(`"key":"${key.replaceAll(' ', '+')}"`)).length;

beforeAll(async () => {
  local = await startTestStack({ handlers: { process: recordingProcessHandler } });
});

afterAll(async () => {
  await local?.dispose();
});

async function put(key: string, body: Uint8Array): Promise<void> {
  await local.clients.s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: body }));
}

function resultsFor(key: string): Promise<Result[]> {
  return resultsForKey(local.stack.endpoints.api, key);
}

function doneResultFor(key: string): Promise<Result> {
  return eventually(async () => (await resultsFor(key)).find((result) => result.status === 'DONE'), {
    what: `a DONE Result for ${key}`,
  });
}

describe('local stack restart', { timeout: LOCAL_TEST_TIMEOUT_MS }, () => {
  it('keeps objects and Results and does not notify them again when the stack restarts', async () => {
    const key = 'incoming/before restart.txt';
    await put(key, SEED);
    const before = await doneResultFor(key);

    await local.restart();
    const notifiedAfterRestart = await local.stack.notifier.scan();
    const after = await resultsFor(key);
    const head = await local.clients.s3.send(new HeadObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key }));

    expect(notifiedAfterRestart).toBe(0);
    expect(deliveriesOf(key)).toBe(1);
    expect(after).toEqual([before]);
    expect(head.ContentLength).toBe(SEED.length);
  });

  it('processes an object uploaded while the stack could not notify it when the stack comes back', async () => {
    const key = 'incoming/while down.txt';
    await local.stack.notifier.stop();
    await put(key, SEED);

    await local.restart();
    const result = await doneResultFor(key);

    expect(result.source.key).toBe(key);
    expect(deliveriesOf(key)).toBe(1);
  });
});
