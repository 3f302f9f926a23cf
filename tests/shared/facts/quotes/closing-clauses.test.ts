import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { entitiesOf } from '../tagged-mentions.ts';

/** Sentences written for these tests: an attribution that closes the quote's sentence after other words. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Dana Whitcombe'],
  ['PER', 'Whitcombe'],
  ['PER', 'Omar Feld'],
  ['PER', 'Feld'],
  ['ORG', 'Lakeview College'],
];

const OPENING =
  'Dana Whitcombe, an economist at Lakeview College, has studied the region. Omar Feld runs a trucking firm.\n\n';

function speakers(text: string) {
  return findQuotes(text, entitiesOf(text, SURFACES)).map((quote) => [quote.text, quote.speaker ?? null]);
}

describe('findQuotes: a subject and a speech verb that close the quote’s sentence', () => {
  it('reads a name and its verb after a comma', () => {
    const text = `${OPENING}Low hiring suggests “that the job market is weak everywhere” except near the coast, Whitcombe said.`;

    expect(speakers(text)).toEqual([['that the job market is weak everywhere', 'Dana Whitcombe']]);
  });

  it('reads a verb and a name with an appositive after it', () => {
    const text = `${OPENING}There has been “very little new investment” in the valley, said Dana Whitcombe, an economist.`;

    expect(speakers(text)).toEqual([['very little new investment', 'Dana Whitcombe']]);
  });

  it('reads a verb and a name with two appositives after it', () => {
    const text = `${OPENING}The rules apply only in “rare and special cases” such as floods, said Dana Whitcombe, an economist at Lakeview College, a small school.`;

    expect(speakers(text)).toEqual([['rare and special cases', 'Dana Whitcombe']]);
  });

  it('reads a he/she and its verb after a phrase that goes on from the quote', () => {
    const text = `${OPENING}Roads are bad. “We will hire again in the spring” without any help from the state, he said.`;

    expect(speakers(text).at(-1)).toEqual(['We will hire again in the spring', 'Omar Feld']);
  });

  it('carries the speaker to a quote that follows in the next sentence', () => {
    const text = `${OPENING}The region looks “stuck for another decade” unless rates fall, Whitcombe said. “Wages have been flat for years.”`;

    expect(speakers(text).map(([, speaker]) => speaker)).toEqual(['Dana Whitcombe', 'Dana Whitcombe']);
  });

  it('gives no speaker when the closing clause is not subject and verb alone', () => {
    const text = `${OPENING}Trucks carried “urgent relief supplies” across the valley, Feld said in a long interview with the local paper.`;

    expect(speakers(text)).toEqual([['urgent relief supplies', null]]);
  });

  it('leaves a quote that closes its sentence alone', () => {
    const text = `${OPENING}The trucks were sold at “a price nobody could refuse.” Later that year, Feld said, the firm closed.`;

    expect(speakers(text)).toEqual([['a price nobody could refuse.', null]]);
  });
});
