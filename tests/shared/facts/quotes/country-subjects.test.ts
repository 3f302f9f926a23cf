import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: a country that is the whole subject, after a focusing word. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['LOC', 'Norway'],
  ['LOC', 'Oslo'],
  ['LOC', 'Denmark'],
];

const attributions = attributionsWith(SURFACES);

describe('a country before an appositive speaks for its government', () => {
  it('after "Even" or "But" too', () => {
    expect(
      attributions('Even Norway, Oslo’s oldest trading partner, said it was “firmly opposed” to the levy.'),
    ).toEqual([['Norway', 'Norway']]);
    expect(attributions('But Denmark, a close ally, said it was “deeply troubled” by the levy.')).toEqual([
      ['Denmark', 'Denmark'],
    ]);
  });

  it('not when the country is an object inside the sentence', () => {
    expect(attributions('Trade with Norway, a close ally, was said to be “in a bad way” this year.')).toEqual(
      [[undefined, undefined]],
    );
  });
});
