import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '#shared/result.ts';
import { buildS3Event } from '../../local/s3-notifications.ts';
import { LOCAL_NAMES, LOCAL_REGION } from '../../local/settings.ts';
import {
  eventually,
  LOCAL_TEST_TIMEOUT_MS,
  resultsForKey,
  startTestStack,
  type TestStack,
} from '../helpers/local-stack.ts';

/**
 * Attacks on the whole local stack with the real handlers: odd keys, hostile content, poisoned queue
 * messages. Each upload must end as a DONE or FAILED Result under its exact key, each poisoned message must
 * leave the queue without a dead letter, and the stack must go on processing uploads afterwards.
 */

const SEED = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url));
const ARTICLE =
  'The council approved the new budget on Tuesday evening. Residents will see the changes next spring.';
const PAYLOAD = 'SCRIPTPAYLOAD';

let local: TestStack;

beforeAll(async () => {
  // The poisoned messages are logged at ERROR by design; the assertions check what became of them.
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  local = await startTestStack();
});

afterAll(async () => {
  await local?.dispose();
  vi.unstubAllEnvs();
});

async function put(key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
  await local.clients.s3.send(
    new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: body, ContentType: contentType }),
  );
}

function resultsFor(key: string): Promise<Result[]> {
  return resultsForKey(local.stack.endpoints.api, key);
}

function finalResultFor(key: string): Promise<Result> {
  return eventually(
    async () =>
      (await resultsFor(key)).find((result) => result.status === 'DONE' || result.status === 'FAILED'),
    { what: `a final Result for ${JSON.stringify(key)}`, timeoutMs: 60_000 },
  );
}

async function waitingIn(queueUrl: string): Promise<number> {
  const { Attributes = {} } = await local.clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible)
  );
}

/** An S3 notification as AWS would send it for a key, whether or not the object exists. */
function notificationBody(key: string, options: { bucket?: string; encodedKey?: string } = {}): string {
  const event = buildS3Event(options.bucket ?? LOCAL_NAMES.bucket, LOCAL_REGION, {
    key,
    size: 10,
    eTag: 'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0',
    lastModified: new Date(),
    sequencer: '00000000000000000001',
  });
  if (options.encodedKey === undefined) return JSON.stringify(event);
  const [record] = event.Records;
  return JSON.stringify({
    Records: [
      { ...record, s3: { ...record?.s3, object: { ...record?.s3.object, key: options.encodedKey } } },
    ],
  });
}

describe('odd object keys on the local stack', { timeout: LOCAL_TEST_TIMEOUT_MS }, () => {
  const CAFE_NFC = 'café'.normalize('NFC');
  const CAFE_NFD = 'café'.normalize('NFD');
  const longName = 'k'.repeat(1_000 - 'incoming/'.length - '.txt'.length);
  const keys = [
    ['a dot-dot segment', 'incoming/../escape.txt'],
    ['dot segments inside', 'incoming/a/./b/../c.txt'],
    ['a percent sign', 'incoming/100% sure.txt'],
    ['an encoded-looking percent sequence', 'incoming/%41%2F%zz.txt'],
    ['a plus sign', 'incoming/a+b c.txt'],
    ['an NFC accent', `incoming/${CAFE_NFC}.txt`],
    ['the same accent in NFD', `incoming/${CAFE_NFD}.txt`],
    ['emoji and a right-to-left override', 'incoming/😀 \u202Eevil.txt'],
    ['a 1,000-byte key', `incoming/${longName}.txt`],
    ['only spaces after incoming/', 'incoming/   '],
  ] as const;

  it('encodes the 1,000-byte key in 1,000 bytes, as the attack intends', () => {
    expect(Buffer.byteLength(`incoming/${longName}.txt`)).toBe(1_000);
  });

  it.each(keys)('stores a DONE Result under the exact key when the key has %s', async (_name, key) => {
    await put(key, ARTICLE, 'text/plain');

    const result = await finalResultFor(key);

    expect(result).toMatchObject({ status: 'DONE', source: { bucket: LOCAL_NAMES.bucket, key } });
    expect(result.text).toContain('approved the new budget');
  });

  it('keeps the NFC and NFD spellings of a key apart', async () => {
    const [nfc, nfd] = [
      await resultsFor(`incoming/${CAFE_NFC}.txt`),
      await resultsFor(`incoming/${CAFE_NFD}.txt`),
    ];

    expect(nfc).toHaveLength(1);
    expect(nfd).toHaveLength(1);
    expect(nfc[0]?.id).not.toBe(nfd[0]?.id);
  });
});

