import { describe, expect, it } from 'vitest';
import { processArticle } from '#shared/process-article.ts';
import { resultSchema } from '#shared/result.ts';
import { BINARY_BYTES, encode } from '#tests/helpers/builders.ts';
import { SEED_BYTES } from '#tests/helpers/seed.ts';

const now = () => new Date('2026-01-01T00:00:00Z');
const process = (bytes: Uint8Array, contentType?: string) =>
  processArticle({ id: 'a', bytes, source: { bytes: bytes.byteLength, contentType } }, { now });

/**
 * The zod schema is the one description of the Result (types, validation, OpenAPI). Parsing strips keys it
 * does not know, so a field the pipeline writes without declaring it in the schema fails these tests.
 */
describe('resultSchema', () => {
  it.each([
    ['the seed article', () => process(SEED_BYTES)],
    [
      'an HTML page with metadata',
      () =>
        process(
          encode(
            '<html lang="en"><head><title>A title</title><meta name="author" content="Jane Doe"></head><body><article><p>Rain fell on Paris on Monday, said Jane Doe of Météo-France. "It will stop," she said.</p><p>Prices rose 5% to $3 billion.</p></article></body></html>',
          ),
          'text/html',
        ),
    ],
    ['a FAILED Result', () => process(BINARY_BYTES)],
    ['an empty article', () => process(encode('   '))],
  ])('declares every field the pipeline writes for %s', (_name, make) => {
    const result = make();

    expect(resultSchema.parse(result)).toEqual(result);
  });

  it('refuses a Result without its contract fields', () => {
    expect(resultSchema.safeParse({ id: 'a', status: 'DONE' }).success).toBe(false);
  });
});
