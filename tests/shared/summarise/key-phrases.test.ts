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

describe('extractKeyPhrases keeps only what a person would tag an article with', () => {
  const text = [
    'Chinese officials from China met American officials in New Zealand on Tuesday, an official said.',
    'The official said the Chinese delegation would stay in New Zealand for talks on the trade series.',
    'Officials from the People’s Republic of China and the United States agreed on the trade series.',
    'Researchers said the trade series would be reported in the evening news.',
    'Talks between China and the United States ended in a trade deal, and China welcomed the trade deal.',
    'The news made the trade deal public, and the talks made the trade deal public too.',
  ].join(' ');
  const phrases = extractKeyPhrases(splitSentences(text));

  it('returns no bare common nouns and no nationality words', () => {
    for (const generic of ['official', 'officials', 'talk', 'news', 'Chinese', 'American']) {
      expect(phrases).not.toContain(generic);
    }
  });

  it('folds plurals without breaking words that only look plural', () => {
    expect(phrases).toContain('trade series');
    expect(phrases.some((phrase) => /\b(?:sery|new)$/.test(phrase))).toBe(false);
  });

  it('keeps a place apart from a longer name that contains it, and ranks it by its own mentions', () => {
    expect(phrases).toContain('China');
    const rank = (phrase: string) => (phrases.includes(phrase) ? phrases.indexOf(phrase) : phrases.length);
    expect(rank('China')).toBeLessThan(rank('Republic of China'));
  });

  it('reads "New" as the start of a name', () => {
    expect(phrases).toContain('New Zealand');
    expect(phrases).not.toContain('Zealand');
  });

  it('drops a capitalised word seen only at the start of sentences', () => {
    expect(phrases).not.toContain('Researchers');
  });

  it('drops words that end on an adjective, which are no noun phrase', () => {
    expect(phrases.some((phrase) => phrase.endsWith('public'))).toBe(false);
    expect(phrases).toContain('trade deal');
  });

  it('folds a family name given first into the full name', () => {
    const names = extractKeyPhrases(
      splitSentences('President Xi Jinping met the envoy in Beijing. Xi said the visit was useful. Xi left.'),
    );

    expect(names).toContain('Xi Jinping');
    expect(names).not.toContain('Xi');
  });
});

describe('extractKeyPhrases leaves out verb phrases and words glued to names', () => {
  const text = [
    'Savers who stop work early face a pension gap, the pension fund said.',
    'Many savers who stop work before 60 rely on the pension fund.',
    'Neighbours heard the child scream near the fire exit of the leisure centre.',
    'Staff said the child scream came from the fire exit, where a fire exit was blocked.',
    'The leisure centre reopened, and the leisure centre manager said the pension fund would pay.',
    'Maverick Riverside striker Tom Hale scored twice. Riverside won, and Riverside fans sang.',
    'Police said Hale was fine. The police thanked Riverside supporters.',
    'Certainly Hale played well, and the late manager would have been proud of the late manager’s club.',
  ].join(' ');
  const phrases = extractKeyPhrases(splitSentences(text), 12);

  it('keeps noun phrases and drops those that hold a verb', () => {
    expect(phrases).toEqual(expect.arrayContaining(['pension fund', 'fire exit', 'leisure centre']));
    for (const verbal of ['stop work', 'child scream', 'savers stop work'])
      expect(phrases).not.toContain(verbal);
  });

  it('drops an adjective or adverb glued to the front of a name seen once', () => {
    expect(phrases).toContain('Riverside');
    expect(phrases.some((phrase) => /^(?:Maverick|Certainly) /.test(phrase))).toBe(false);
  });

  it('drops a capitalised common word and an adjective with one noun', () => {
    expect(phrases).not.toContain('Police');
    expect(phrases).not.toContain('late manager');
  });
});
