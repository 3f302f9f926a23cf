import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDeps } from '#functions/api.ts';
import { DependencyError } from '#shared/errors.ts';
import { API_ROUTES, splitRoute } from '#shared/events/api-routes.ts';
import {
  aLambdaContext,
  anHttpEvent,
  anS3EventBody,
  anSqsEvent,
  anSqsRecord,
  aResult,
  fixedNow,
  TEST_BUCKET,
} from '#tests/helpers/builders.ts';
import { startTestEmulators, type TestEmulators } from '#tests/helpers/emulators.ts';
import { createInMemoryBucket, createInMemoryStore } from '#tests/helpers/in-memory-adapters.ts';

const seed = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');
const LIMIT = 10_000;

type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;
type Response = { statusCode: number; headers?: Record<string, unknown>; body: string };

let emulators: TestEmulators;
let api: typeof import('#functions/api.ts');

beforeAll(async () => {
  emulators = await startTestEmulators();
  api = await import('#functions/api.ts');
});

afterAll(async () => {
  await emulators.stop();
});

function inMemoryDeps() {
  const { bucket, objects } = createInMemoryBucket();
  const { store, rows } = createInMemoryStore();
  const deps: ApiDeps = { bucket, store, maxInputBytes: LIMIT, newId: () => 'new-id', now: fixedNow };
  return { ...deps, objects, rows };
}

const bodyOf = (response: Response) => JSON.parse(response.body) as Record<string, unknown>;

async function route(event: APIGatewayProxyEventV2, deps: ApiDeps): Promise<Response> {
  return (await api.createApiHandler(deps)(event, aLambdaContext())) as Response;
}

const aProblem = (status: number, code: string) => ({
  type: `urn:precis:problem:${code.toLowerCase().replaceAll('_', '-')}`,
  title: expect.any(String),
  status,
  detail: expect.any(String),
  code,
  instance: expect.any(String),
});