describe('hostile content on the local stack', { timeout: LOCAL_TEST_TIMEOUT_MS }, () => {
  const hostile = [
    [
      'a gzip bomb',
      'incoming/bomb.txt.gz',
      gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x61), { level: 9 }),
      undefined,
      'TOO_LARGE',
    ],
    [
      'HTML nested 100,000 elements deep',
      'incoming/deep.html',
      `${'<div>'.repeat(100_000)}${ARTICLE}`,
      'text/html',
      'UNSUPPORTED_CONTENT',
    ],
    [
      'JSON nested 100,000 arrays deep',
      'incoming/deep.json',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'application/json',
      'INVALID_INPUT',
    ],
    [
      'random bytes',
      'incoming/noise.txt',
      Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256),
      undefined,
      'UNSUPPORTED_CONTENT',
    ],
    ['an empty object', 'incoming/empty.txt', '', 'text/plain', 'EMPTY'],
  ] as const;

  it.each(hostile)('stores a FAILED Result when given %s', async (_name, key, body, contentType, code) => {
    await put(key, body, contentType);

    const result = await finalResultFor(key);

    expect(result).toMatchObject({ status: 'FAILED', text: '', error: { code } });
    expect(result.error?.message).not.toBe('');
  });

  it('keeps script payloads and a megabyte attribute out of the text of a page', async () => {
    const page = `<html><head><script>var leak = "${PAYLOAD}";</script></head><body>
      <p title="${'x'.repeat(1024 * 1024)}">${ARTICLE}</p>
      <script>document.write("<p>${PAYLOAD}</p>")</script><style>p { content: "${PAYLOAD}" }</style>
      <p>A second paragraph says more about the budget.</p></body></html>`;
    await put('incoming/scripted.html', page, 'text/html');

    const result = await finalResultFor('incoming/scripted.html');

    expect(result.status).toBe('DONE');
    expect(result.text).toContain('approved the new budget');
    expect(JSON.stringify(result)).not.toContain(PAYLOAD);
  });

  it('ignores a notification forged for a key that was never uploaded: no Result, no dead letter', async () => {
    const key = 'incoming/forged, never uploaded.txt';

    await local.clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: local.stack.queue.url,
        Entries: [{ Id: 'forged', MessageBody: notificationBody(key) }],
      }),
    );
    await eventually(async () => ((await waitingIn(local.stack.queue.url)) === 0 ? true : undefined), {
      what: 'the forged message to leave the queue',
    });

    expect(await resultsFor(key)).toEqual([]);
    expect(await waitingIn(local.stack.deadLetterQueue.url)).toBe(0);
  });
});

describe('Results DynamoDB cannot hold as they are', { timeout: LOCAL_TEST_TIMEOUT_MS }, () => {
  it('stores a DONE Result, served whole by the API, when the facts hold numbers beyond DynamoDB range', async () => {
    const key = 'incoming/astronomical.txt';
    const text = `The debt reached $${'9'.repeat(140)} billion on Monday, officials said. A share of 0.${'0'.repeat(150)}1 percent remained.`;
    await put(key, text, 'text/plain');

    const result = await finalResultFor(key);

    expect(result.status).toBe('DONE');
    expect(result.facts.numbers.map((number) => number.value)).toContain(1e149);
    expect(await waitingIn(local.stack.deadLetterQueue.url)).toBe(0);
  });

  it('stores a DONE Result when a run of capitalised words reads as one enormous name', async () => {
    const key = 'incoming/capitals.txt';
    const names = ['John', 'Smith', 'Mary', 'London', 'Paris', 'Apple', 'Jones', 'Brown'];
    const run = Array.from({ length: 3_000 }, (_, index) => names[index % names.length]).join(' ');
    await put(key, `${run} said on Monday that the plan would go ahead.`, 'text/plain');

    expect((await finalResultFor(key)).status).toBe('DONE');
  });

  it.each([
    ['a key longer than S3 allows', `/articles?key=${encodeURIComponent(`incoming/${'k'.repeat(2_000)}`)}`],
    ['an entity name of 3,000 characters', `/entities/person/${'N'.repeat(3_000)}`],
  ])('answers 400 INVALID_INPUT for %s instead of a dependency error', async (_name, path) => {
    const response = await fetch(`${local.stack.endpoints.api}${path}`);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('reads a path parameter that is not URL encoding literally instead of failing on it', async () => {
    const response = await fetch(`${local.stack.endpoints.api}/entities/person/%E0%A4%A`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [] });
  });
});

describe('poisoned queue messages on the local stack', { timeout: LOCAL_TEST_TIMEOUT_MS }, () => {
  it('drops malformed and foreign messages without a dead letter and keeps processing uploads', async () => {
    const poisoned = [
      'not json at all',
      '{"Records": "not a list"}',
      JSON.stringify({ Records: [{ eventSource: 'aws:s3', s3: null }] }),
      `{"Records": [${'['.repeat(10_000)}`,
      notificationBody('incoming/elsewhere.txt', { bucket: 'someone-elses-bucket' }),
      notificationBody('incoming/bad-escape.txt', { encodedKey: 'incoming/%E0%A4%A.txt' }),
      notificationBody('processed/outside-incoming.txt'),
      JSON.stringify({ Records: [] }),
    ];

    await local.clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: local.stack.queue.url,
        Entries: poisoned.map((body, index) => ({ Id: `poison-${index}`, MessageBody: body })),
      }),
    );
    await eventually(async () => ((await waitingIn(local.stack.queue.url)) === 0 ? true : undefined), {
      what: 'the poisoned messages to leave the queue',
    });
    await put('incoming/after the poison.txt', SEED, 'text/plain');
    const next = await finalResultFor('incoming/after the poison.txt');

    expect(await waitingIn(local.stack.deadLetterQueue.url)).toBe(0);
    expect(await resultsFor('incoming/elsewhere.txt')).toEqual([]);
    expect(next.status).toBe('DONE');
  });
});
