import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { SEED_TEXT } from '#tests/helpers/seed.ts';
import { eventually, startTestStack, type TestStack } from '../helpers/local-stack.ts';

/**
 * Large articles over HTTP on the local stack: a presigned upload of a 4.9 MB article goes through S3 and the
 * pipeline like any upload, and its Result is answered within Lambda's limits (the summary view with links).
 */

let local: TestStack;

beforeAll(async () => {
  // Processing 5 MB takes tens of seconds on a loaded machine: no redelivery meanwhile.
  local = await startTestStack({ visibilityTimeoutSeconds: 600 });
});

afterAll(async () => {
  await local?.dispose();
});

/** About `bytes` of article text: the seed's paragraphs, numbered so no two are alike. */
function largeArticle(bytes: number): string {
  const paragraphs = SEED_TEXT.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const paragraph = `${paragraphs[index % paragraphs.length]} (${index})`;
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}

interface Upload {
  id: string;
  key: string;
  upload: { url: string; fields: Record<string, string>; maxBytes: number };
}

async function presign(body: unknown): Promise<Response> {
  return fetch(`${local.stack.endpoints.api}/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** What `curl -F name=value ... -F file=@article.txt URL` sends. */
async function postForm(upload: Upload['upload'], file: Blob): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', file, 'article.txt');
  return fetch(upload.url, { method: 'POST', body: form });
}

describe('presigned uploads on the local stack', () => {
  it('processes a 4.9 MB article uploaded with POST /uploads and answers it within Lambda limits', async () => {
    const article = largeArticle(4_900_000);

    const presigned = await presign({ contentType: 'text/plain; charset=utf-8', sentences: 3 });
    const upload = (await presigned.json()) as Upload;
    const posted = await postForm(upload.upload, new Blob([article], { type: 'text/plain' }));
    const pending = await fetch(`${local.stack.endpoints.api}/articles/${upload.id}`);
    const done = await eventually(
      async () => {
        const response = await fetch(`${local.stack.endpoints.api}/articles/${upload.id}`);
        const body = (await response.json()) as Result & {
          truncated?: boolean;
          links?: Record<string, string>;
        };
        return body.status === 'DONE' || body.status === 'FAILED' ? { response, body } : undefined;
      },
      { what: 'the Result of the 4.9 MB upload', timeoutMs: 420_000, intervalMs: 1_000 },
    );
    const text = await fetch(done.body.links?.text ?? '');

    expect(presigned.status).toBe(201);
    expect(presigned.headers.get('location')).toBe(`/articles/${upload.id}`);
    expect(upload.key).toBe(`incoming/${upload.id}.txt`);
    expect(upload.upload.maxBytes).toBe(5 * 1024 * 1024);
    expect([200, 201, 204]).toContain(posted.status);
    expect(((await pending.json()) as Result).status).toMatch(/PENDING|PROCESSING|DONE/);
    expect(done.body).toMatchObject({ id: upload.id, status: 'DONE', truncated: true });
    expect(done.body.summary.length).toBeLessThanOrEqual(3);
    expect(Number(done.response.headers.get('content-length'))).toBeLessThan(1_000_000);
    expect(text.status).toBe(200);
    expect((await text.text()).length).toBeGreaterThan(4_000_000);
  }, 480_000);

  it('refuses to presign an upload of a PDF with 415', async () => {
    const response = await presign({ contentType: 'application/pdf' });

    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
