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
      'a source tag and a double dash',
      '(CNN) -- The Pennsylvania official summed up a winter storm.',
      'The Pennsylvania official summed up a winter storm.',
    ],
    [
      'a dateline with a date and an agency',
      "SEOUL, Aug. 20 (Yonhap) -- North Korea's newspaper blasted the South on Tuesday.",
      "North Korea's newspaper blasted the South on Tuesday.",
    ],
    [
      'a dateline of two places',
      'SURABAYA, Indonesia/JAKARTA (Reuters) - Rescuers pulled wreckage from the sea.',
      'Rescuers pulled wreckage from the sea.',
    ],
    [
      'a dateline with a state',
      'HUNTSVILLE, Alabama - Hockey players will bring 5,900 people.',
      'Hockey players will bring 5,900 people.',
    ],
    [
      'an unspaced em-dash dateline',
      'CHICAGO\u2014Admitting it took some time, the parents said Wednesday.',
      'Admitting it took some time, the parents said Wednesday.',
    ],
    [
      'a place and an agency without a dash',
      'Rome (CNN) Italy is coping with a wave of migrants.',
      'Italy is coping with a wave of migrants.',
    ],
    ['a date stamp', 'December 28, 2014: Markets opened lower on Monday.', 'Markets opened lower on Monday.'],
    [
      'a time stamp',
      '16.06 The airliner climbed steeply before it crashed.',
      'The airliner climbed steeply before it crashed.',
    ],
    [
      'a wire dateline in corner brackets',
      '\u30106\u670818\u65e5 AFP\u3011\u81ea\u7206\u653b\u6483\u304c\u8d77\u304d\u305f\u3002',
      '\u81ea\u7206\u653b\u6483\u304c\u8d77\u304d\u305f\u3002',
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
    [
      'a range of numbers, not a clause',
      'The museum society leads walking tours through the old mill today from 1 - 3:30 p.m.',
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
