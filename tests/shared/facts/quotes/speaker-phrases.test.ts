import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: the words that name a speaker, and whom they stand for. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ann Reyes'],
  ['PER', 'Reyes'],
  ['PER', 'Tom Parkinson'],
  // A name the tagger splits at its particle.
  ['PER', 'Turki'],
  ['PER', 'Khalid'],
];

function attributions(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.speaker,
    quote.speakerMention && text.slice(quote.speakerMention.start, quote.speakerMention.end),
  ]);
}

describe('findQuotes: a role written in lowercase words between two names', () => {
  it('gives the quote to the person after "Reyes campaign manager", not to Reyes', () => {
    const text =
      'Ann Reyes is running again. Reyes campaign manager Tom Parkinson told reporters that the council ' +
      'was spreading “outright lies” about the budget.';

    expect(attributions(text)).toEqual([['Tom Parkinson', 'Tom Parkinson']]);
  });

  it('gives the quote to the person after "Reyes press secretary"', () => {
    const text =
      'Ann Reyes is running again. Reyes press secretary Tom Parkinson said the council was spreading ' +
      '“outright lies” about the budget.';

    expect(attributions(text)).toEqual([['Tom Parkinson', 'Tom Parkinson']]);
  });

  it('does not split a name at a lowercase particle ("bin")', () => {
    const text = 'The kingdom “will not be rushed,” Prince Turki bin Khalid, the envoy, said on Monday.';

    expect(attributions(text)).toEqual([['Turki', 'Turki']]);
  });
});
