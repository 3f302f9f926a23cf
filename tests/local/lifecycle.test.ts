import { readFileSync } from 'node:fs';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import { eventually, httpTestStack } from '../helpers/local-stack.ts';

/** An article's lifecycle over HTTP on the local stack: submitted, processed, deleted without a trace. */

const SEED = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');

const http = httpTestStack();
const { api } = http;

async function submitAndWait(text: string): Promise<Result> {
  const posted = await api('/articles', {
    method: 'POST',
    body: text,
    headers: { 'content-type': 'text/plain' },
  });
  const { id } = (await posted.json()) as { id: string };
  return eventually(
    async () => {
      const result = (await (await api(`/articles/${id}`)).json()) as Result;
      return result.status === 'DONE' || result.status === 'FAILED' ? result : undefined;
    },
    { what: `the Result of ${id}`, timeoutMs: 180_000, intervalMs: 500 },
  );
}

/** Every object key in the bucket and every item in the table (as JSON), for "nothing remains". */
async function everything(): Promise<{ keys: string[]; items: string[] }> {
  const listed = await http.local.clients.s3.send(new ListObjectsV2Command({ Bucket: LOCAL_NAMES.bucket }));
  const scanned = await http.local.clients.documentClient.send(
    new ScanCommand({ TableName: LOCAL_NAMES.table }),
  );
  return {
    keys: (listed.Contents ?? []).map((object) => object.Key ?? ''),
    items: (scanned.Items ?? []).map((item) => JSON.stringify(item)),
  };
}

/** The completion events the process function sent for an article. */
const eventsFor = (id: string) =>
  eventually(
    async () => {
      const found = http.local.stack.events.filter((event) => (event.detail as { id?: string }).id === id);
      return found.length > 0 ? found : undefined;
    },
    { what: `the completion event of ${id}` },
  );

describe('article lifecycle on the local stack', () => {
  it('announces ArticleProcessed for a DONE Result and ArticleFailed with its code for a FAILED one', async () => {
    const done = await submitAndWait(SEED);
    const failed = await submitAndWait('   ');

    const [processed] = await eventsFor(done.id);
    const [refused] = await eventsFor(failed.id);

    expect(done.status).toBe('DONE');
    expect(processed).toMatchObject({
      source: 'precis',
      detailType: 'ArticleProcessed',
      eventBusName: 'precis-events',
      detail: {
        id: done.id,
        status: 'DONE',
        key: done.source.key,
        pipelineVersion: done.pipelineVersion,
        ...(done.title === undefined ? {} : { title: done.title }),
      },
    });
    expect(failed.status).toBe('FAILED');
    expect(refused).toMatchObject({
      detailType: 'ArticleFailed',
      detail: { id: failed.id, status: 'FAILED', code: failed.error?.code },
    });
    expect(await eventsFor(done.id)).toHaveLength(1);
  }, 240_000);

  it('DELETE /articles/{id} removes the Result, index entries and every object, and nothing of it remains', async () => {
    const done = await submitAndWait(SEED);
    const [entity] = done.facts.entities;
    const type = entity?.type ?? 'person';
    const name = entity?.name ?? '';
    const articlesNamed = async () => {
      const page = (await (
        await api(`/entities?type=${type}&prefix=${encodeURIComponent(name)}`)
      ).json()) as {
        items: { name: string; articles: number }[];
      };
      return page.items.find((item) => item.name.toLowerCase() === name.toLowerCase())?.articles ?? 0;
    };
    const before = await everything();
    const namedBefore = await articlesNamed();

    const deleted = await api(`/articles/${done.id}`, { method: 'DELETE' });
    const after = await everything();
    const lookup = (await (await api(`/entities/${type}/${encodeURIComponent(name)}`)).json()) as {
      items: { id: string }[];
    };

    expect(done.status).toBe('DONE');
    expect(entity).toBeDefined();
    // Before: the upload, its text and viewer page; the Result and its entity index items.
    expect(before.keys.filter((key) => key.includes(done.id)).length).toBeGreaterThanOrEqual(3);
    expect(before.items.filter((item) => item.includes(done.id)).length).toBeGreaterThan(1);
    expect(deleted.status).toBe(204);
    expect(after.keys.filter((key) => key.includes(done.id))).toEqual([]);
    expect(after.items.filter((item) => item.includes(done.id))).toEqual([]);
    expect((await api(`/articles/${done.id}`)).status).toBe(404);
    expect(lookup.items.map((hit) => hit.id)).not.toContain(done.id);
    expect(await articlesNamed()).toBe(namedBefore - 1);
  }, 240_000);
});
