import { describe, expect, it } from 'vitest';
import { nounPhrasesOf } from '#shared/summarise/noun-phrases.ts';
import { contentRuns } from '#shared/summarise/phrase-runs.ts';
import { phraseTokens } from '#shared/summarise/tokens.ts';

/** The noun phrases of every run of common words in one sentence. */
function nounPhrasesIn(sentence: string): string[] {
  const tokens = phraseTokens(sentence);
  return contentRuns(tokens, new Set())
    .filter((run) => !run.isName)
    .flatMap((run) => nounPhrasesOf(run, tokens).map((phrase) => phrase.words.join(' ')));
}

describe('nounPhrasesOf', () => {
  it('trims verb forms from either end of a run', () => {
    expect(nounPhrasesIn('We watched the river bridge opened.')).toEqual(['river bridge']);
    expect(nounPhrasesIn('Workers were playing loud music all night.')).toEqual(['loud music']);
  });

  it('drops a run whose last word reads as a verb after a perception verb', () => {
    expect(nounPhrasesIn('Neighbours heard the child scream near the fire exit.')).toEqual(['fire exit']);
  });

  it('keeps a noun ending in -ing after a determiner', () => {
    expect(nounPhrasesIn('Workers met at the building site.')).toEqual(['building site']);
  });

  it('keeps the indexes of the words it keeps', () => {
    const tokens = phraseTokens('Workers were playing loud music.');
    const [run] = contentRuns(tokens, new Set()).filter((candidate) => !candidate.isName);

    expect(run && nounPhrasesOf(run, tokens)).toEqual([
      { words: ['loud', 'music'], at: [3, 4], isName: false, atStart: false },
    ]);
  });
});
