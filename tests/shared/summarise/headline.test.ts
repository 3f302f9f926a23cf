import { describe, expect, it } from 'vitest';
import { headlineFrom } from '#shared/summarise/headline.ts';

describe('headlineFrom', () => {
  it.each([
    [
      'a source tag',
      '(CNN)Rescuers found the missing hikers alive on Sunday.',
      'Rescuers found the missing hikers alive on Sunday.',
    ],
    [
      'a dateline',
      'Beijing \u2013 The two leaders met for three hours on Monday.',
      'The two leaders met for three hours on Monday.',
    ],
    [
      'a dateline with an agency',
      'LONDON (Reuters) - Shares rose sharply in early trading.',
      'Shares rose sharply in early trading.',
    ],
    [
      'a caption label',
      'Wanted: Police have issued a warrant for the driver.',
      'Police have issued a warrant for the driver.',
    ],
    [
      'a trailing attribution',
      'The fire started in the kitchen, fire officials said.',
      'The fire started in the kitchen.',
    ],
  ])('removes %s', (_name, sentence, expected) => {
    expect(headlineFrom(sentence)).toBe(expected);
  });

  it('keeps a speech label, which carries meaning', () => {
    const sentence = 'He said: The plan will cost far more than the council admits.';

    expect(headlineFrom(sentence)).toBe(sentence);
  });

  it('keeps a plain sentence verbatim', () => {
    const sentence = 'The council approved a new bridge over the river on Tuesday.';

    expect(headlineFrom(sentence)).toBe(sentence);
  });
});
