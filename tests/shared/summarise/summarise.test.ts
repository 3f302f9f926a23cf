import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { summarise } from '#shared/summarise/summarise.ts';

const seed = cleanDocument({
  bytes: readFileSync(new URL('../../fixtures/seed-article.txt', import.meta.url)),
  fileName: 'seed-article.txt',
});

describe('summarise', () => {
  it('returns sentences verbatim from the text, in text order, when given the seed', () => {
    const { summary } = summarise(seed, { sentences: 3 });

    expect(summary).toHaveLength(3);
    const positions = summary.map((sentence) => seed.text.indexOf(sentence));
    for (const position of positions) expect(position).toBeGreaterThanOrEqual(0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it.each([1, 2, 5])('returns exactly %i sentences when asked for them', (sentences) => {
    expect(summarise(seed, { sentences }).summary).toHaveLength(sentences);
  });

  it('gives three sentences when no length is asked for', () => {
    expect(summarise(seed).summary).toHaveLength(3);
  });

  it('gives a one-sentence headline about the story', () => {
    const { headline } = summarise(seed);

    expect(headline).toMatch(/Blinken/);
    expect(headline).not.toMatch(/\n/);
  });

  it('gives deduplicated key phrases naming the people of the story', () => {
    const { keyPhrases = [] } = summarise(seed);

    expect(keyPhrases.length).toBeGreaterThan(3);
    expect(keyPhrases.some((phrase) => phrase.includes('Blinken'))).toBe(true);
    expect(keyPhrases.some((phrase) => phrase.includes('Xi Jinping'))).toBe(true);
    expect(new Set(keyPhrases.map((phrase) => phrase.toLowerCase())).size).toBe(keyPhrases.length);
  });

  it('tags the seed with China, not with a bare noun, a nationality or a name China is only part of', () => {
    const { keyPhrases = [] } = summarise(seed);

    expect(keyPhrases).toContain('China');
    for (const wrong of ['Republic of China', 'official', 'Chinese']) expect(keyPhrases).not.toContain(wrong);
  });

  it('returns an empty summary and no headline when the text is empty', () => {
    expect(summarise({ text: '' }, { sentences: 3 })).toEqual({ summary: [] });
  });
});
