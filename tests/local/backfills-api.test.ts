import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { PIPELINE_VERSION } from '#shared/result.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import { eventually, httpTestStack } from '../helpers/local-stack.ts';

/**
 * POST /backfills and GET /backfills/{id} over HTTP on the local stack (no state machine there): the API
 * answers RUNNING at once and the stack walks the bucket under the prefix in the background, enqueuing what the
 * current pipeline version has not processed (as `precis backfill` asks it to), and the real process handler
 * reprocesses it.
 */

const PREFIX = 'incoming/api-backfill/';
const OBJECTS = 4;
const OLDER_VERSION = '0.0.1-older';
/** Minutes: articles through the emulators on a loaded two-core machine. */
const PROCESSING_TIMEOUT_MS = 300_000;

const http = httpTestStack();
const { api } = http;
const postBackfill = (body: unknown) =>
  api('/backfills', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' },
  });

interface ResultItem {
  readonly pk: string;
  readonly sk: string;
  readonly status: string;
  readonly pipelineVersion: string;
  readonly source: { readonly key: string };
}

async function scan(table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await http.local.clients.documentClient.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey !== undefined);
  return items;
}

/** GET /backfills/{id} until the walk has ended (the POST answers at once, RUNNING). */
async function followToEnd(id: string): Promise<Record<string, unknown>> {
  return eventually(
    async () => {
      const response = await api(`/backfills/${id}`);
      expect(response.status).toBe(200);
      const status = (await response.json()) as Record<string, unknown>;
      if (status.status === 'RUNNING') {
        expect(response.headers.get('retry-after')).toBe('10');
        return undefined;
      }
      return status;
    },
    { timeoutMs: PROCESSING_TIMEOUT_MS, intervalMs: 200, what: `backfill ${id} to end` },
  );
}

const resultItems = async () =>
  ((await scan(LOCAL_NAMES.table)) as unknown as ResultItem[]).filter(
    (item) => item.sk === 'RESULT' && item.source?.key?.startsWith(PREFIX),
  );

const allDone = async () => {
  const items = await resultItems();
  const done = items.filter((item) => item.status === 'DONE' && item.pipelineVersion === PIPELINE_VERSION);
  return done.length === OBJECTS ? items : undefined;
};

describe('POST /backfills on the local stack', () => {
  it('walks the prefix, skips what this pipeline version processed, and enqueues the rest', {
    timeout: 2 * PROCESSING_TIMEOUT_MS,
  }, async () => {
    for (let index = 0; index < OBJECTS; index++) {
      await http.local.clients.s3.send(
        new PutObjectCommand({
          Bucket: LOCAL_NAMES.bucket,
          Key: `${PREFIX}${index}.txt`,
          Body: `Mayor Ann Lee of Springfield said on Monday that ${index + 2} new bridges would open next year.`,
        }),
      );
    }
    const processed = await eventually(allDone, {
      timeoutMs: PROCESSING_TIMEOUT_MS,
      what: 'the uploads DONE',
    });

    const idle = await postBackfill({ prefix: PREFIX });

    expect(idle.status).toBe(202);
    const started = (await idle.json()) as { id: string; status: string; objects: unknown; links: unknown };
    expect(started).toMatchObject({
      status: 'RUNNING',
      prefix: PREFIX,
      concurrency: 5,
      objects: { listed: 0, skipped: 0, enqueued: 0 },
    });
    expect(idle.headers.get('location')).toBe(`/backfills/${started.id}`);
    expect(idle.headers.get('retry-after')).toBe('10');
    expect(started.links).toEqual({ self: `/backfills/${started.id}` });
    expect(await followToEnd(started.id)).toMatchObject({
      id: started.id,
      status: 'SUCCEEDED',
      prefix: PREFIX,
      startedAt: expect.any(String),
      objects: { listed: OBJECTS, skipped: OBJECTS, enqueued: 0 },
      links: started.links,
    });

    // As after a release: two Results are an older version's, and no idempotency record is the current one's.
    const older = processed.slice(0, 2);
    for (const item of older) {
      await http.local.clients.documentClient.send(
        new UpdateCommand({
          TableName: LOCAL_NAMES.table,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET pipelineVersion = :older',
          ExpressionAttributeValues: { ':older': OLDER_VERSION },
        }),
      );
    }
    for (const record of await scan(LOCAL_NAMES.idempotencyTable)) {
      await http.local.clients.documentClient.send(
        new DeleteCommand({ TableName: LOCAL_NAMES.idempotencyTable, Key: { id: record.id } }),
      );
    }

    const again = await postBackfill({ prefix: PREFIX, concurrency: 2 });

    expect(again.status).toBe(202);
    const { id } = (await again.json()) as { id: string };
    expect(await followToEnd(id)).toMatchObject({
      status: 'SUCCEEDED',
      concurrency: 2,
      objects: { listed: OBJECTS, skipped: OBJECTS - older.length, enqueued: older.length },
    });
    const reprocessed = await eventually(allDone, {
      timeoutMs: PROCESSING_TIMEOUT_MS,
      what: 'the older Results reprocessed',
    });
    expect(reprocessed.map((item) => item.pk)).toEqual(expect.arrayContaining(older.map((item) => item.pk)));
  });

  it.each([
    [{ prefix: 'processed/' }, 'must start with incoming/'],
    [{ prefix: PREFIX, concurrency: 0 }, 'concurrency'],
    [{ prefix: PREFIX, concurrency: 1001 }, 'concurrency'],
    [{ concurrency: 5 }, 'prefix'],
  ])('refuses %j with a 400 problem', async (body, detail) => {
    const response = await postBackfill(body);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { detail: string }).detail).toContain(detail);
  });

  it('refuses a body that is not JSON', async () => {
    expect((await postBackfill('incoming/')).status).toBe(415);
  });

  it('answers 404 for a backfill that does not exist and 400 for what is no backfill id', async () => {
    expect((await api('/backfills/backfill-20260101-000000-00000000')).status).toBe(404);
    expect((await api('/backfills/not%20an%20id')).status).toBe(400);
  });
});
