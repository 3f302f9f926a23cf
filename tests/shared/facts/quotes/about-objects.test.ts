import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { quotePairs } from './quote-pairs.ts';

/** Sentences written for these tests: words in marks that are the object of "about" after a verb of speech. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ivo Marsh'],
  ['PER', 'Marsh'],
  ['PER', 'Greta'],
  ['PER', 'Dora Lind'],
  ['PER', 'Lind'],
];

const quotesOf = (text: string) => quotePairs(text, SURFACES);

describe('findQuotes: the object of "about" after a verb of speech', () => {
  it("is the subject's, and so are the quotations listed after it, whatever attributes the sentence after them", () => {
    const text =
      'Greta watched at home. As Ivo Marsh went on about “how the roads are broken,” and “our lost jobs” and ' +
      '“the families left behind,” Greta said yes, again and again.';

    expect(quotesOf(text)).toEqual([
      ['how the roads are broken', 'Ivo Marsh'],
      ['our lost jobs', 'Ivo Marsh'],
      ['the families left behind', 'Ivo Marsh'],
    ]);
  });

  it('reads "complained about" the same way', () => {
    expect(quotesOf('Lind complained about “endless red tape at city hall” on Monday, Marsh said.')).toEqual([
      ['endless red tape at city hall', 'Lind'],
    ]);
  });

  it('leaves "about" after a verb that reports no speech to the attribution after the quote', () => {
    expect(quotesOf('They argued over the plan. “We care about the roads,” Marsh said.')).toEqual([
      ['We care about the roads', 'Marsh'],
    ]);
  });
});