describe('api routes', () => {
  it('answers 202 with the id, PENDING and the key when an article is posted as text', async () => {
    const deps = inMemoryDeps();

    const response = await route(
      anHttpEvent({
        method: 'POST',
        path: '/articles',
        body: seed,
        headers: { 'Content-Type': 'text/plain' },
      }),
      deps,
    );

    expect(response.statusCode).toBe(202);
    expect(response.headers?.Location).toBe('/articles/new-id');
    expect(bodyOf(response)).toEqual({ id: 'new-id', status: 'PENDING', key: 'incoming/new-id.txt' });
  });

  it('accepts a base64-encoded JSON body', async () => {
    const body = Buffer.from(
      JSON.stringify({ html: '<p>Hello</p>', url: 'https://example.test/a' }),
    ).toString('base64');

    const response = await route(
      anHttpEvent({
        method: 'POST',
        path: '/articles',
        body,
        isBase64Encoded: true,
        headers: { 'content-type': 'application/json' },
      }),
      inMemoryDeps(),
    );

    expect(response.statusCode).toBe(202);
    expect(bodyOf(response)).toMatchObject({ key: 'incoming/new-id.html' });
  });

  it.each([
    ['the query', { query: { sentences: '3' }, body: seed }],
    [
      'a JSON body',
      { body: JSON.stringify({ text: seed, sentences: 3 }), headers: { 'content-type': 'application/json' } },
    ],
    [
      'the query over a JSON body',
      {
        query: { sentences: '3' },
        body: JSON.stringify({ text: seed, sentences: 7 }),
        headers: { 'content-type': 'application/json' },
      },
    ],
  ])('stores the summary length from %s in the object metadata', async (_name, request) => {
    const deps = inMemoryDeps();

    const response = await route(anHttpEvent({ method: 'POST', path: '/articles', ...request }), deps);

    expect(response.statusCode).toBe(202);
    expect(deps.objects.get('incoming/new-id.txt')?.metadata).toMatchObject({ 'summary-sentences': '3' });
  });

  it.each([
    ['the query', { query: { words: '60' }, body: seed }, { 'summary-words': '60' }],
    [
      'a JSON body',
      { body: JSON.stringify({ text: seed, words: 60 }), headers: { 'content-type': 'application/json' } },
      { 'summary-words': '60' },
    ],
    [
      "the query, which replaces the JSON body's length as a whole",
      {
        query: { words: '60' },
        body: JSON.stringify({ text: seed, sentences: 7, words: 200 }),
        headers: { 'content-type': 'application/json' },
      },
      { 'summary-words': '60' },
    ],
    [
      'both limits in the query',
      { query: { sentences: '2', words: '60' }, body: seed },
      { 'summary-sentences': '2', 'summary-words': '60' },
    ],
  ])('stores the word budget from %s in the object metadata', async (_name, request, expected) => {
    const deps = inMemoryDeps();

    const response = await route(anHttpEvent({ method: 'POST', path: '/articles', ...request }), deps);

    expect(response.statusCode).toBe(202);
    const metadata = deps.objects.get('incoming/new-id.txt')?.metadata ?? {};
    expect(
      Object.fromEntries(Object.entries(metadata).filter(([name]) => name.startsWith('summary-'))),
    ).toEqual(expected);
  });

  it.each([
    ['?words=9', { query: { words: '9' }, body: seed }],
    ['?words=501', { query: { words: '501' }, body: seed }],
    ['?words=lots', { query: { words: 'lots' }, body: seed }],
    [
      '{"words":5}',
      { body: JSON.stringify({ text: seed, words: 5 }), headers: { 'content-type': 'application/json' } },
    ],
    ['?sentences=0', { query: { sentences: '0' }, body: seed }],
    ['?sentences=21', { query: { sentences: '21' }, body: seed }],
    ['?sentences=three', { query: { sentences: 'three' }, body: seed }],
    ['?sentences=2.5', { query: { sentences: '2.5' }, body: seed }],
    ['?sentences=', { query: { sentences: '' }, body: seed }],
    [
      '{"sentences":0}',
      { body: JSON.stringify({ text: seed, sentences: 0 }), headers: { 'content-type': 'application/json' } },
    ],
    [
      '{"sentences":"3"}',
      {
        body: JSON.stringify({ text: seed, sentences: '3' }),
        headers: { 'content-type': 'application/json' },
      },
    ],
  ])('answers 400 INVALID_INPUT and stores nothing when given %s', async (_name, request) => {
    const deps = inMemoryDeps();

    const response = await route(anHttpEvent({ method: 'POST', path: '/articles', ...request }), deps);

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toEqual(aProblem(400, 'INVALID_INPUT'));
    expect(deps.objects.size).toBe(0);
  });

  it('answers 200 with the Result when asked for a known id', async () => {
    const deps = inMemoryDeps();
    await deps.store.saveResult(aResult({ id: 'abc' }), {
      bucket: TEST_BUCKET,
      key: 'incoming/abc.txt',
      order: '1',
    });

    const response = await route(anHttpEvent({ method: 'GET', path: '/articles/abc' }), deps);

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual(aResult({ id: 'abc' }));
  });

  it('links a DONE Result to its viewer page with a presigned GET', async () => {
    const deps = inMemoryDeps();
    const placement = { bucket: TEST_BUCKET, key: 'incoming/abc.txt', order: '1' };
    await deps.store.saveResult(aResult({ id: 'abc' }), placement, { pageKey: 'processed/abc.html' });

    const whole = bodyOf(await route(anHttpEvent({ method: 'GET', path: '/articles/abc' }), deps));
    const some = bodyOf(
      await route(anHttpEvent({ method: 'GET', path: '/articles/abc', query: { fields: 'summary' } }), deps),
    );

    const links = {
      view: `memory://${TEST_BUCKET}/processed/abc.html?expires=300`,
      expiresAt: expect.any(String),
    };
    expect(whole).toEqual({ ...aResult({ id: 'abc' }), links });
    expect(some).toMatchObject({ id: 'abc', links });
  });

  it('deletes an article: the Result, its entity index entries and its objects, then answers 404', async () => {
    const deps = inMemoryDeps();
    const result = aResult({ id: 'abc', source: { bytes: 3, bucket: TEST_BUCKET, key: 'incoming/abc.txt' } });
    await deps.bucket.writeText('incoming/abc.txt', 'abc');
    await deps.bucket.writeText('processed/abc.txt', result.text);
    await deps.bucket.writeText('processed/abc.html', '<html>');
    await deps.store.saveResult(result, { bucket: TEST_BUCKET, key: 'incoming/abc.txt', order: '1' });
    await deps.store.indexEntities(result);
    const [entity] = result.facts.entities;

    const deleted = await route(anHttpEvent({ method: 'DELETE', path: '/articles/abc' }), deps);
    const again = await route(anHttpEvent({ method: 'DELETE', path: '/articles/abc' }), deps);
    const found = await deps.store.listByEntity(entity?.type ?? 'person', entity?.name ?? '', 10);

    expect(entity).toBeDefined();
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect(deps.rows.size).toBe(0);
    expect([...deps.objects.keys()]).toEqual([]);
    expect(found.items).toEqual([]);
    expect(again.statusCode).toBe(404);
  });

  it('answers 409 with Retry-After to a DELETE of an article being processed, and keeps it', async () => {
    const deps = inMemoryDeps();
    await deps.store.markProcessing(aResult({ id: 'busy', status: 'PROCESSING', summary: [], text: '' }), {
      bucket: TEST_BUCKET,
      key: 'incoming/busy.txt',
      order: '1',
    });

    const response = await route(anHttpEvent({ method: 'DELETE', path: '/articles/busy' }), deps);

    expect(response.statusCode).toBe(409);
    expect(response.headers?.['Retry-After']).toBe('10');
    expect(bodyOf(response)).toEqual(aProblem(409, 'IN_PROGRESS'));
    expect(deps.rows.has('busy')).toBe(true);
  });

  it('answers {items} for the object at a key, newest first', async () => {
    const deps = inMemoryDeps();
    const key = 'incoming/my article.txt';
    await deps.store.saveResult(aResult({ id: 'old' }), { bucket: TEST_BUCKET, key, order: '1' });
    await deps.store.saveResult(aResult({ id: 'new' }), { bucket: TEST_BUCKET, key, order: '2' });

    const response = await route(anHttpEvent({ method: 'GET', path: '/articles', query: { key } }), deps);

    expect(response.statusCode).toBe(200);
    expect((bodyOf(response).items as { id: string }[]).map((item) => item.id)).toEqual(['new', 'old']);
  });

  it('answers {items} with id, name and count for an entity', async () => {
    const deps = inMemoryDeps();
    await deps.store.indexEntities(aResult({ id: 'abc' }));

    const response = await route(
      anHttpEvent({ method: 'GET', path: '/entities/person/ada%20lovelace' }),
      deps,
    );

    expect(bodyOf(response)).toEqual({ items: [{ id: 'abc', name: 'Ada Lovelace', count: 1 }] });
  });

  it.each([
    [400, 'EMPTY', anHttpEvent({ method: 'POST', path: '/articles', body: '' })],
    [
      400,
      'INVALID_INPUT',
      anHttpEvent({
        method: 'POST',
        path: '/articles',
        body: '{',
        headers: { 'content-type': 'application/json' },
      }),
    ],
    [413, 'TOO_LARGE', anHttpEvent({ method: 'POST', path: '/articles', body: 'x'.repeat(LIMIT + 1) })],
    [
      400,
      'INVALID_INPUT',
      anHttpEvent({ method: 'GET', path: '/articles', query: { key: 'a', status: 'DONE' } }),
    ],
    [400, 'INVALID_CURSOR', anHttpEvent({ method: 'GET', path: '/articles', query: { cursor: 'e30' } })],
    [
      400,
      'INVALID_INPUT',
      anHttpEvent({ method: 'GET', path: '/articles/abc', query: { fields: 'text,colour' } }),
    ],
    [400, 'INVALID_INPUT', anHttpEvent({ method: 'GET', path: '/entities', query: { prefix: '' } })],
    [400, 'INVALID_INPUT', anHttpEvent({ method: 'GET', path: '/articles/not%20an%20id' })],
    [400, 'INVALID_INPUT', anHttpEvent({ method: 'GET', path: '/entities/animal/cat' })],
    [404, 'NOT_FOUND', anHttpEvent({ method: 'GET', path: '/articles/unknown' })],
    [404, 'NOT_FOUND', anHttpEvent({ method: 'GET', path: '/nowhere' })],
    [405, 'METHOD_NOT_ALLOWED', anHttpEvent({ method: 'PUT', path: '/articles/abc' })],
  ])('answers %i %s to %j', async (statusCode, code, event) => {
    const response = await route(event, inMemoryDeps());

    expect(response.statusCode).toBe(statusCode);
    expect(response.headers?.['Content-Type']).toBe('application/problem+json');
    expect(bodyOf(response)).toEqual(aProblem(statusCode, code));
  });

  it('answers 503 when a dependency fails', async () => {
    const deps = inMemoryDeps();
    const store = {
      ...deps.store,
      get: async () => {
        throw new DependencyError('GetItem failed: ThrottlingException');
      },
    };

    const response = await route(anHttpEvent({ method: 'GET', path: '/articles/abc' }), {
      ...deps,
      store,
    });

    expect(response.statusCode).toBe(503);
    expect(response.headers?.['Retry-After']).toBe('5');
    expect(bodyOf(response)).toEqual(aProblem(503, 'UNAVAILABLE'));
  });
});

