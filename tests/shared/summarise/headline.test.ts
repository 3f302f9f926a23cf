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

  it.each([
    [
      'a trailing clause after a dash',
      'Gary Locke will be confirmed as the permanent manager on Friday - eight weeks after taking charge.',
      'Gary Locke will be confirmed as the permanent manager on Friday.',
    ],
    [
      'a trailing source',
      'Divorce can cut retirement income by a fifth, according to a new survey.',
      'Divorce can cut retirement income by a fifth.',
    ],
  ])('removes %s', (_name, sentence, expected) => {
    expect(headlineFrom(sentence)).toBe(expected);
  });

  it.each([
    ['a short part before the dash', 'Two goals - both from the captain - won the final for the home side.'],
    [
      'two dashes around an aside',
      'The winner - a boy of ten from Leeds - took home the cup on Sunday evening.',
    ],
  ])('keeps a dash clause when cutting would leave %s', (_name, sentence) => {
    expect(headlineFrom(sentence)).toBe(sentence);
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
