import { connect } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiServer,
  MAX_LAMBDA_PAYLOAD_BYTES,
  matchRoute,
  startApiServer,
  toApiGatewayEvent,
  toHttpAnswer,
} from '../../local/api-server.ts';

const ROUTES = ['POST /articles', 'GET /articles', 'GET /articles/{id}', 'GET /entities/{type}/{name}'];

describe('matchRoute', () => {
  it.each([
    ['POST', '/articles', { routeKey: 'POST /articles' }],
    ['GET', '/articles', { routeKey: 'GET /articles' }],
    ['GET', '/articles/abc-123', { routeKey: 'GET /articles/{id}', pathParameters: { id: 'abc-123' } }],
    [
      'GET',
      '/entities/person/Jane%20Doe',
      { routeKey: 'GET /entities/{type}/{name}', pathParameters: { type: 'person', name: 'Jane Doe' } },
    ],
    ['GET', '/articles/%E0', { routeKey: 'GET /articles/{id}', pathParameters: { id: '%E0' } }],
    ['DELETE', '/articles/abc', undefined],
    ['GET', '/articles/abc/extra', undefined],
    ['GET', '/nothing', undefined],
  ])('matches %s %s to %j', (method, path, expected) => {
    expect(matchRoute(ROUTES, method, path)).toEqual(expected);
  });

  it('matches greedy and default routes when nothing more specific is declared', () => {
    expect(matchRoute(['ANY /files/{path+}'], 'PUT', '/files/a/b c')).toEqual({
      routeKey: 'ANY /files/{path+}',
      pathParameters: { path: 'a/b c' },
    });
    expect(matchRoute(['$default'], 'PATCH', '/x/y')).toEqual({ routeKey: '$default' });
  });
});

describe('toApiGatewayEvent', () => {
  const now = new Date('2026-01-02T03:04:05.000Z');

  it('builds a payload 2.0 event with lowercased headers, decoded query and raw path', () => {
    const event = toApiGatewayEvent(
      {
        method: 'GET',
        target: '/articles?key=incoming/seed%20article.txt&tag=a&tag=b',
        headers: { host: '127.0.0.1:3000', 'user-agent': 'curl/8', cookie: 'a=1; b=2' },
        body: Buffer.alloc(0),
        sourceIp: '127.0.0.1',
      },
      { routeKey: 'GET /articles' },
      now,
    );

    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /articles',
      rawPath: '/articles',
      rawQueryString: 'key=incoming/seed%20article.txt&tag=a&tag=b',
      cookies: ['a=1', 'b=2'],
      headers: { host: '127.0.0.1:3000', 'user-agent': 'curl/8' },
      queryStringParameters: { key: 'incoming/seed article.txt', tag: 'a,b' },
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'GET', path: '/articles', sourceIp: '127.0.0.1', userAgent: 'curl/8' },
        routeKey: 'GET /articles',
        stage: '$default',
        timeEpoch: now.getTime(),
      },
    });
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('pathParameters');
  });

  it.each([
    ['text/plain; charset=utf-8', 'héllo', false],
    ['application/json', 'héllo', false],
    ['application/octet-stream', 'aMOpbGxv', true],
    ['image/png', 'aMOpbGxv', true],
  ])('passes a %s body as %j with isBase64Encoded %s', (contentType, body, base64) => {
    const event = toApiGatewayEvent(
      {
        method: 'POST',
        target: '/articles',
        headers: { 'content-type': contentType },
        body: Buffer.from('héllo'),
        sourceIp: '127.0.0.1',
      },
      { routeKey: 'POST /articles' },
      now,
    );

    expect(event.body).toBe(body);
    expect(event.isBase64Encoded).toBe(base64);
  });
});

describe('toHttpAnswer', () => {
  it('decodes a base64 body when the result says so', () => {
    const answer = toHttpAnswer({
      statusCode: 201,
      body: Buffer.from([0, 1, 2]).toString('base64'),
      isBase64Encoded: true,
    });
    expect(answer.statusCode).toBe(201);
    expect([...answer.body]).toEqual([0, 1, 2]);
  });

  it('answers 200 JSON when the handler returns a bare object', () => {
    const answer = toHttpAnswer({ items: [] } as never);
    expect(answer).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/json' } });
    expect(answer.body.toString()).toBe('{"items":[]}');
  });
});

describe('startApiServer', () => {
  const seen: APIGatewayProxyEventV2[] = [];
  let server: ApiServer;

  beforeAll(async () => {
    server = await startApiServer({
      routes: ROUTES,
      host: '127.0.0.1',
      port: 0,
      functionName: 'test-api',
      onError: () => undefined,
      handler: async (event) => {
        seen.push(event);
        if (event.pathParameters?.id === 'explode') throw new Error('handler failure');
        return {
          statusCode: 202,
          headers: { 'content-type': 'application/json', 'x-route': event.routeKey },
          body: JSON.stringify({ echo: event.body ?? null }),
        };
      },
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it('passes the request to the handler and writes its answer back when a route matches', async () => {
    const response = await fetch(`${server.url}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'X-Custom': 'Yes' },
      body: 'some text',
    });

    expect(response.status).toBe(202);
    expect(response.headers.get('x-route')).toBe('POST /articles');
    expect(await response.json()).toEqual({ echo: 'some text' });
    expect(seen.at(-1)?.headers['x-custom']).toBe('Yes');
  });

  it.each([
    ['GET', '/unknown', 404, { message: 'Not Found' }],
    ['GET', '/articles/explode', 500, { message: 'Internal Server Error' }],
  ])('answers %s %s with %i as API Gateway does', async (method, path, status, body) => {
    const response = await fetch(`${server.url}${path}`, { method });

    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
  });
});

describe('startApiServer limits', () => {
  let server: ApiServer;
  const big = (bytes: number) => 'x'.repeat(bytes);

  beforeAll(async () => {
    server = await startApiServer({
      routes: ['POST /echo', 'GET /big/{bytes}'],
      host: '127.0.0.1',
      port: 0,
      functionName: 'test-api',
      onError: () => undefined,
      requestTimeoutMs: 500,
      handler: async (event) => ({
        statusCode: 200,
        body: event.pathParameters?.bytes === undefined ? 'ok' : big(Number(event.pathParameters.bytes)),
      }),
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers 413 as API Gateway does when a binary body is over 6 MB once base64-encoded', async () => {
    const body = Buffer.alloc(4_800_000, 1);

    const response = await fetch(`${server.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body,
    });

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
  });

  it('passes a text body of 4.8 MB, which fits the 6 MB invocation payload', async () => {
    const response = await fetch(`${server.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: big(4_800_000),
    });

    expect(response.status).toBe(200);
  });

  it('answers 413 to a body over API Gateway\u2019s 10 MB', async () => {
    const response = await fetch(`${server.url}/echo`, { method: 'POST', body: big(10 * 1024 * 1024 + 1) });

    expect(response.status).toBe(413);
  });

  it('answers 500 as API Gateway does when the handler answers over Lambda\u2019s 6 MB response payload', async () => {
    const fits = await fetch(`${server.url}/big/${6_000_000}`);
    const over = await fetch(`${server.url}/big/${MAX_LAMBDA_PAYLOAD_BYTES}`);

    expect(fits.status).toBe(200);
    expect(over.status).toBe(500);
    expect(await over.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('cuts off a request whose body never finishes', async () => {
    const { port } = server;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nonly part');
      });
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      socket.setTimeout(20_000, () => reject(new Error('the server kept the connection open')));
    });

    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});
