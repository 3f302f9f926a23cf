import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processArticle } from '#shared/process-article.ts';

const seed = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url));
const source = (bytes: Uint8Array) => ({ bytes: bytes.byteLength, key: 'incoming/seed.txt' });
const now = () => new Date('2026-01-01T00:00:00Z');

const FRENCH_ARTICLE = `Le conseil municipal a voté mardi soir un nouveau plan pour les transports de la ville.

Le projet prévoit trois lignes de tramway supplémentaires et la rénovation des gares routières, pour un coût estimé à deux cents millions d'euros sur dix ans.

Les élus de l'opposition ont critiqué le calendrier, jugé trop lent, mais ont salué la priorité donnée aux quartiers du nord, longtemps oubliés.

Les travaux doivent commencer au printemps prochain, après une consultation des habitants qui durera deux mois.`;

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
      const names = [entity.name, ...(entity.aliases ?? [])].map((name) => name.toLowerCase());
      for (const mention of entity.mentions) {
        expect(names).toContain(result.text.slice(mention.start, mention.end).toLowerCase());
      }
    }
  });

  it('analyses English fully when given the seed', () => {
    const result = processArticle({ id: 'seed', bytes: seed, source: source(seed) });

    expect(result.language).toBe('en');
    expect(result.analysis).toEqual({ summary: 'full', facts: 'full' });
    expect(result.keyPhrases?.length).toBeGreaterThan(0);
  });

  it('cleans and summarises but extracts no facts when the article is not in English', () => {
    const french = new TextEncoder().encode(FRENCH_ARTICLE);

    const result = processArticle({ id: 'fr', bytes: french, source: source(french) });

    expect(result.status).toBe('DONE');
    expect(result.language).toBe('fr');
    expect(result.analysis).toEqual({ summary: 'basic', facts: 'none' });
    expect(result.summary.length).toBeGreaterThan(0);
    for (const sentence of result.summary) expect(result.text).toContain(sentence);
    expect(result.facts.entities).toEqual([]);
    expect(result.keyPhrases).toBeUndefined();
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
