import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { quotePairs } from './quote-pairs.ts';

/** Sentences written for these tests, with straight double marks set apart from their words as tokenised copy has them. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Nora Fell'],
  ['PER', 'Fell'],
  ['PER', 'Owen Tate'],
  ['PER', 'Tate'],
  ['PER', 'Ray'],
];

const quotesOf = (text: string) => quotePairs(text, SURFACES);

describe('straight double marks set apart from their words', () => {
  it.each([
    [
      'a mark after a word opens a quotation, and the he of the next sentence is its speaker',
      'Nora Fell met Owen Tate on Monday. Gen. Owen Tate told his crew that their task is to " keep the harbour open." He went on to add that "no ship will be turned away."',
      [
        ['keep the harbour open.', 'Owen Tate'],
        ['no ship will be turned away.', 'Owen Tate'],
      ],
    ],
    [
      'marks set apart on both sides, at a paragraph start and after a colon',
      'Tate spoke first .\n\n" We will stay until the work is done , " Tate said .\n\nNora Fell said : " I agree with him . "',
      [
        ['We will stay until the work is done', 'Tate'],
        ['I agree with him .', 'Nora Fell'],
      ],
    ],
    [
      'quotations listed with commas between their marks',
      'Fell said the plays were " The Long Road " , " A Quiet Harbour " and " Salt and Stone " , all written in one year .',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(quotesOf(text)).toEqual(expected);
  });

  it('a mark after a comma, whose opening mark was lost in an earlier paragraph, opens nothing', () => {
    const text =
      '" I played well tonight .\n\nIt fires me up , makes me play my best tennis , " Ray said .\n\nThe match ended late .';
    expect(quotesOf(text).some(([quoted]) => quoted?.includes('Ray said'))).toBe(false);
  });
});
