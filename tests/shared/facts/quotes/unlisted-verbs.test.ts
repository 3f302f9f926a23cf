import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: an attribution whose verb no list knows. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Mr. Ivo Marsh'],
  ['PER', 'Marsh'],
  ['PER', 'Ms. Nora Bexley'],
  ['PER', 'Bexley'],
];

const OPENING =
  'Mr. Ivo Marsh questioned Ms. Nora Bexley for an hour. “Is that your answer?” Marsh asked.\n\n' +
  '“It is,” Bexley said. “The harbour was never sold.”\n\n';

function speakers(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
  ]);
}

describe('findQuotes: a he/she or a name and a past form in -ed after the quote', () => {
  it('attributes the quote rather than carrying the speaker before on', () => {
    const text = `${OPENING}“Then why did you sign the deed in May,” he rejoined.`;

    expect(speakers(text).at(-1)).toEqual(['Then why did you sign the deed in May', 'Ivo Marsh']);
  });

  it('reads a name before the verb', () => {
    const text = `${OPENING}“Then why did you sign the deed in May,” Marsh rejoined.`;

    expect(speakers(text).at(-1)).toEqual(['Then why did you sign the deed in May', 'Ivo Marsh']);
  });

  it('does not read a sentence that goes on past the verb', () => {
    const text = `${OPENING}“Then why did you sign the deed in May,” he walked over to the window of the office.`;

    expect(speakers(text).at(-1)).toEqual(['Then why did you sign the deed in May', 'Nora Bexley']);
  });
});
