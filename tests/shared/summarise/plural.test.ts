import { describe, expect, it } from 'vitest';
import { isDemonym } from '#shared/lexicon/nationalities.ts';
import { isAdjective, singular } from '#shared/summarise/plural.ts';

describe('singular', () => {
  it.each([
    ['officials', 'official'],
    ['countries', 'country'],
    ['churches', 'church'],
    ['boxes', 'box'],
    ['glasses', 'glass'],
    ['buses', 'bus'],
    ['campuses', 'campus'],
    ['houses', 'house'],
    ['heroes', 'hero'],
    ['shoes', 'shoe'],
    ['movies', 'movie'],
    ['crises', 'crisis'],
    ['children', 'child'],
    ['women', 'woman'],
    ['days', 'day'],
    ['photos', 'photo'],
    ['analyses', 'analysis'],
    ['wolves', 'wolf'],
    ['knives', 'knife'],
    ['biases', 'bias'],
  ])('folds %s to %s', (plural, expected) => {
    expect(singular(plural)).toBe(expected);
  });

  it.each([
    'news',
    'series',
    'species',
    'politics',
    'physics',
    'bus',
    'crisis',
    'glass',
    'famous',
    'bias',
    'people',
    'analysis',
    'archives',
  ])('leaves %s as it is', (word) => {
    expect(singular(word)).toBe(word);
  });
});

describe('word classes from compromise', () => {
  it('knows nationality words in any case', () => {
    expect(['Chinese', 'Americans', 'British', 'french'].every(isDemonym)).toBe(true);
    expect(['China', 'Philippines', 'official'].some(isDemonym)).toBe(false);
  });

  it('knows adjectives', () => {
    expect(isAdjective('public')).toBe(true);
    expect(isAdjective('bridge')).toBe(false);
  });
});
