import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: whom a "they" in an attribution stands for. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ana Pereira'],
  ['PER', 'Pereira'],
  ['PER', 'Tom Hale'],
  ['ORG', 'Harbour Board'],
  ['LOC', 'Lisbon'],
];

function speakers(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
  ]);
}

describe('findQuotes: a "they" in an attribution', () => {
  it('is the group its own sentence opened with', () => {
    const text =
      'Ana Pereira toured the docks on Monday. Pereira’s campaign is seeking to set her plan against what they ' +
      'call Tom Hale’s “tired old promises.”';

    expect(speakers(text)).toEqual([['tired old promises.', 'Pereira’s campaign']]);
  });

  it('is an organisation named as that group', () => {
    const text = 'The Harbour Board met in Lisbon on Monday. “We will reopen the north pier,” they said.';

    expect(speakers(text)).toEqual([['We will reopen the north pier', 'Harbour Board']]);
  });

  it('is people described by a plural that opened the sentence before', () => {
    const text =
      'Port officials walked the pier in Lisbon on Monday. “The cracks are getting wider,” they said.';

    expect(speakers(text)).toEqual([['The cracks are getting wider', 'Port officials']]);
  });

  it('is no one when another group comes between', () => {
    const text = 'The company laid off the dock workers. “We were never paid for the overtime,” they said.';

    expect(speakers(text)).toEqual([['We were never paid for the overtime', undefined]]);
  });

  it('is no one when the sentence before opens with a person or a clause past its subject', () => {
    const person = 'Ana Pereira toured the docks on Monday. “We will reopen the north pier,” they said.';
    const clause = 'Democrats met the Republicans on Monday. “We will not give up on this deal,” they said.';

    expect(speakers(person)).toEqual([['We will reopen the north pier', undefined]]);
    expect(speakers(clause)).toEqual([['We will not give up on this deal', undefined]]);
  });

  it('is not read on through a sentence that opens with "they"', () => {
    const text =
      'Port officials walked the pier. They sent a letter to the mayor. “The cracks are getting wider,” they said.';

    expect(speakers(text)).toEqual([['The cracks are getting wider', undefined]]);
  });
});
