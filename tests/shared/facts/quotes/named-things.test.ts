import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: marks after "a thing called" hold its name, not anyone's words. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ray Hall'],
  ['PER', 'Hall'],
];

function speakers(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
  ]);
}

describe('findQuotes: the name of a thing after a verb of naming', () => {
  it.each([
    'Ray Hall made a film called “Night Shift Blues” in 1990.',
    'Ray Hall invented a holiday called “Harvestide,” which he based on an old almanac.',
    'Ray Hall wrote a dissertation entitled “Continuity and Change in Small Ports” at college.',
    'Ray Hall used the technique called “reverse mapping” in every study.',
    'The coast road that Ray Hall built is known as “the road of a thousand bends.”',
    'A new strain of blight, dubbed “Harbour Rust Blight,” has spread along the coast, Ray Hall said.',
  ])('is no quote: %s', (text) => {
    expect(speakers(text)).toEqual([]);
  });

  it('keeps what a person called something, with its object before the marks', () => {
    const text = 'Ray Hall called the plan “a total disaster for the whole town” on Monday.';

    expect(speakers(text)).toEqual([['a total disaster for the whole town', 'Ray Hall']]);
  });

  it('keeps what a person called it', () => {
    const text = 'Ray Hall called it “a total disaster for the whole town” on Monday.';

    expect(speakers(text)).toEqual([['a total disaster for the whole town', 'Ray Hall']]);
  });
});
