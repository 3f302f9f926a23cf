import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decompress } from '#shared/clean/decompress.ts';
import { DEFAULT_MAX_INPUT_BYTES } from '#shared/config.ts';
import { InputError } from '#shared/errors.ts';
import { processArticle } from '#shared/process-article.ts';

const seed = readFileSync(new URL('../../fixtures/seed-article.txt', import.meta.url));

/** The seed's paragraphs over and over, to exactly `bytes` bytes of plain text. */
function articleOf(bytes: number): Buffer {
  const copies = Buffer.concat(Array.from({ length: Math.ceil(bytes / seed.length) }, () => seed));
  return copies.subarray(0, bytes);
}

function process(bytes: Uint8Array, maxInputBytes?: number) {
  return processArticle(
    { id: 'gz', bytes, source: { bytes: bytes.byteLength, key: 'incoming/a.txt.gz' } },
    maxInputBytes === undefined ? {} : { maxInputBytes },
  );
}

function errorCodeOf(run: () => unknown): string {
  try {
    run();
    return 'none';
  } catch (error) {
    if (error instanceof InputError) return error.code;
    throw error;
  }
}

describe('the decompressed size counts against MAX_INPUT_BYTES', () => {
  it('fails a small gzip that expands to 19 MB (well under the limit compressed) with TOO_LARGE', () => {
    const gzip = gzipSync(articleOf(19 * 1024 * 1024), { level: 9 });
    expect(gzip.byteLength).toBeLessThan(DEFAULT_MAX_INPUT_BYTES / 10);

    const result = process(gzip);

    expect(result.status).toBe('FAILED');
    expect(result.error).toEqual({
      code: 'TOO_LARGE',
      message: `Input decompresses to more than the limit of ${DEFAULT_MAX_INPUT_BYTES} bytes`,
    });
  });

  it('accepts a gzip that expands to exactly the limit, and refuses one byte more', () => {
    const limit = 64 * 1024;

    expect(process(gzipSync(articleOf(limit)), limit).status).toBe('DONE');
    expect(process(gzipSync(articleOf(limit + 1)), limit).error?.code).toBe('TOO_LARGE');
  });

  it('detects the excess while inflating: a stream cut short after the limit is TOO_LARGE, not a broken gzip', () => {
    const limit = 64 * 1024;
    const whole = gzipSync(articleOf(20 * limit), { level: 1 });
    // Inflating it all would reach the cut and fail as a broken stream; stopping at the limit never gets there.
    const cut = whole.subarray(0, whole.byteLength - 64);

    expect(errorCodeOf(() => decompress(cut, 100 * limit))).toBe('UNSUPPORTED_CONTENT');
    expect(errorCodeOf(() => decompress(cut, limit))).toBe('TOO_LARGE');
  });

  it('leaves input that is not gzip untouched', () => {
    const text = articleOf(1000);

    expect(decompress(text, 10)).toBe(text);
  });
});
