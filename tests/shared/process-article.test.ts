import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processArticle } from '#shared/process-article.ts';

const seed = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url));
const source = (bytes: Uint8Array) => ({ bytes: bytes.byteLength, key: 'incoming/seed.txt' });
const now = () => new Date('2026-01-01T00:00:00Z');

describe('processArticle', () => {
  it('returns a DONE result whose summary sentences are verbatim from the text when given the seed', () => {
    const result = processArticle({ id: 'seed', bytes: seed, source: source(seed) }, { now });

    expect(result.status).toBe('DONE');
    expect(result.summary.length).toBeGreaterThan(0);
    for (const sentence of result.summary) expect(result.text).toContain(sentence);
    expect(result.processedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('grounds every entity mention to its exact span of the text', () => {
    const result = processArticle({ id: 'seed', bytes: seed, source: source(seed) });

    expect(result.facts.entities.length).toBeGreaterThan(0);
    for (const entity of result.facts.entities) {
      for (const mention of entity.mentions) {
        expect(result.text.slice(mention.start, mention.end).length).toBe(mention.end - mention.start);
        expect(mention.end).toBeGreaterThan(mention.start);
      }
    }
  });

  it.each([
    ['EMPTY', new Uint8Array()],
    ['EMPTY', new TextEncoder().encode(' \n\t [ad_1] \n')],
    ['UNSUPPORTED_CONTENT', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff])],
  ])('returns a FAILED result with code %s for unusable input', (code, bytes) => {
    const result = processArticle({ id: 'bad', bytes, source: source(bytes) });

    expect(result.status).toBe('FAILED');
    expect(result.error?.code).toBe(code);
  });

  it('returns TOO_LARGE when the input exceeds the limit', () => {
    const bytes = new Uint8Array(11).fill(0x61);
    const result = processArticle({ id: 'big', bytes, source: source(bytes) }, { maxInputBytes: 10 });

    expect(result.error?.code).toBe('TOO_LARGE');
  });
});
