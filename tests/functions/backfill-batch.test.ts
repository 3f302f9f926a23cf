import { describe, expect, it } from 'vitest';
import { DependencyError } from '#shared/errors.ts';
import { aLambdaContext, TEST_BUCKET } from '#tests/helpers/builders.ts';

/** What the state machine's Distributed Map sends: a batch of listed objects (S3 ListObjectsV2 items). */
const batch = (...keys: string[]) => ({
  Items: keys.map((key, index) => ({
    Key: key,
    Etag: `"etag-${index}"`,
    Size: 100,
    StorageClass: 'STANDARD',
  })),
  BatchInput: { bucket: TEST_BUCKET, execution: 'backfill-1' },
});

process.env.TABLE_NAME ??= 'results';
process.env.BUCKET_NAME ??= TEST_BUCKET;
process.env.AWS_REGION ??= 'us-east-1';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

describe('process handler on a backfill batch', () => {
  it('reprocesses the listed objects, skips current ones, and returns the batch report', async () => {
    const { createProcessHandler } = await import('#functions/process.ts');
    const seen: { key: string; etag?: string; bucket: string }[] = [];
    const handler = createProcessHandler(
      async (ref) => {
        seen.push({ key: ref.key, etag: ref.etag, bucket: ref.bucket });
        return { kind: 'stored', id: ref.key, status: 'DONE' };
      },
      undefined,
      async (item) => item.key === 'incoming/current.txt',
    );

    const report = await handler(batch('incoming/a.txt', 'incoming/current.txt'), aLambdaContext());

    expect(report).toEqual({ items: 2, processed: 1, skipped: 1, ignored: 0, failed: [], failedResults: [] });
    expect(seen).toEqual([{ key: 'incoming/a.txt', etag: 'etag-0', bucket: TEST_BUCKET }]);
  });

  it('throws BackfillBatchError naming the failed objects, after trying every object, for Step Functions to retry', async () => {
    const { createProcessHandler } = await import('#functions/process.ts');
    const tried: string[] = [];
    const handler = createProcessHandler(async (ref) => {
      tried.push(ref.key);
      if (ref.key === 'incoming/bad.txt') throw new DependencyError('DynamoDB throttled');
      return { kind: 'stored', id: ref.key, status: 'DONE' };
    });

    await expect(
      handler(batch('incoming/bad.txt', 'incoming/good.txt'), aLambdaContext()),
    ).rejects.toMatchObject({
      name: 'BackfillBatchError',
      message: '1 of 2 objects failed: incoming/bad.txt: DependencyError: DynamoDB throttled',
      report: { items: 2, processed: 1, failed: [{ key: 'incoming/bad.txt' }] },
    });
    expect(tried.sort()).toEqual(['incoming/bad.txt', 'incoming/good.txt']);
  });

  it('refuses a malformed batch with INVALID_INPUT', async () => {
    const { createProcessHandler } = await import('#functions/process.ts');
    const handler = createProcessHandler(async () => ({ kind: 'ignored', reason: 'test' }));

    await expect(
      handler({ Items: [{ Size: 1 }], BatchInput: { bucket: TEST_BUCKET } } as never, aLambdaContext()),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
