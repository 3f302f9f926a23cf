import { describe, expect, it } from 'vitest';
import { contentRuns, lowercaseVocabulary } from '#shared/summarise/phrase-runs.ts';
import { phraseTokens } from '#shared/summarise/tokens.ts';

/** The runs of one sentence read on its own, as words with their kind. */
function runsOf(sentence: string): { words: string; isName: boolean; atStart: boolean }[] {
  const tokens = phraseTokens(sentence);
  return contentRuns(tokens, lowercaseVocabulary([tokens])).map((run) => ({
    words: run.words.join(' '),
    isName: run.isName,
    atStart: run.atStart,
  }));
}

describe('contentRuns', () => {
  it('reads capitalised words with a joiner inside as one name, and "New" as the start of a name', () => {
    const runs = runsOf('The Bank of England lent money to New Zealand farmers.');

    expect(runs.filter((run) => run.isName).map((run) => run.words)).toEqual([
      'Bank of England',
      'New Zealand',
    ]);
  });

  it('ends a name at its possessive, without the apostrophe', () => {
    const runs = runsOf('Despite the rain, Lindqvist’s river bridge opened.');

    expect(runs).toEqual([
      { words: 'Lindqvist', isName: true, atStart: false },
      { words: 'river bridge opened', isName: false, atStart: false },
    ]);
  });

  it('reads a capitalised first word the text also writes in lower case as an ordinary word', () => {
    const runs = runsOf('Commuters crowded the river bridge, and commuters cheered.');

    expect(runs[0]).toEqual({ words: 'Commuters crowded', isName: false, atStart: true });
  });

  it('keeps no single common word and no stopword', () => {
    const runs = runsOf('In the rain, the old river bridge closed.');

    expect(runs.map((run) => run.words)).toEqual(['river bridge closed']);
  });

  it('gives each word its index among the tokens', () => {
    const tokens = phraseTokens('Mayor Anna Lindqvist spoke.');

    expect(contentRuns(tokens, new Set())[0]?.at).toEqual([0, 1, 2]);
  });
});

describe('lowercaseVocabulary', () => {
  it('collects the words written in lower case in any sentence', () => {
    const words = lowercaseVocabulary([phraseTokens('Police arrived.'), phraseTokens('The police left.')]);

    expect(words.has('police')).toBe(true);
    expect(words.has('arrived')).toBe(true);
    expect(words.has('Police')).toBe(false);
  });
});
