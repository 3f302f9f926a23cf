import { readFileSync } from 'node:fs';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { buildS3Event, nextSequencer } from '../../local/s3-notifications.ts';
import { LOCAL_NAMES, LOCAL_REGION } from '../../local/settings.ts';
import {
  eventually,
  LOCAL_TEST_TIMEOUT_MS,
  resultsForKey,
  startTestStack,
  type TestStack,
} from '../helpers/local-stack.ts';

/** The real handlers on the local stack: uploads through S3 to DynamoDB and the HTTP API. */

const SEED = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url));
/** Bytes no article has: NUL bytes and the PNG signature. */
const BINARY = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 0),
]);

let local: TestStack;

beforeAll(async () => {
  local = await startTestStack();
});

afterAll(async () => {
  await local?.dispose();
});

async function put(key: string, body: Uint8Array | string): Promise<void> {
  await local.clients.s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: body }));
}

function resultsFor(key: string): Promise<Result[]> {
  return resultsForKey(local.stack.endpoints.api, key);
}

/** The Results for the key once one of them is final and matches. */
function finalResultFor(key: string, matches: (result: Result) => boolean = () => true): Promise<Result> {
  return eventually(
    async () =>
      (await resultsFor(key)).find(
        (result) => (result.status === 'DONE' || result.status === 'FAILED') && matches(result),
      ),
    { what: `a final Result for ${key}` },
  );
}

async function resultItemsIn(key: string): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await local.clients.documentClient.send(
    new ScanCommand({ TableName: LOCAL_NAMES.table }),
  );
  return Items.filter(
    (item) => (item.source as { key?: string } | undefined)?.key === key && item.sk === 'RESULT',
  );
}

async function queueIsDrained(): Promise<true | undefined> {
  const { Attributes = {} } = await local.clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: local.stack.queue.url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  const waiting =
    Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
  return waiting === 0 ? true : undefined;
}

async function notificationFor(key: string, sequencer: string): Promise<string> {
  const head = await local.clients.s3.send(new HeadObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key }));
  const event = buildS3Event(LOCAL_NAMES.bucket, LOCAL_REGION, {
    key,
    size: head.ContentLength ?? 0,
    eTag: (head.ETag ?? '').replaceAll('"', ''),
    // The bucket is versioned, as in AWS: every event names the version it is about.
    ...(head.VersionId === undefined ? {} : { versionId: head.VersionId }),
    lastModified: head.LastModified ?? new Date(),
    sequencer,
  });
  return JSON.stringify(event);
}

async function sendNotifications(bodies: readonly string[]): Promise<void> {
  await local.clients.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: local.stack.queue.url,
      Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })),
    }),
  );
}

describe('local pipeline with the real handlers', { timeout: LOCAL_TEST_TIMEOUT_MS }, () => {
  it('stores a DONE Result served by the API when the seed article is uploaded under a key with a space', async () => {
    const key = 'incoming/seed article.txt';

    await put(key, SEED);
    const result = await finalResultFor(key);

    expect(result).toMatchObject({
      status: 'DONE',
      source: { bucket: LOCAL_NAMES.bucket, key, bytes: SEED.length },
    });
    expect(result.summary.length).toBeGreaterThan(0);
    expect(await resultItemsIn(key)).toHaveLength(1);
  });

  it('stores a FAILED Result with an error code and keeps processing when a binary file is uploaded', async () => {
    await put('incoming/picture.png', BINARY);
    const failed = await finalResultFor('incoming/picture.png');

    await put('incoming/after binary.txt', SEED);
    const next = await finalResultFor('incoming/after binary.txt');

    expect(failed.status).toBe('FAILED');
    expect(failed.error?.code).toBe('UNSUPPORTED_CONTENT');
    expect(next.status).toBe('DONE');
  });

  it('processes an article submitted with POST /articles?sentences=1 and serves it by id with that summary length', async () => {
    const submitted = await fetch(`${local.stack.endpoints.api}/articles?sentences=1`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: SEED,
    });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };

    const result = await eventually(
      async () => {
        const response = await fetch(`${local.stack.endpoints.api}/articles/${id}`);
        const body = response.status === 200 ? ((await response.json()) as Result) : undefined;
        return body?.status === 'DONE' ? body : undefined;
      },
      { what: `article ${id} to be DONE` },
    );

    expect(result.id).toBe(id);
    expect(result.summary).toHaveLength(1);
  });

  it('takes the language POST /articles declares (Content-Language, JSON `language`) over detection', async () => {
    const submit = async (headers: Record<string, string>, body: string | Uint8Array) => {
      const submitted = await fetch(`${local.stack.endpoints.api}/articles`, {
        method: 'POST',
        headers,
        body,
      });
      expect(submitted.status).toBe(202);
      const { id } = (await submitted.json()) as { id: string };
      return eventually(
        async () => {
          const response = await fetch(`${local.stack.endpoints.api}/articles/${id}`);
          const result = response.status === 200 ? ((await response.json()) as Result) : undefined;
          return result?.status === 'DONE' ? result : undefined;
        },
        { what: `article ${id} to be DONE` },
      );
    };
    const english = SEED.toString('utf8');

    const byHeader = await submit({ 'content-type': 'text/plain', 'content-language': 'de-AT, en' }, SEED);
    const byJson = await submit(
      { 'content-type': 'application/json', 'content-language': 'de' },
      JSON.stringify({ text: english, language: 'fr' }),
    );
    const undeclared = await submit({ 'content-type': 'text/plain' }, SEED);

    expect([byHeader.language, byHeader.languageSource]).toEqual(['de', 'declared']);
    expect(byHeader.analysis).toEqual({ summary: 'basic', facts: 'none' });
    expect([byJson.language, byJson.languageSource]).toEqual(['fr', 'declared']);
    expect([undeclared.language, undeclared.languageSource]).toEqual(['en', 'detected']);
  });

  it('keeps one Result per upload when notifications are duplicated and re-ordered', async () => {
    const first = 'incoming/duplicated-a.txt';
    const second = 'incoming/duplicated b.txt';
    await put(first, SEED);
    await put(second, `${SEED.toString('utf8')}\nA closing line.`);
    const sequencer = nextSequencer('', Date.now());
    const [a, b] = [await notificationFor(first, sequencer), await notificationFor(second, sequencer)];

    await sendNotifications([b, a, b, a, a]);
    await finalResultFor(first);
    await finalResultFor(second);
    await eventually(queueIsDrained, { what: 'the queue to drain' });

    for (const key of [first, second]) {
      const results = await resultsFor(key);
      expect(results.map((result) => result.status)).toEqual(['DONE']);
      expect(await resultItemsIn(key)).toHaveLength(1);
    }
  });

  it('keeps the newest upload DONE when a stale notification for an older upload arrives after it', async () => {
    const key = 'incoming/updated.txt';
    await put(key, SEED);
    const older = await notificationFor(key, nextSequencer('', Date.now()));
    await finalResultFor(key);

    await put(key, `${SEED.toString('utf8')}\nA correction was added.`);
    const newest = await local.clients.s3.send(
      new HeadObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key }),
    );
    const newestETag = (newest.ETag ?? '').replaceAll('"', '');
    await finalResultFor(key, (result) => result.source.etag === newestETag);
    await sendNotifications([older, older]);
    await eventually(queueIsDrained, { what: 'the queue to drain' });

    const results = await resultsFor(key);
    const ids = results.map((result) => result.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(results[0]).toMatchObject({ status: 'DONE', source: { etag: newestETag } });
  });
});
