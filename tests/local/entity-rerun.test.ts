import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import type { Result } from '#shared/result.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import { httpTestStack } from '../helpers/local-stack.ts';

/**
 * On the local stack: an article whose earlier run (an older pipeline version) found an entity the current
 * pipeline does not is reprocessed; afterwards GET /entities no longer finds it under that entity, nor lists
 * the name for autocomplete, and still finds it, once, under the entities it has.
 */

const ARTICLE =
  'Mayor Ann Lee of Springfield said on Monday that three new bridges would open next year. ' +
  '"It is a good day for the city," Ann Lee said.';

const http = httpTestStack();
const { api, ended } = http;

const idsUnder = async (type: string, name: string) =>
  (
    (await (await api(`/entities/${type}/${encodeURIComponent(name)}`)).json()) as { items: { id: string }[] }
  ).items.map((item) => item.id);

describe('the entity index when an article is processed again', () => {
  it('no longer finds the article under an entity its new Result does not have', {
    timeout: 400_000,
  }, async () => {
    const posted = await api('/articles', {
      method: 'POST',
      body: ARTICLE,
      headers: { 'content-type': 'text/plain' },
    });
    const { id } = (await posted.json()) as { id: string };
    const first = await ended(id);
    expect(first.status).toBe('DONE');
    expect(await idsUnder('person', 'Ann Lee')).toEqual([id]);
    // As an older pipeline version would have indexed it: with one more person, whom the current one does not find.
    const { Item } = await http.local.clients.documentClient.send(
      new GetCommand({ TableName: LOCAL_NAMES.table, Key: { pk: `ARTICLE#${id}`, sk: 'RESULT' } }),
    );
    const older: Result = {
      ...first,
      pipelineVersion: '0.0.1-older',
      facts: {
        ...first.facts,
        entities: [
          ...first.facts.entities,
          { type: 'person', name: 'Zed Obsolete', mentions: [{ start: 0, end: 5 }] },
        ],
      },
    };
    const store = createArticleStore(http.local.clients.documentClient, LOCAL_NAMES.table);
    await store.indexEntities(older, {
      bucket: LOCAL_NAMES.bucket,
      key: first.source.key ?? '',
      order: String(Item?.gsi1sk),
    });
    expect(await idsUnder('person', 'Zed Obsolete')).toEqual([id]);

    expect((await api(`/articles/${id}/reprocess`, { method: 'POST' })).status).toBe(202);
    const second = await ended(id, first.processedAt);

    expect(second.status).toBe('DONE');
    expect(await idsUnder('person', 'Zed Obsolete')).toEqual([]);
    const names = (await (await api('/entities?prefix=zed&type=person')).json()) as { items: unknown[] };
    expect(names.items).toEqual([]);
    expect(await idsUnder('person', 'Ann Lee')).toEqual([id]);
  });
});
