import { describe, expect, it, vi } from 'vitest';
import { processObject } from '#shared/use-cases/process-object.ts';
import { anS3ObjectRef, encode, fixedNow } from '#tests/helpers/builders.ts';
import { createInMemoryBucket, createInMemoryStore } from '#tests/helpers/in-memory-adapters.ts';

/** A bug in the pure core, stood in for by a core that throws: the crash must not become a poison message. */
vi.mock('#shared/process-article.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('#shared/process-article.ts')>()),
  processArticle: () => {
    throw new TypeError("Cannot read properties of null (reading 'nodeType')");
  },
}));

describe('processObject when the pipeline crashes', () => {
  it('stores a FAILED INTERNAL Result naming the crash and logs it, instead of throwing for a retry', async () => {
    const { bucket, objects } = createInMemoryBucket();
    objects.set('incoming/crash.html', { body: encode('<!--'), etag: 'e1' });
    const { store } = createInMemoryStore();
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) };
    const deps = { bucket, store, logger, maxInputBytes: 1_000, now: fixedNow };

    const outcome = await processObject(anS3ObjectRef({ key: 'incoming/crash.html', etag: 'e1' }), deps);

    expect(outcome).toMatchObject({ kind: 'stored', status: 'FAILED', code: 'INTERNAL' });
    const [stored] = await store.listByKey(bucket.name, 'incoming/crash.html');
    expect(stored?.result.status).toBe('FAILED');
    expect(stored?.result.error?.message).toContain("reading 'nodeType'");
    expect(warnings).toHaveLength(1);
  });
});
