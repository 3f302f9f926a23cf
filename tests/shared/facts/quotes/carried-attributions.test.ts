import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: quotes with no attribution of their own, and whose they are. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Dana Holt'],
  ['PER', 'Holt'],
  ['PER', 'Rick Moran'],
  ['PER', 'Moran'],
  ['ORG', 'Harlow Group'],
  ['ORG', 'Senate'],
];

const attributions = attributionsWith(SURFACES);

describe('findQuotes: quotation paragraphs run together where the line breaks were lost', () => {
  it('gives each run-on paragraph, opened by its own mark, to the speaker of the first', () => {
    const text =
      'Dana Holt will chair the board from May. ‘I have wanted this for years,’ said Holt after the vote. ' +
      '‘It is a big job. I know the people here well. ‘We start with the budget. It will not be easy. ' +
      '‘But I am ready for it.’ The board meets on Friday.';

    expect(attributions(text)).toEqual([
      ['Dana Holt', 'Holt'],
      ['Dana Holt', 'Holt'],
      ['Dana Holt', 'Holt'],
      ['Dana Holt', 'Holt'],
    ]);
  });
});

describe('findQuotes: a quote carried from the quote before', () => {
  it('is not carried past a sentence that opens with another person', () => {
    const text = '“We are not done,” Holt said. “The Senate will vote.” Moran disagreed. “It will not pass.”';

    expect(attributions(text)).toEqual([
      ['Holt', 'Holt'],
      ['Holt', 'Holt'],
      ['Moran', 'Moran'],
    ]);
  });

  it('is carried past a sentence whose he or she may be the speaker before', () => {
    const text =
      '“We are not done,” Holt said after meeting Moran. She did not name the donors. “We will win this.”';

    expect(attributions(text).map(([speaker]) => speaker)).toEqual(['Holt', 'Holt']);
  });
});

describe('findQuotes: a quotation paragraph after a paragraph that reports a speaker', () => {
  it('carries an organisation’s statement', () => {
    const text = 'The Harlow Group said in a statement that it would appeal.\n\n“We will win this in court.”';

    expect(attributions(text)).toEqual([['Harlow Group', 'Harlow Group']]);
  });

  it('carries the source of a paragraph that opens "According to"', () => {
    const text = 'According to Dana Holt, the vote would come soon.\n\n“We have the votes for this.”';

    expect(attributions(text)).toEqual([['Dana Holt', 'Dana Holt']]);
  });

  it('carries the subject after an opening participle clause', () => {
    const text = 'Asked about the vote, Dana Holt said it would come soon.\n\n“We have the votes for this.”';

    expect(attributions(text)).toEqual([['Dana Holt', 'Dana Holt']]);
  });

  it('does not carry a news outlet’s report', () => {
    const text =
      'The Daily Harlow Times said on Monday that the vote was near.\n\n“We have the votes for this.”';

    expect(attributions(text)).toEqual([[undefined, undefined]]);
  });
});
