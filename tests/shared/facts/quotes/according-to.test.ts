import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: the words that name a speaker, and whom they stand for. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Nell Farrow'],
  ['PER', 'Ivo Marsh'],
  ['ORG', 'CFH'],
  ['LOC', 'Dunmore'],
];

function attributions(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
  ]);
}

describe('findQuotes: "according to" at the end of the quote’s sentence', () => {
  it('gives a short quote to the source named after other words', () => {
    const text =
      'The mayor was greeted with chants of “Ivo!” at a rally in Dunmore last week, according to union ' +
      'president Nell Farrow.';

    expect(attributions(text)).toEqual([['Ivo!', 'Nell Farrow']]);
  });

  it('reads a name across a small lowercase word: "Coalition for Fair Housing (CFH)"', () => {
    const text =
      'More than 5,000 tenants joined a “rent strike” in 40 towns, according to the organiser Coalition for ' +
      'Fair Housing (CFH).';

    expect(attributions(text)).toEqual([['rent strike', 'CFH']]);
  });

  it('does not reach a source after the quote’s sentence has ended', () => {
    const text =
      '“The boat moved so slowly,” Ivo Marsh said. “It took so long.” The boat sank twice, according to Nell Farrow.';

    expect(attributions(text)).toEqual([
      ['The boat moved so slowly', 'Ivo Marsh'],
      ['It took so long.', 'Ivo Marsh'],
    ]);
  });

  it('keeps a reporting verb before the quote first', () => {
    const text = 'Ivo Marsh called the plan “a disgrace” on Monday, according to Nell Farrow.';

    expect(attributions(text)).toEqual([['a disgrace', 'Ivo Marsh']]);
  });
});
