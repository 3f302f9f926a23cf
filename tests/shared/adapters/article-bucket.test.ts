import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ArticleBucket, createArticleBucket } from '#shared/adapters/article-bucket.ts';
import { DependencyError, NotFoundError } from '#shared/errors.ts';
import { BINARY_BYTES, encode, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { TEST_AWS_CONFIG } from '#tests/helpers/dynalite.ts';
import { type Emulators, startEmulators } from '../../../local/servers.ts';

describe('createArticleBucket against the local S3 emulator', () => {
  let dataDir: string;
  let emulators: Emulators;
  let s3: S3Client;
  let bucket: ArticleBucket;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'precis-bucket-'));
    emulators = await startEmulators(dataDir, { s3: 0, dynamodb: 0 });
    s3 = new S3Client({
      ...TEST_AWS_CONFIG,
      endpoint: emulators.s3Endpoint,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    await s3.send(new CreateBucketCommand({ Bucket: TEST_BUCKET }));
    bucket = createArticleBucket(s3, TEST_BUCKET);
  });

  afterAll(async () => {
    s3.destroy();
    await emulators.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('heads an object with its size, type, unquoted ETag and user metadata when it exists', async () => {
    await bucket.put('incoming/my article (1).txt', encode('Hello there.'), {
      contentType: 'text/plain',
      metadata: { 'article-id': 'abc-123' },
    });

    const head = await bucket.head('incoming/my article (1).txt');

    expect(head).toMatchObject({
      bytes: 12,
      contentType: 'text/plain',
      metadata: { 'article-id': 'abc-123' },
    });
    expect(head.etag).toMatch(/^[^"]+$/);
  });

  it("heads an object's Content-Language, the language its sender declared", async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: TEST_BUCKET,
        Key: 'incoming/artikel.txt',
        Body: encode('Guten Tag.'),
        ContentType: 'text/plain',
        ContentLanguage: 'de-AT',
      }),
    );

    const head = await bucket.head('incoming/artikel.txt');

    expect(head.contentLanguage).toBe('de-AT');
  });

  it('reads back the exact bytes when the object is binary', async () => {
    await bucket.put('incoming/image.bin', BINARY_BYTES, { contentType: 'application/octet-stream' });

    expect(await bucket.read('incoming/image.bin')).toEqual(BINARY_BYTES);
  });

  it('writes and reads UTF-8 text', async () => {
    await bucket.writeText('processed/x.txt', 'Crêpes – “quoted”.');

    expect(await bucket.readText('processed/x.txt')).toBe('Crêpes – “quoted”.');
  });

  it.each([
    ['head', (b: ArticleBucket) => b.head('incoming/missing.txt')],
    ['read', (b: ArticleBucket) => b.read('incoming/missing.txt')],
  ])('throws NotFoundError when asked to %s a missing object', async (_name, act) => {
    await expect(act(bucket)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('createArticleBucket with injected faults', () => {
  const s3 = new S3Client(TEST_AWS_CONFIG);
  const s3Mock = mockClient(s3);
  const bucket = createArticleBucket(s3, TEST_BUCKET);

  beforeEach(() => {
    s3Mock.reset();
  });

  it.each([
    ['SlowDown', 503],
    ['InternalError', 500],
    ['TimeoutError', undefined],
  ])('throws DependencyError when S3 fails with %s', async (name, httpStatusCode) => {
    s3Mock
      .on(GetObjectCommand)
      .rejects(Object.assign(new Error(name), { name, $metadata: { httpStatusCode } }));

    await expect(bucket.read('incoming/a.txt')).rejects.toBeInstanceOf(DependencyError);
  });

  it('throws NotFoundError when HeadObject answers 404 without an error code', async () => {
    s3Mock
      .on(HeadObjectCommand)
      .rejects(Object.assign(new Error('UnknownError'), { $metadata: { httpStatusCode: 404 } }));

    await expect(bucket.head('incoming/a.txt')).rejects.toBeInstanceOf(NotFoundError);
  });
});
