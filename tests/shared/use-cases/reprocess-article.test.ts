import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/errors.ts';
import { parseS3Notification, REPROCESS_EVENT, reprocessNotification } from '#shared/events/s3-event.ts';
import { historyAfter, RESULT_LIMITS } from '#shared/limits/bound-result.ts';
import { reprocessArticle } from '#shared/use-cases/reprocess-article.ts';
import { aResult, fixedNow, TEST_BUCKET } from '#tests/helpers/builders.ts';
import { createInMemoryStore } from '#tests/helpers/in-memory-adapters.ts';

const ORDER = '2025-12-31T23:00:00.000Z#00000000000000000000000000000abc';

function setup() {
  const { store, rows } = createInMemoryStore();
  const queued: { ref: Record<string, unknown>; requestedAt: string }[] = [];
  const queue = {
    reprocess: async (ref: Record<string, unknown>, requestedAt: string) => {
      queued.push({ ref, requestedAt });
    },
  };
  return { deps: { store, queue, now: fixedNow }, rows, queued };
}

const source = { bucket: TEST_BUCKET, key: 'incoming/a b+c.txt', versionId: 'v1', etag: 'e1', bytes: 12 };
const placement = { bucket: TEST_BUCKET, key: source.key, order: ORDER };

describe('reprocessArticle', () => {
  it('makes an ended Result PENDING with the run it replaces in history, and queues its upload in its place', async () => {
    const { deps, rows, queued } = setup();
    const done = aResult({
      id: 'a',
      source,
      pipelineVersion: '0.0.9',
      processedAt: '2025-12-31T23:00:05.000Z',
    });
    await deps.store.saveResult(done, placement);

    const outcome = await reprocessArticle('a', deps);

    expect(outcome).toEqual({ kind: 'accepted', accepted: { id: 'a', status: 'PENDING', key: source.key } });
    expect(rows.get('a')?.result).toMatchObject({
      status: 'PENDING',
      source,
      history: [{ pipelineVersion: '0.0.9', processedAt: '2025-12-31T23:00:05.000Z', status: 'DONE' }],
    });
    expect(rows.get('a')?.placement).toEqual(placement);
    expect(queued).toEqual([
      {
        ref: {
          bucket: TEST_BUCKET,
          key: source.key,
          versionId: 'v1',
          etag: 'e1',
          size: 12,
          eventTime: '2025-12-31T23:00:00.000Z',
          sequencer: '00000000000000000000000000000abc',
        },
        requestedAt: fixedNow().toISOString(),
      },
    ]);
  });

  it('is busy while the article is PENDING or PROCESSING, and 404s an unknown id', async () => {
    const { deps, queued } = setup();
    await deps.store.putPending(aResult({ id: 'p', status: 'PENDING', source }), placement);

    expect(await reprocessArticle('p', deps)).toEqual({ kind: 'busy' });
    await expect(reprocessArticle('nope', deps)).rejects.toBeInstanceOf(NotFoundError);
    expect(queued).toEqual([]);
  });
});

describe('the reprocess record', () => {
  it('parses back to the stored upload, with a space and a plus in its key', () => {
    const ref = {
      bucket: TEST_BUCKET,
      key: 'incoming/a b+c.txt',
      versionId: 'v1',
      etag: 'e1',
      eventTime: '2025-12-31T23:00:00.000Z',
    };

    const parsed = parseS3Notification(JSON.stringify(reprocessNotification(ref, 'at')));

    expect(parsed).toMatchObject({
      kind: 'objects',
      objects: [{ ...ref, eventName: REPROCESS_EVENT, reprocessRequestedAt: 'at' }],
    });
  });
});

describe('historyAfter', () => {
  it('adds an ended run, not an in-flight one, and keeps the latest entries', () => {
    const entry = (n: number) => ({
      pipelineVersion: '1',
      processedAt: `2026-01-${String(n).padStart(2, '0')}`,
      status: 'DONE' as const,
    });
    const full = Array.from({ length: RESULT_LIMITS.historyEntries }, (_, n) => entry(n + 1));

    const after = historyAfter({
      status: 'FAILED',
      pipelineVersion: '2',
      processedAt: '2026-02-01',
      history: full,
    });

    expect(after).toHaveLength(RESULT_LIMITS.historyEntries);
    expect(after[0]).toEqual(entry(2));
    expect(after.at(-1)).toEqual({ pipelineVersion: '2', processedAt: '2026-02-01', status: 'FAILED' });
    expect(
      historyAfter({ status: 'PENDING', pipelineVersion: '2', processedAt: 'x', history: [entry(1)] }),
    ).toEqual([entry(1)]);
    expect(historyAfter(undefined)).toEqual([]);
  });
});
