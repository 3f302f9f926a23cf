import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { PIPELINE_VERSION } from '#shared/result.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import { eventually, httpTestStack } from '../helpers/local-stack.ts';

/**
 * POST /backfills and GET /backfills/{id} over HTTP on the local stack (no state machine there): the API
 * records the backfill and answers RUNNING at once, and the stack's engine hands the objects under the prefix
 * in batches to the real process handler, which skips what the current pipeline version processed and
 * reprocesses the rest (as `precis backfill` asks it to); the backfill ends once every object has its Result.
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
  readonly id: string;
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

const TERMINAL = new Set(['DONE', 'FAILED']);
/** An 8-byte PNG signature and zeros: no article, a FAILED UNSUPPORTED_CONTENT Result. */
const BINARY = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 0),
]);

const put = (key: string, body: string | Buffer) =>
  http.local.clients.s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: body }));

const resultItemsUnder = async (prefix: string) =>
  ((await scan(LOCAL_NAMES.table)) as unknown as ResultItem[]).filter(
    (item) => item.sk === 'RESULT' && item.source?.key?.startsWith(prefix),
  );

/** As after a release: these Results are an older version's, and no idempotency record is the current one's. */
async function makeOlder(items: readonly ResultItem[]): Promise<void> {
  for (const item of items) {
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
}

const allDone = async () => {
  const items = await resultItems();
  const done = items.filter((item) => item.status === 'DONE' && item.pipelineVersion === PIPELINE_VERSION);
  return done.length === OBJECTS ? items : undefined;
};

describe('POST /backfills on the local stack', () => {
  it('lists the prefix, skips what this pipeline version processed, and reprocesses the rest', {
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
      objects: { listed: 0, processed: 0, failed: 0, skipped: 0 },
      failures: [],
    });
    expect(idle.headers.get('location')).toBe(`/backfills/${started.id}`);
    expect(idle.headers.get('retry-after')).toBe('10');
    expect(started.links).toEqual({ self: `/backfills/${started.id}` });
    expect(await followToEnd(started.id)).toMatchObject({
      id: started.id,
      status: 'SUCCEEDED',
      prefix: PREFIX,
      startedAt: expect.any(String),
      objects: { listed: OBJECTS, processed: 0, failed: 0, skipped: OBJECTS },
      failures: [],
      links: started.links,
    });

    const older = processed.slice(0, 2);
    await makeOlder(older);

    const again = await postBackfill({ prefix: PREFIX, concurrency: 2 });

    expect(again.status).toBe(202);
    const { id } = (await again.json()) as { id: string };
    expect(await followToEnd(id)).toMatchObject({
      status: 'SUCCEEDED',
      concurrency: 2,
      objects: { listed: OBJECTS, processed: older.length, failed: 0, skipped: OBJECTS - older.length },
    });
    // Read the moment the backfill says SUCCEEDED.
    const reprocessed = await allDone();
    expect(reprocessed?.map((item) => item.pk)).toEqual(expect.arrayContaining(older.map((item) => item.pk)));
  });

  it('is SUCCEEDED only once every object it took has a Result of this version, and lists the FAILED ones', {
    timeout: 2 * PROCESSING_TIMEOUT_MS,
  }, async () => {
    const prefix = 'incoming/api-backfill-failures/';
    const articles = [`${prefix}a.txt`, `${prefix}b.txt`];
    const picture = `${prefix}picture.png`;
    for (const key of articles) {
      await put(key, `Mayor Ann Lee of Springfield said on Monday that the bridge at ${key} would open.`);
    }
    await put(picture, BINARY);
    const uploaded = await eventually(
      async () => {
        const items = await resultItemsUnder(prefix);
        return items.length === 3 && items.every((item) => TERMINAL.has(item.status)) ? items : undefined;
      },
      { timeoutMs: PROCESSING_TIMEOUT_MS, what: 'the uploads ended' },
    );
    await makeOlder(uploaded);

    const response = await postBackfill({ prefix });
    const { id } = (await response.json()) as { id: string };
    const ended = await followToEnd(id);
    // Read the moment the backfill says SUCCEEDED: nothing may still be waiting to be reprocessed.
    const items = await resultItemsUnder(prefix);

    expect(items.map((item) => [item.source.key, item.status, item.pipelineVersion]).sort()).toEqual([
      [`${prefix}a.txt`, 'DONE', PIPELINE_VERSION],
      [`${prefix}b.txt`, 'DONE', PIPELINE_VERSION],
      [picture, 'FAILED', PIPELINE_VERSION],
    ]);
    const pictureId = items.find((item) => item.source.key === picture)?.id;
    expect(ended).toMatchObject({
      status: 'SUCCEEDED',
      objects: { listed: 3, processed: 3, failed: 0, skipped: 0 },
      failures: [{ id: pictureId, key: picture, code: 'UNSUPPORTED_CONTENT' }],
    });
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
