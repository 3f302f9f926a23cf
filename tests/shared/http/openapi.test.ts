import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiDeps } from '#functions/api.ts';
import { API_ROUTES, type ApiRoute, splitRoute } from '#shared/events/api-routes.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import {
  aLambdaContext,
  anHttpEvent,
  aResult,
  fixedNow,
  type HttpEventOptions,
  TEST_BUCKET,
} from '#tests/helpers/builders.ts';
import { createInMemoryBucket, createInMemoryStore } from '#tests/helpers/in-memory-adapters.ts';

type Response = { statusCode: number; headers?: Record<string, string>; body: string };

const DOCUMENT_ID = 'https://precis.test/openapi.json';
const document = openApiDocument() as unknown as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
};

/** Requests that exercise each route, against a store holding one DONE article `abc`: the happy path and an error. */
const SAMPLES: Readonly<Record<ApiRoute, readonly Omit<HttpEventOptions, 'method'>[]>> = {
  'GET /health': [{ path: '/health' }],
  'GET /openapi.json': [{ path: '/openapi.json' }],
  'POST /articles': [
    { path: '/articles', body: 'Ada Lovelace visited London.', headers: { 'content-type': 'text/plain' } },
    { path: '/articles', body: '%PDF-1.7', headers: { 'content-type': 'application/pdf' } },
    { path: '/articles', body: '{', headers: { 'content-type': 'application/json' } },
  ],
  'GET /articles': [
    { path: '/articles', query: { key: 'incoming/abc.txt' } },
    { path: '/articles' },
    { path: '/articles', query: { status: 'DONE', limit: '1' } },
    { path: '/articles', query: { cursor: 'not-a-cursor' } },
    { path: '/articles', query: { limit: '1000' } },
  ],
  'GET /articles/{id}': [
    { path: '/articles/abc' },
    { path: '/articles/abc', query: { fields: 'summary,facts.entities' } },
    { path: '/articles/big' },
    { path: '/articles/abc', query: { fields: 'summary,nonsense' } },
    { path: '/articles/unknown' },
  ],
  'DELETE /articles/{id}': [{ path: '/articles/abc' }, { path: '/articles/unknown' }],
  'POST /articles/{id}/reprocess': [
    { path: '/articles/abc/reprocess' },
    { path: '/articles/busy/reprocess' },
    { path: '/articles/unknown/reprocess' },
  ],
  'POST /uploads': [
    {
      path: '/uploads',
      body: '{"contentType":"text/html"}',
      headers: { 'content-type': 'application/json' },
    },
    { path: '/uploads' },
    {
      path: '/uploads',
      body: '{"contentType":"application/pdf"}',
      headers: { 'content-type': 'application/json' },
    },
    { path: '/uploads', body: 'text', headers: { 'content-type': 'text/plain' } },
  ],
  'GET /entities': [{ path: '/entities', query: { prefix: 'ada' } }, { path: '/entities' }],
  'GET /entities/{type}/{name}': [
    { path: '/entities/person/ada%20lovelace', query: { limit: '5' } },
    { path: '/entities/cat/tom' },
  ],
  // No backfills in these deps (501); tests/local/backfills-api.test.ts runs them on the local stack.
  'POST /backfills': [
    {
      path: '/backfills',
      body: '{"prefix":"incoming/2024/"}',
      headers: { 'content-type': 'application/json' },
    },
    {
      path: '/backfills',
      body: '{"prefix":"processed/","concurrency":0}',
      headers: { 'content-type': 'application/json' },
    },
    { path: '/backfills', body: 'incoming/', headers: { 'content-type': 'text/plain' } },
  ],
  'GET /backfills/{id}': [{ path: '/backfills/backfill-1' }, { path: '/backfills/not%20an%20id' }],
};

async function seededDeps(): Promise<ApiDeps> {
  const { bucket } = createInMemoryBucket();
  const { store } = createInMemoryStore();
  await store.saveResult(
    aResult({ id: 'abc' }),
    { bucket: TEST_BUCKET, key: 'incoming/abc.txt', order: '1' },
    { pageKey: 'processed/abc.html' },
  );
  await store.indexEntities(aResult({ id: 'abc' }));
  // Over the (lowered) answer limit: answered with its summary view and links.
  const big = aResult({ id: 'big', text: 'Ada Lovelace visited London. '.repeat(200) });
  await store.saveResult(
    big,
    { bucket: TEST_BUCKET, key: 'incoming/big.txt', order: '2' },
    { textKey: 'processed/big.txt' },
  );
  await store.putPending(aResult({ id: 'busy', status: 'PENDING', text: '', summary: [] }), {
    bucket: TEST_BUCKET,
    key: 'incoming/busy.txt',
    order: '3',
  });
  return {
    bucket,
    store,
    queue: { reprocess: async () => {} },
    maxInputBytes: 10_000,
    maxAnswerBytes: 4_000,
    newId: () => 'new-id',
    now: fixedNow,
  };
}

/** JSON pointer to a documented response schema, as a URI fragment. */
const pointer = (...tokens: string[]) =>
  `#/${tokens.map((token) => encodeURIComponent(token.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;

describe('the OpenAPI document', () => {
  let api: typeof import('#functions/api.ts');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);

  beforeAll(async () => {
    // The handler module reads its configuration when loaded; these tests inject in-memory adapters.
    process.env.TABLE_NAME ??= 'unused';
    process.env.BUCKET_NAME ??= 'unused';
    api = await import('#functions/api.ts');
    ajv.addSchema(document, DOCUMENT_ID);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(
      structuredClone(document) as Parameters<Validator['validate']>[0],
    );

    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(API_ROUTES)('describes %s', (route) => {
    const { method, path } = splitRoute(route);

    expect(document.paths[path]?.[method.toLowerCase()]).toBeDefined();
  });

  it('is what GET /openapi.json serves', async () => {
    const deps = await seededDeps();
    const response = (await api.createApiHandler(deps)(
      anHttpEvent({ method: 'GET', path: '/openapi.json' }),
      aLambdaContext(),
    )) as Response;

    expect(JSON.parse(response.body)).toEqual(JSON.parse(JSON.stringify(document)));
  });

  const cases = API_ROUTES.flatMap((route) => SAMPLES[route].map((sample) => [route, sample] as const));

  it.each(cases)('%s answers as described to %j', async (route, sample) => {
    const { method, path } = splitRoute(route);
    const event: APIGatewayProxyEventV2 = anHttpEvent({ method, ...sample });

    const response = (await api.createApiHandler(await seededDeps())(event, aLambdaContext())) as Response;

    const responses = document.paths[path]?.[method.toLowerCase()]?.responses ?? {};
    const status = String(response.statusCode);
    expect(Object.keys(responses)).toContain(status);
    if (responses[status]?.content === undefined) {
      expect(response.body, `${status} has no body`).toBe('');
      return;
    }
    const contentType = (response.headers?.['Content-Type'] ?? '').split(';')[0] ?? '';
    const described = responses[status]?.content?.[contentType] as { schema?: unknown } | undefined;
    expect(described, `${status} ${contentType} is documented`).toBeDefined();
    if (described?.schema === undefined) return;
    const validate = ajv.getSchema(
      `${DOCUMENT_ID}${pointer('paths', path, method.toLowerCase(), 'responses', status, 'content', contentType, 'schema')}`,
    );
    expect(validate).toBeDefined();
    const valid = validate?.(JSON.parse(response.body));
    expect(validate?.errors ?? [], response.body.slice(0, 500)).toEqual([]);
    expect(valid).toBe(true);
  });
});
