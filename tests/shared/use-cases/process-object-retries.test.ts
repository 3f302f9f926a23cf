import { readFileSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArticleBucket, createArticleBucket } from '#shared/adapters/article-bucket.ts';
import type { ArticleStore } from '#shared/adapters/article-store.ts';
import { toAdapterError } from '#shared/adapters/aws-errors.ts';
import { DependencyError } from '#shared/errors.ts';
import { processedKeys, processObject } from '#shared/use-cases/process-object.ts';
import { anS3ObjectRef, fixedNow, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { TEST_AWS_CONFIG } from '#tests/helpers/dynalite.ts';
import { startTestEmulators, type TestEmulators } from '#tests/helpers/emulators.ts';

/**
 * Write order under transient failures, on the real S3 emulator and dynalite: a throttling error at any one
 * write fails the attempt, and the redelivery of the same event repairs everything (Result DONE, entity
 * index complete, cleaned text in processed/), so a DONE Result is never left without its index.
 */

const seed = readFileSync(new URL('../../fixtures/seed-article.txt', import.meta.url));
const silent = { warn: () => undefined };

let emulators: TestEmulators;
let bucket: ArticleBucket;

beforeAll(async () => {
  emulators = await startTestEmulators();
  const s3 = new S3Client({
    ...TEST_AWS_CONFIG,
    endpoint: process.env.AWS_ENDPOINT_URL_S3,
    forcePathStyle: true,
  });
  bucket = createArticleBucket(s3, TEST_BUCKET);
});

afterAll(async () => {
  await emulators?.stop();
});

const throttled = (operation: string) =>
  toAdapterError(
    Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    }),
    operation,
  );

type Write = 'write text' | 'mark PROCESSING' | 'index entities' | 'save DONE';

/** The real adapters, with one throttling error at the chosen write of the first attempt. */
function withFaultAt(write: Write) {
  let armed = true;
  const fail = (at: Write) => {
    if (armed && at === write) {
      armed = false;
      throw throttled(at);
    }
  };
  const store: ArticleStore = {
    ...emulators.store,
    markProcessing: async (...args) => {
      fail('mark PROCESSING');
      return emulators.store.markProcessing(...args);
    },
    indexEntities: async (result) => {
      fail('index entities');
      return emulators.store.indexEntities(result);
    },
    saveResult: async (...args) => {
      if (args[0].status === 'DONE') fail('save DONE');
      return emulators.store.saveResult(...args);
    },
  };
  const faultyBucket: ArticleBucket = {
    ...bucket,
    writeText: async (key, text) => {
      fail('write text');
      return bucket.writeText(key, text);
    },
  };
  return { store, bucket: faultyBucket, logger: silent, maxInputBytes: 1_000_000, now: fixedNow };
}

describe('processObject when a write is throttled once', () => {
  it.each<Write>(['mark PROCESSING', 'write text', 'index entities', 'save DONE'])(
    'fails the attempt at "%s" and the redelivery stores DONE with its index and text',
    async (write) => {
      const key = `incoming/throttled at ${write}.txt`;
      const etag = await emulators.upload(key, seed);
      const ref = anS3ObjectRef({ key, etag });
      const deps = withFaultAt(write);

      await expect(processObject(ref, deps)).rejects.toBeInstanceOf(DependencyError);
      const redelivered = await processObject(ref, deps);
      const again = await processObject(ref, deps);

      expect(redelivered).toMatchObject({ kind: 'stored', status: 'DONE' });
      expect(again).toMatchObject({ kind: 'duplicate' });
      const id = redelivered.kind === 'stored' ? redelivered.id : '';
      expect((await emulators.store.get(id))?.result.status).toBe('DONE');
      const hits = (await emulators.store.listByEntity('person', 'Antony Blinken')).items;
      expect(hits.map((hit) => hit.id)).toContain(id);
      expect(await bucket.readText(processedKeys(id).textKey)).toContain('Blinken');
    },
  );
});

describe('processObject when a dependency refuses the Result for good', () => {
  const refused = (message: string) =>
    toAdapterError(
      Object.assign(new Error(message), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }),
      'PutItem',
    );

  it.each([
    ['Item size has exceeded the maximum allowed size', 'TOO_LARGE'],
    ['One or more parameter values were invalid', 'REJECTED'],
  ])('stores FAILED at once and removes processed/ when DynamoDB answers "%s"', async (message, code) => {
    const key = `incoming/refused ${code}.txt`;
    const etag = await emulators.upload(key, seed);
    const store: ArticleStore = {
      ...emulators.store,
      saveResult: async (...args) => {
        if (args[0].status === 'DONE') throw refused(message);
        return emulators.store.saveResult(...args);
      },
    };
    const warnings: string[] = [];
    const logger = { warn: (text: string) => warnings.push(text) };

    const outcome = await processObject(anS3ObjectRef({ key, etag }), {
      store,
      bucket,
      logger,
      maxInputBytes: 1_000_000,
      now: fixedNow,
    });

    expect(outcome).toMatchObject({ kind: 'stored', status: 'FAILED', code });
    const id = outcome.kind === 'stored' ? outcome.id : '';
    expect((await emulators.store.get(id))?.result).toMatchObject({ status: 'FAILED', error: { code } });
    await expect(bucket.readText(processedKeys(id).textKey)).rejects.toThrow();
    await expect(bucket.readText(processedKeys(id).pageKey)).rejects.toThrow();
    expect(warnings).toHaveLength(1);
  });
});
