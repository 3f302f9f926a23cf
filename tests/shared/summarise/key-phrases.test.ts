import { describe, expect, it } from 'vitest';
import { splitSentences } from '#shared/sentences/split-sentences.ts';
import { extractKeyPhrases } from '#shared/summarise/key-phrases.ts';

const ARTICLE = [
  'Mayor Anna Lindqvist opened the new river bridge in Eastport on Tuesday.',
  'Lindqvist said the river bridge would cut journeys for thousands of commuters.',
  'The Bank of England lent money for the bridges, and Eastport paid the rest.',
  'Commuters crowded the river bridge within hours of the opening.',
  'Despite the rain, Lindqvist walked across with local schoolchildren.',
  'Despite delays, the river bridges project finished under budget, Lindqvist said.',
].join(' ');

describe('extractKeyPhrases', () => {
  const phrases = extractKeyPhrases(splitSentences(ARTICLE));

  it('ranks the most repeated names and noun phrases first', () => {
    expect(phrases.slice(0, 2)).toEqual(expect.arrayContaining(['Anna Lindqvist', 'river bridge']));
  });

  it('folds a surname into the full name instead of listing both', () => {
    expect(phrases).toContain('Anna Lindqvist');
    expect(phrases).not.toContain('Lindqvist');
  });

  it('lemmatises plurals so a phrase appears once', () => {
    expect(phrases.filter((phrase) => phrase.startsWith('river bridge'))).toEqual(['river bridge']);
  });

  it('keeps joiners inside names', () => {
    expect(phrases).toContain('Bank of England');
  });

  it('does not treat a capitalised sentence opener as a name when the text also writes it in lower case', () => {
    expect(phrases.some((phrase) => phrase.startsWith('Commuters'))).toBe(false);
  });

  it('drops leading titles from names', () => {
    expect(phrases.some((phrase) => phrase.startsWith('Mayor'))).toBe(false);
  });

  it('returns no stopwords, days, sentence adverbs or reporting verbs as phrases', () => {
    for (const phrase of phrases) expect(['Tuesday', 'said', 'the', 'Despite']).not.toContain(phrase);
  });

  it('returns at most the requested number of phrases', () => {
    expect(extractKeyPhrases(splitSentences(ARTICLE), 3)).toHaveLength(3);
  });

  it('returns nothing when the text is empty', () => {
    expect(extractKeyPhrases([])).toEqual([]);
  });
});

describe('extractKeyPhrases on titled names', () => {
  it('drops a title with its complement so the person is named once', () => {
    const text =
      'Secretary of State Antony Blinken landed in Paris on Monday. Blinken met the French foreign minister.';

    const phrases = extractKeyPhrases(splitSentences(text));

    expect(phrases).toContain('Antony Blinken');
    expect(phrases).not.toContain('Blinken');
  });
});
