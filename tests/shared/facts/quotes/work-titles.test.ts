import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: a title in marks after a noun of a work and a comma. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ana Pereira'],
  ['PER', 'Pereira'],
];

function quotes(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
  ]);
}

describe('findQuotes: a title after a noun of a work and a comma', () => {
  it('is no quote when it is in Title Case', () => {
    const text =
      'Ana Pereira said the film draws on her first novel, “Salt: A Harbour Story.” It opens in May.';

    expect(quotes(text)).toEqual([]);
  });

  it('is no quote when it is set off by commas before a verb', () => {
    const text = 'Pereira’s weekly column, "Keep the pier open for everyone," was read aloud at the meeting.';

    expect(quotes(text)).toEqual([]);
  });

  it('stays a quote when someone is reported saying it', () => {
    const text = 'In her column, “We must keep the pier open for everyone,” Ana Pereira wrote.';

    expect(quotes(text)).toEqual([['We must keep the pier open for everyone', 'Ana Pereira']]);
  });
});
