import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import { eventually, resultsForKey, startTestStack, type TestStack } from '../helpers/local-stack.ts';

/**
 * Each upload its own Result, as in AWS where the bucket is versioned: the local S3 proxy snapshots each
 * write under incoming/ as a version and notifies it before answering, so a rapid overwrite cannot hide the
 * upload before it.
 */

const FIRST =
  'The council approved the new budget on Tuesday evening. Residents will see the changes next spring.';
const SECOND =
  'The harbour reopened on Friday after the storm. Ferries resumed their crossings by the afternoon.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let local: TestStack;

beforeAll(async () => {
  local = await startTestStack();
});

afterAll(async () => {
  await local?.dispose();
});

const put = (key: string, body: string) =>
  local.clients.s3.send(
    new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: body, ContentType: 'text/plain' }),
  );

/** The whole Results of the uploads to a key (list items are summaries, without the text). */
function resultsFor(key: string): Promise<Result[]> {
  return resultsForKey(local.stack.endpoints.api, key);
}

describe('uploads to one key on the local stack', () => {
  it('answers each upload with its own version id, and serves each version after the key is overwritten', async () => {
    const key = 'incoming/versioned.txt';
    const first = await put(key, FIRST);
    const second = await put(key, SECOND);

    const read = async (versionId?: string) => {
      const output = await local.clients.s3.send(
        new GetObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, VersionId: versionId }),
      );
      return { text: await output.Body?.transformToString(), versionId: output.VersionId };
    };

    expect(first.VersionId).toMatch(/^[\w-]+$/);
    expect(second.VersionId).toMatch(/^[\w-]+$/);
    expect(second.VersionId).not.toBe(first.VersionId);
    expect(await read(first.VersionId)).toEqual({ text: FIRST, versionId: first.VersionId });
    expect(await read(second.VersionId)).toEqual({ text: SECOND, versionId: second.VersionId });
    expect((await read()).text).toBe(SECOND);
  });

  it('gives two uploads to one key 10 ms apart two DONE Results, each with its own text', async () => {
    const key = 'incoming/overwritten quickly.txt';
    const writes = [put(key, FIRST), sleep(10).then(() => put(key, SECOND))];
    await Promise.all(writes);

    const results = await eventually(
      async () => {
        const found = await resultsFor(key);
        return found.length === 2 && found.every((r) => r.status === 'DONE') ? found : undefined;
      },
      { what: `two DONE Results for ${key}`, timeoutMs: 60_000 },
    );

    expect(new Set(results.map((r) => r.id)).size).toBe(2);
    expect(results.map((r) => r.text.trim()).sort()).toEqual([FIRST, SECOND].sort());
  }, 120_000);
});
