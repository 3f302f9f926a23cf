import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { quotePairs } from './quote-pairs.ts';

/** Sentences written for these tests: speakers described by nouns no list holds, long subjects, "quoted X as saying". */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Mara Quist'],
  ['PER', 'Quist'],
  ['PER', 'Olek Brand'],
  ['PER', 'Brand'],
  ['LOC', 'Ohio'],
  ['ORG', 'Tidewater Savings'],
  ['ORG', 'Radio Kestrel'],
];

const quotesOf = (text: string) => quotePairs(text, SURFACES);

describe('findQuotes: descriptions no list knows', () => {
  it.each([
    [
      'a description that opens the sentence before "said that"',
      'Tidewater Savings lost money. The thrift said that "after these charges we expect record earnings."',
      [['after these charges we expect record earnings.', 'The thrift']],
    ],
    [
      'a capitalised modifier and "one" in a description right after the quote',
      '"Prices sagged all day," an Ohio dealer said.\n\n"We saw some selling," one floor dealer said.',
      [
        ['Prices sagged all day', 'an Ohio dealer'],
        ['We saw some selling', 'one floor dealer'],
      ],
    ],
    [
      'a subject of more than nine words after the quote, not the speaker before',
      '"Rates will rise," Mara Quist said.\n\n"We must pay for new pipes," the chairman of the board of directors of the regional water trust said.',
      [
        ['Rates will rise', 'Mara Quist'],
        ['We must pay for new pipes', 'the chairman of the board of directors of the regional water trust'],
      ],
    ],
    [
      'a subject of more than nine words before the quote, not the name inside it',
      'The retired deputy chairman of the board of directors of the Tidewater Savings group said that "the reserves are enough."',
      [
        [
          'the reserves are enough.',
          'The retired deputy chairman of the board of directors of the Tidewater Savings group',
        ],
      ],
    ],
    [
      'the one quoted "as saying", not the one who quotes',
      '"The talks went well," Radio Kestrel quoted Olek Brand as saying.\n\nRadio Kestrel quoted Brand as saying: "We will meet again."',
      [
        ['The talks went well', 'Olek Brand'],
        ['We will meet again.', 'Olek Brand'],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(quotesOf(text)).toEqual(expected);
  });

  it('attributes a quote whose subject names no one known to no one, not to the speaker before', () => {
    const text = '"I was tired," Mara Quist said.\n\n"I played my best," said the 104th-ranked Tarango.';

    expect(quotesOf(text)).toEqual([
      ['I was tired', 'Mara Quist'],
      ['I played my best', undefined],
    ]);
  });

  it('reads no speaker from "The tech the district wants is branded"', () => {
    expect(quotesOf('The tech the district wants is benignly branded "smart video tools."')).toEqual([
      ['smart video tools.', undefined],
    ]);
  });
});
