import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: the words that name a speaker, and whom they stand for. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['ORG', 'Harbor Wire'],
  ['ORG', 'Tidewater Ledger'],
  ['ORG', 'The Daily Courier'],
  ['LOC', 'PORTVALE'],
  ['LOC', 'Marsh County'],
];

function attributions(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.speaker,
    quote.speakerMention && text.slice(quote.speakerMention.start, quote.speakerMention.end),
  ]);
}

describe('findQuotes: "the paper" and the outlets an article names', () => {
  it('does not resolve "the paper" to the wire of the dateline', () => {
    const text =
      'PORTVALE, May 3 (Harbor Wire) -- A local daily attacked the council on Friday.\n\n' +
      'The paper said the budget was “a betrayal of the county.”';

    expect(attributions(text)).toEqual([['The paper', 'The paper']]);
  });

  it('resolves "the paper" to the organisation quoted just before, when no outlet is named', () => {
    const text =
      'PORTVALE, May 3 (Harbor Wire) -- A local daily attacked the council on Friday.\n\n' +
      '“The budget is a betrayal of the county,” the Tidewater Ledger said in a commentary.\n\n' +
      'The paper said the council would pay “a heavy price” at the polls.';

    expect(attributions(text)).toEqual([
      ['Tidewater Ledger', 'Tidewater Ledger'],
      ['Tidewater Ledger', 'The paper'],
    ]);
  });

  it('still resolves "the newspaper" to the last news outlet named', () => {
    const text =
      'The Daily Courier ran the story first. “We stand by every word,” the newspaper said on Monday.';

    expect(attributions(text)).toEqual([['The Daily Courier', 'the newspaper']]);
  });
});
