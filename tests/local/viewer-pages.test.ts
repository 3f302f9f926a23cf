import { readFileSync } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import { eventually, LOCAL_TEST_TIMEOUT_MS, startTestStack, type TestStack } from '../helpers/local-stack.ts';

/** The local stack's pages for people: GET /view/{id} and the list of recent articles at GET /view. */

const SEED = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url));
const KEY = 'incoming/viewer seed.txt';
const BINARY_KEY = 'incoming/viewer binary.png';

let local: TestStack;
let done: Result;
let failed: Result;

async function finalResultFor(key: string): Promise<Result> {
  return eventually(
    async () => {
      const response = await fetch(`${local.stack.endpoints.api}/articles?key=${encodeURIComponent(key)}`);
      const { items } = (await response.json()) as { items: Result[] };
      return items.find((result) => result.status === 'DONE' || result.status === 'FAILED');
    },
    { what: `a final Result for ${key}` },
  );
}

beforeAll(async () => {
  local = await startTestStack();
  const put = (Key: string, Body: Uint8Array) =>
    local.clients.s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key, Body }));
  await put(KEY, SEED);
  await put(BINARY_KEY, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(64, 0)]));
  [done, failed] = await Promise.all([finalResultFor(KEY), finalResultFor(BINARY_KEY)]);
});

afterAll(async () => {
  await local?.dispose();
});

const get = (path: string) => fetch(`${local.stack.endpoints.api}${path}`);

describe('local viewer pages', { timeout: LOCAL_TEST_TIMEOUT_MS }, () => {
  it('serves the page the process function wrote to processed/<id>.html at GET /view/{id}', async () => {
    const response = await get(`/view/${encodeURIComponent(done.id)}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(
      /default-src 'none'.*frame-ancestors 'none'/,
    );
    const document = parseHTML(await response.text()).document;
    expect(document.querySelector('h1')?.textContent).toBe(done.title);
    // List items are summaries without the summary sentences: read the whole Result.
    const whole = (await (await get(`/articles/${encodeURIComponent(done.id)}`)).json()) as Result;
    expect(document.querySelectorAll('mark.summary[id]')).toHaveLength(whole.summary.length);
  });

  it('renders a FAILED Result with its code, and answers 404 for an unknown id', async () => {
    const page = await get(`/view/${encodeURIComponent(failed.id)}`);
    const unknown = await get('/view/no-such-article');

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('UNSUPPORTED_CONTENT');
    expect(unknown.status).toBe(404);
  });

  it('lists recent uploads with their status and links at GET /view', async () => {
    const response = await get('/view');

    expect(response.status).toBe(200);
    const document = parseHTML(await response.text()).document;
    const rows = [...document.querySelectorAll('tbody tr')].map((row) => row.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows.some((row) => row.includes('DONE') && row.includes(KEY))).toBe(true);
    expect(rows.some((row) => row.includes('FAILED') && row.includes('UNSUPPORTED_CONTENT'))).toBe(true);
    const links = [...document.querySelectorAll('tbody a')].map((link) => link.getAttribute('href'));
    expect(links).toContain(`/view/${encodeURIComponent(done.id)}`);
    expect(links).toContain(`/articles/${encodeURIComponent(done.id)}`);
  });
});
