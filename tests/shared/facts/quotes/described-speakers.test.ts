import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: the words that name a speaker, and whom they stand for. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['ORG', 'Harbor Wire'],
  ['ORG', 'Tidewater Ledger'],
  ['ORG', 'The Daily Courier'],
  ['LOC', 'PORTVALE'],
  ['LOC', 'Marsh County'],
];

const attributions = attributionsWith(SURFACES);

describe('findQuotes: "the paper" and the outlets an article names', () => {
  it('does not resolve "the paper" to the wire of the dateline', () => {
    const text =
      'PORTVALE, May 3 (Harbor Wire) -- A local daily attacked the council on Friday.\n\n' +
      'The paper said the budget was “a betrayal of the county.”';

    expect(attributions(text)).toEqual([['The paper', 'The paper']]);
  });

  it('resolves "the paper" to the organisation quoted just before, when no outlet is named', () => {
    const text =
      'PORTVALE, May 3 (Harbor Wire) -- A local daily attacked the council on Friday.\n\n' +
      '“The budget is a betrayal of the county,” the Tidewater Ledger said in a commentary.\n\n' +
      'The paper said the council would pay “a heavy price” at the polls.';

    expect(attributions(text)).toEqual([
      ['Tidewater Ledger', 'Tidewater Ledger'],
      ['Tidewater Ledger', 'The paper'],
    ]);
  });

  it('still resolves "the newspaper" to the last news outlet named', () => {
    const text =
      'The Daily Courier ran the story first. “We stand by every word,” the newspaper said on Monday.';

    expect(attributions(text)).toEqual([['The Daily Courier', 'the newspaper']]);
  });
});

describe('findQuotes: a description right by a quote, whatever its noun', () => {
  it('gives the quote to "the voice" before "asked"', () => {
    const text = 'The phone rang twice. “Are you safe at home?” the voice asked.';

    expect(attributions(text)).toEqual([['the voice', 'the voice']]);
  });

  it('gives the quote to "the architect" after "said"', () => {
    const text = '“Stone ages well and the light stays soft,” said the architect.';

    expect(attributions(text)).toEqual([['the architect', 'the architect']]);
  });

  it('keeps a description of several words: "a particularly angry reader"', () => {
    const text = '“Your paper has lost its way,” a particularly angry reader wrote in March.';

    expect(attributions(text)).toEqual([['a particularly angry reader', 'a particularly angry reader']]);
  });

  it('gives no speaker to "the rest" nor to a description with a name in it', () => {
    const text = '“We will stay,” the rest said. “We will go,” the Marsh County crowd said.';

    expect(attributions(text).map(([speaker]) => speaker)).not.toContain('the rest');
  });
});

describe('findQuotes: "another" answers in its own voice', () => {
  it('does not give the reply of "another" to the speaker before', () => {
    const text =
      '“Could the old stories be true?” a guard says.\n\n“Stories do not burn houses,” another replies.';

    expect(attributions(text)).toEqual([
      ['a guard', 'a guard'],
      [undefined, undefined],
    ]);
  });

  it('takes no speaker from "says a lot about"', () => {
    const text = 'The motto, “to serve every reader with care and speed” says a lot about the company.';

    expect(attributions(text)).toEqual([[undefined, undefined]]);
  });
});

describe('findQuotes: "shared" reports speech', () => {
  it('gives the quote to the subject of "shared with"', () => {
    const text =
      'Asked about the diet, Ivy Brandt laughed. “Sleep matters more than any pill,” she shared with the magazine.';
    const surfaces: ReadonlyArray<readonly [NerType, string]> = [['PER', 'Ivy Brandt']];

    const quotes = findQuotes(text, buildEntities(text, taggedMentions(text, surfaces)));

    expect(quotes.map((quote) => [quote.speaker, quote.verb])).toEqual([['Ivy Brandt', 'shared']]);
  });
});

describe('findQuotes: an -ing clause between a subject and its verb', () => {
  it('gives the quote to "Protesters" in "Protesters marching through the streets chanted"', () => {
    const text =
      'The curfew began at midnight. Protesters marching through the streets chanted “What curfew?” until dawn.';

    expect(attributions(text)).toEqual([['Protesters', 'Protesters']]);
  });

  it('keeps a noun in -ing in the description: "the building manager"', () => {
    const text = '“Nobody was hurt,” the building manager said on Monday.';

    expect(attributions(text)).toEqual([['the building manager', 'the building manager']]);
  });
});
