import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: a pronoun with a contracted "is" or "are" before an -ing reporting verb. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ana Pereira'],
  ['PER', 'Pereira'],
];

function speakers(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
    quote.verb,
  ]);
}

describe('findQuotes: "she’s claiming", a contracted progressive before a quote', () => {
  it('reads the pronoun as the subject, not as a possessive', () => {
    const text =
      'Ana Pereira toured the docks on Monday. She’s claiming that the port is “a danger to every family here.”';

    expect(speakers(text)).toEqual([['a danger to every family here.', 'Ana Pereira', 'claiming']]);
  });

  it('reads past an adverb between the pronoun and the verb', () => {
    const text = "Ana Pereira toured the docks. She's also saying the pier is “not safe for anyone.”";

    expect(speakers(text)).toEqual([['not safe for anyone.', 'Ana Pereira', 'saying']]);
  });

  it('leaves a name in the possessive and a passive alone', () => {
    const possessive =
      'Ana Pereira toured the docks. Pereira’s saying that the pier is “not safe for anyone.”';
    const passive = 'Ana Pereira toured the docks. She’s called “the queen of the harbour” by the crews.';

    expect(speakers(possessive)).toEqual([['not safe for anyone.', undefined, undefined]]);
    expect(speakers(passive)).toEqual([['the queen of the harbour', undefined, undefined]]);
  });
});
