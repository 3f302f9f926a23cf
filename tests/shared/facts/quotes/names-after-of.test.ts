import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: the words that name a speaker, and whom they stand for. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ann Reyes'],
  ['PER', 'Tom Hale'],
  ['PER', 'Saint Brigid'],
  // A tagger's error on a run-on caption: the title's last words and the director's surname as one organisation.
  ['ORG', 'Galway Hale'],
];

const attributions = attributionsWith(SURFACES);

describe('findQuotes: a name after "of" in the subject is not the speaker', () => {
  it('gives the quote to "a former colleague of Ann Reyes", not to Reyes', () => {
    const text =
      'Ann Reyes left the council in May. A former colleague of Ann Reyes recalled a night ' +
      '“when the whole budget was rewritten by hand.”';

    expect(attributions(text)).toEqual([
      ['A former colleague of Ann Reyes', 'A former colleague of Ann Reyes'],
    ]);
  });

  it('reads a run of capitalised words joined by "of" by its last word, a known surname', () => {
    const text =
      'Director Tom Hale spoke about the shoot. Director Tom Hale has a word with the cast on the set of ' +
      'The Legend of Saint Brigid of Galway Hale said: ‘We filmed for ten weeks in the rain.’';

    expect(attributions(text).map(([speaker]) => speaker)).toEqual(['Tom Hale']);
  });
});