describe('api problems', () => {
  it.each([
    ['application/pdf', '%PDF-1.7'],
    ['image/png', 'PNG'],
    ['application/zip', 'PK'],
    ['application/x-www-form-urlencoded', 'Hello world.'],
    ['multipart/form-data; boundary=x', '--x'],
    [';;;===', 'Hello world.'],
  ])('answers 415 and stores nothing when an article is posted as %s', async (contentType, body) => {
    const deps = inMemoryDeps();

    const response = await route(
      anHttpEvent({ method: 'POST', path: '/articles', body, headers: { 'content-type': contentType } }),
      deps,
    );

    expect(response.statusCode).toBe(415);
    expect(bodyOf(response)).toEqual(aProblem(415, 'UNSUPPORTED_MEDIA_TYPE'));
    expect(deps.objects.size).toBe(0);
  });

  it.each([
    ['text/markdown; charset=UTF-8', 'text/markdown; charset=UTF-8', 'md'],
    ['TEXT/HTML', 'text/html', 'html'],
    ['application/gzip', 'application/gzip', 'gz'],
  ])('stores an article posted as %s with the normalised type %s', async (header, stored, extension) => {
    const deps = inMemoryDeps();

    const response = await route(
      anHttpEvent({ method: 'POST', path: '/articles', body: 'Text.', headers: { 'content-type': header } }),
      deps,
    );

    expect(response.statusCode).toBe(202);
    expect(deps.objects.get(`incoming/new-id.${extension}`)?.contentType).toBe(stored);
  });

  it.each(['javascript:alert(1)', 'ftp://example.test/a', 'data:text/html,hi', 'not a url'])(
    'refuses the source url %s with 400',
    async (url) => {
      const deps = inMemoryDeps();

      const response = await route(
        anHttpEvent({
          method: 'POST',
          path: '/articles',
          body: JSON.stringify({ text: 'Text.', url }),
          headers: { 'content-type': 'application/json' },
        }),
        deps,
      );

      expect(response.statusCode).toBe(400);
      expect(bodyOf(response)).toMatchObject({
        code: 'INVALID_INPUT',
        detail: 'url: Expected an http(s) URL',
      });
      expect(deps.objects.size).toBe(0);
    },
  );

  it('answers 405 with the allowed methods in Allow', async () => {
    const response = await route(anHttpEvent({ method: 'PUT', path: '/articles' }), inMemoryDeps());

    expect(response.statusCode).toBe(405);
    expect(response.headers?.Allow).toBe('POST, GET');
  });

  it('answers 406 when Accept excludes JSON', async () => {
    const response = await route(
      anHttpEvent({ method: 'GET', path: '/health', headers: { accept: 'text/html' } }),
      inMemoryDeps(),
    );

    expect(response.statusCode).toBe(406);
    expect(bodyOf(response)).toEqual(aProblem(406, 'NOT_ACCEPTABLE'));
  });

  it('answers 429 with Retry-After when the store throttles', async () => {
    const deps = inMemoryDeps();
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    });
    const store = {
      ...deps.store,
      get: async () => {
        throw new DependencyError('GetItem failed', { cause: throttled });
      },
    };

    const response = await route(anHttpEvent({ method: 'GET', path: '/articles/abc' }), { ...deps, store });

    expect(response.statusCode).toBe(429);
    expect(response.headers?.['Retry-After']).toBe('1');
  });

  it('answers 500, not a 503 inviting retries, when S3 refuses the request with a 4xx', async () => {
    const deps = inMemoryDeps();
    const refused = Object.assign(new Error('Bad Request'), {
      name: 'InvalidArgument',
      $metadata: { httpStatusCode: 400 },
    });
    const bucket = {
      ...deps.bucket,
      put: async () => {
        throw new DependencyError('PutObject failed', { cause: refused });
      },
    };

    const response = await route(anHttpEvent({ method: 'POST', path: '/articles', body: 'Text.' }), {
      ...deps,
      bucket,
    });

    expect(response.statusCode).toBe(500);
    expect(response.headers?.['Retry-After']).toBeUndefined();
    expect(bodyOf(response)).toEqual(aProblem(500, 'INTERNAL'));
  });

  it('answers GET /health with ok', async () => {
    const response = await route(anHttpEvent({ method: 'GET', path: '/health' }), inMemoryDeps());

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ status: 'ok' });
  });
});

