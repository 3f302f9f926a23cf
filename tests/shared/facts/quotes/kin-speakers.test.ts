import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: a relation of a person named in the possessive speaks, not the person. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Laura Stevens'],
  ['PER', 'Stevens'],
];

function speakers(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
  ]);
}

describe('findQuotes: a speaker named as the relation of a person in the possessive', () => {
  it.each([
    ['“We were surprised when she came home with him,” said Stevens’ mother, who met them at the door.'],
    ["“We were surprised when she came home with him,” Stevens' father said."],
    ['Stevens’ elderly mother said: “We were surprised when she came home with him.”'],
  ])('is the relation as written: %s', (sentence) => {
    const text = `Laura Stevens married in June. ${sentence}`;

    expect(speakers(text).at(-1)?.[1]).toMatch(/^Stevens['’] (?:elderly )?(?:mother|father)$/u);
  });
});
