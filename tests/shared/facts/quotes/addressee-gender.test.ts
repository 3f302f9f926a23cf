import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: the person spoken to gets no gender from the speaker's pronouns. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ana Pereira'],
  ['PER', 'Pereira'],
  ['PER', 'Lee Tran'],
  ['PER', 'Tran'],
];

function speakers(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
  ]);
}

describe('findQuotes: the person a speaker told or asked', () => {
  it('is not the she of the sentences after', () => {
    const text =
      'Ana Pereira left the port board in 2009. Later that year Ms. Pereira told Lee Tran that she had gained weight. ' +
      'She explained, “Nobody was standing over me every week any more.”';

    expect(speakers(text)).toEqual([['Nobody was standing over me every week any more.', 'Ana Pereira']]);
  });
});
