import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossSiteRefusal } from '../../local/request-guard.ts';
import { startTestStack, type TestStack } from '../helpers/local-stack.ts';

/**
 * A web page open in the developer's browser must not reach the local stack: requests with a foreign
 * Origin or a non-loopback Host (DNS rebinding) are refused by the emulators and the local API alike.
 */

describe('crossSiteRefusal', () => {
  it.each([
    [{ host: '127.0.0.1:8000' }, undefined],
    [{ host: 'localhost:3000', origin: 'http://localhost:3000' }, undefined],
    [{ host: 'localhost:3000', origin: 'https://app.example' }, undefined],
    [{ host: 'evil.example:8000' }, 'not the loopback'],
    [{ host: '127.0.0.1:8000', origin: 'https://evil.example' }, 'is not allowed'],
    [{ host: '127.0.0.1:3000', origin: 'null' }, 'is not allowed'],
    [{ host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }, 'cross-site'],
  ])('judges %o: %s', (headers, refusal) => {
    const reason = crossSiteRefusal(headers, ['https://app.example']);

    if (refusal === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(refusal);
  });
});

let local: TestStack;

beforeAll(async () => {
  local = await startTestStack();
});

afterAll(async () => {
  await local?.dispose();
});

/** A raw request, so that Host and Origin can be set as a browser or a rebinding attack would. */
function send(
  endpoint: string,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<number> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const LIST_TABLES = {
  method: 'POST',
  path: '/',
  body: '{}',
  headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
};

describe('the local stack against web pages', () => {
  it('refuses DynamoDB ListTables from a foreign origin, and its preflight', async () => {
    const { dynamodb } = local.stack.endpoints;
    const evil = { origin: 'https://evil.example' };

    expect(await send(dynamodb, { ...LIST_TABLES, headers: { ...LIST_TABLES.headers, ...evil } })).toBe(403);
    expect(await send(dynamodb, { method: 'OPTIONS', path: '/', headers: evil })).toBe(403);
  });

  it('refuses DynamoDB requests whose Host is not the loopback (DNS rebinding)', async () => {
    const headers = { ...LIST_TABLES.headers, host: 'rebind.evil.example' };

    expect(await send(local.stack.endpoints.dynamodb, { ...LIST_TABLES, headers })).toBe(403);
  });

  it('refuses S3 and SQS requests from a foreign origin', async () => {
    const status = await send(local.stack.endpoints.s3, {
      method: 'GET',
      path: '/precis-articles?list-type=2',
      headers: { origin: 'https://evil.example' },
    });

    expect(status).toBe(403);
  });

  it('refuses a cross-site text/plain POST to the local API, and a foreign Host', async () => {
    const post = { method: 'POST', path: '/articles', body: 'The council met. It agreed.' };

    const crossSite = await send(local.stack.endpoints.api, {
      ...post,
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
    });
    const rebound = await send(local.stack.endpoints.api, {
      ...post,
      headers: { 'content-type': 'text/plain', host: 'evil.example' },
    });

    expect([crossSite, rebound]).toEqual([403, 403]);
  });

  it('still serves the SDK-style and same-origin requests', async () => {
    const { api } = local.stack.endpoints;
    const sameOrigin = await send(api, {
      method: 'GET',
      path: '/articles?key=incoming/none.txt',
      headers: { origin: api },
    });

    // dynalite answers an unsigned request 400 MissingAuthenticationToken: it got through the guard.
    expect(await send(local.stack.endpoints.dynamodb, LIST_TABLES)).toBe(400);
    expect(sameOrigin).toBe(200);
  });
});
