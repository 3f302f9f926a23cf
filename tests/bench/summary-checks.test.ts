import { describe, expect, it } from 'vitest';
import {
  danglingSentences,
  isInside,
  matchableBody,
  normaliseForMatching,
} from '../../bench/summary-checks.ts';

const TEXT =
  'The council approved the bridge on Tuesday. It will cost £42 million. ' +
  'Work starts in spring. But critics said the money should go to schools.';

describe('normaliseForMatching', () => {
  it('lowercases and turns every run of non-word characters into one space, as the checker does', () => {
    expect(normaliseForMatching(' “Zürich’s” £42m—bridge_plan! ')).toBe('zürich s 42m bridge_plan');
  });
});

describe('isInside', () => {
  const body = matchableBody(TEXT);

  it.each([
    ['The council approved the bridge on Tuesday.', true],
    ['the council APPROVED the bridge, on Tuesday!', true],
    ['Photo: the council approved the bridge on Tuesday.', true],
    ['Credit: Jane Smith/Reuters. Sign up for our newsletter.', false],
    ['Tuesday', true],
    ['', true],
  ])('finds %j inside the body: %s', (sentence, inside) => {
    expect(isInside(sentence, body)).toBe(inside);
  });
});

describe('danglingSentences', () => {
  it.each([
    [['The council approved the bridge on Tuesday.', 'It will cost £42 million.'], []],
    [['It will cost £42 million.', 'Work starts in spring.'], ['It will cost £42 million.']],
    [['Work starts in spring.', 'But critics said the money should go to schools.'], []],
    [
      ['The council approved the bridge on Tuesday.', 'But critics said the money should go to schools.'],
      ['But critics said the money should go to schools.'],
    ],
  ])('in %j finds %j dangling', (summary, dangling) => {
    expect(danglingSentences(TEXT, summary)).toEqual(dangling);
  });
});
