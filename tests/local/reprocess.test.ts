import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpTestStack, LOCAL_TEST_TIMEOUT_MS } from '../helpers/local-stack.ts';

/** POST /articles/{id}/reprocess over HTTP on the local stack: the stored upload runs through the pipeline again. */

const SEED = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');

const http = httpTestStack();
const { api, ended } = http;

describe('POST /articles/{id}/reprocess on the local stack', { timeout: LOCAL_TEST_TIMEOUT_MS }, () => {
  it('runs the pipeline again on the stored upload; the new Result keeps the earlier run in history', async () => {
    const posted = await api('/articles', {
      method: 'POST',
      body: SEED,
      headers: { 'content-type': 'text/plain' },
    });
    const { id } = (await posted.json()) as { id: string };
    const first = await ended(id);
    expect(first.status).toBe('DONE');
    expect(first.history).toBeUndefined();

    const reprocessed = await api(`/articles/${id}/reprocess`, { method: 'POST' });
    const again = await api(`/articles/${id}/reprocess`, { method: 'POST' });

    expect(reprocessed.status).toBe(202);
    expect(reprocessed.headers.get('location')).toBe(`/articles/${id}`);
    expect(await reprocessed.json()).toEqual({ id, status: 'PENDING', key: first.source.key });
    // The first request made it PENDING: a second one waits for the run to end.
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);

    const second = await ended(id, first.processedAt);

    expect(second).toMatchObject({
      id,
      status: 'DONE',
      source: { key: first.source.key, etag: first.source.etag },
      summary: first.summary,
      history: [{ pipelineVersion: first.pipelineVersion, processedAt: first.processedAt, status: 'DONE' }],
    });
    // Listed once, in the same place: the reprocessed Result replaced the first.
    const listed = (await (
      await api(`/articles?key=${encodeURIComponent(first.source.key ?? '')}`)
    ).json()) as { items: { id: string; status: string }[] };
    expect(listed.items).toEqual([expect.objectContaining({ id, status: 'DONE' })]);
  });

  it('answers 404 problem+json for an unknown id', async () => {
    const response = await api('/articles/no-such-article/reprocess', { method: 'POST' });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
