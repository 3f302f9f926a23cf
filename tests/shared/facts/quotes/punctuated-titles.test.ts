import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { quotePairs } from './quote-pairs.ts';

/** Sentences written for these tests: titles in marks with punctuation of their own, and things named. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Lena Voss'],
  ['PER', 'Voss'],
  ['ORG', 'WKRP'],
];

const quotesOf = (text: string) => quotePairs(text, SURFACES);

describe('findQuotes: titles with punctuation of their own', () => {
  it.each([
    [
      'after an outlet in the possessive',
      '“I like a live audience,” Voss said of her turn on WKRP’s “Wait, Hold On … Not Yet!” The show airs weekly.',
    ],
    ['after a preposition', 'Voss said it last week on “Yes, Really, Truly!” in front of a crowd.'],
    ['after a noun of a work', 'Voss starred in the show “Hello, Goodbye, Hello Again” for three years.'],
  ])('%s: no quote', (_name, text) => {
    expect(quotesOf(text).filter(([quoted]) => quoted !== 'I like a live audience')).toEqual([]);
  });

  it('keeps words in capitals that a person says', () => {
    expect(quotesOf('Voss told the crowd: “Thank You, Everyone, Good Night!”')).toEqual([
      ['Thank You, Everyone, Good Night!', 'Voss'],
    ]);
  });

  it('takes a thing named after "One such … called" for no quote', () => {
    expect(
      quotesOf('Voss listed the tools. One such spying program called “Marble” hid its tracks.'),
    ).toEqual([]);
  });
});

describe('findQuotes: names and labels in marks', () => {
  it('takes a name with "The" before a verb of saying for no quote: as “The Harbor Gazette” wrote', () => {
    const text =
      'HOST: Senator, I have to ask you, because as “The Harbor Gazette” wrote, the vote was close.';
    expect(quotesOf(text)).toEqual([]);
  });

  it('takes a few lowercase words between a determiner and a name for a label: its “national weekend correspondent” Lena Voss', () => {
    expect(quotesOf('WKRP sent its “national weekend correspondent” Lena Voss to the fair.')).toEqual([]);
  });

  it('keeps a quotation after a determiner that no name follows', () => {
    expect(quotesOf('Voss called it a “very bad idea for the town” on Monday.')).toEqual([
      ['very bad idea for the town', 'Voss'],
    ]);
  });
});