describe('api and process handlers against the S3 emulator and dynalite', () => {
  it('serves PENDING, then the DONE Result, for an article posted through the API', async () => {
    const handler: ApiHandler = api.handler;
    const { handler: processHandler } = await import('#functions/process.ts');
    const post = (await handler(
      anHttpEvent({
        method: 'POST',
        path: '/articles',
        body: JSON.stringify({ text: seed }),
        headers: { 'content-type': 'application/json' },
      }),
      aLambdaContext(),
    )) as Response;
    const { id, key } = bodyOf(post) as { id: string; key: string };
    const pending = (await handler(
      anHttpEvent({ method: 'GET', path: `/articles/${id}` }),
      aLambdaContext(),
    )) as Response;

    await processHandler(anSqsEvent(anSqsRecord(anS3EventBody({ encodedKey: key }), 'm1')), aLambdaContext());

    const done = (await handler(
      anHttpEvent({ method: 'GET', path: `/articles/${id}` }),
      aLambdaContext(),
    )) as Response;
    const byKey = (await handler(
      anHttpEvent({ method: 'GET', path: '/articles', query: { key } }),
      aLambdaContext(),
    )) as Response;
    expect(post.statusCode).toBe(202);
    expect(bodyOf(pending)).toMatchObject({ id, status: 'PENDING' });
    expect(bodyOf(done)).toMatchObject({ id, status: 'DONE', source: { key } });
    const viewer = await fetch((bodyOf(done).links as { view: string }).view);
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await viewer.text()).toContain('<html');
    expect(bodyOf(byKey).items).toEqual([
      expect.objectContaining({ id, status: 'DONE', source: expect.objectContaining({ key }) }),
    ]);
  });
});

describe('the routes infra declares', () => {
  const concretePath = (path: string) => path.replace(/\{[^}]+\}/g, 'sample');

  it.each(API_ROUTES)('serves %s, a route infra/ declares', async (declared) => {
    const { method, path } = splitRoute(declared);
    const request = method === 'POST' ? { body: 'An article.' } : { query: { key: 'incoming/a.txt' } };

    const response = await route(
      anHttpEvent({ method, path: concretePath(path), ...request }),
      inMemoryDeps(),
    );

    expect(response.statusCode).not.toBe(405);
    expect(String(bodyOf(response).detail)).not.toMatch(/^No route/);
  });
});
