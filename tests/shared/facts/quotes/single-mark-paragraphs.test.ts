import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { quotePairs } from './quote-pairs.ts';

/** Sentences written for these tests, as one-line tabloid texts and detokenised wire copy write them. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ann Reyes'],
  ['PER', 'Reyes'],
  ['PER', 'Tom Harlow'],
  ['PER', 'Harlow'],
  ['PER', 'Dean Pryce'],
  ['PER', 'Pryce'],
  ['PER', 'Kim Pryce'],
];

const quotesOf = (text: string) => quotePairs(text, SURFACES);

describe('quotations in straight single marks whose line breaks were lost', () => {
  it.each([
    [
      'a paragraph of several sentences, introduced by a colon, run on into the next',
      "Ann Reyes said: 'The weather was awful. We got soaked on the pier. 'We still had a wonderful day out by the sea.'",
      [
        ['The weather was awful. We got soaked on the pier.', 'Ann Reyes'],
        ['We still had a wonderful day out by the sea.', 'Ann Reyes'],
      ],
    ],
    [
      'a mark set apart after a full stop that opens words in the first person',
      "Tom Harlow looked tired after the game. ' I have never felt so slow in my life, ' he said.",
      [['I have never felt so slow in my life', 'Tom Harlow']],
    ],
    [
      'a mark set apart after the sentence that attributes the quote before',
      "' The final will be hard, ' Harlow told the club website. ' The players know what is at stake. '",
      [
        ['The final will be hard', 'Harlow'],
        ['The players know what is at stake.', 'Harlow'],
      ],
    ],
    [
      'a plural possessive inside a quotation',
      "Ann Reyes said: 'We enjoy each others' company and the players' families do too.'",
      [["We enjoy each others' company and the players' families do too.", 'Ann Reyes']],
    ],
  ])('finds %s', (_, text, expected) => {
    expect(quotesOf(text)).toEqual(expected);
  });

  it('does not take the story between two quotations as a quotation', () => {
    const text =
      "' We were the better side, ' Harlow said. The club sold out the ground in a day. ' It was full by noon. ' " +
      "Pryce said: ' We want to win it. '";

    expect(quotesOf(text)).toEqual([
      ['We were the better side', 'Harlow'],
      ['We want to win it.', 'Pryce'],
    ]);
  });

  it('keeps a quoted phrase that ends on a plural before "and" a quotation', () => {
    const text = "Pryce urged fans to be 'proud and patient supporters' and to stay calm.";

    expect(quotesOf(text)).toEqual([['proud and patient supporters', 'Pryce']]);
  });
});

describe('a he/she whose person was named beyond the window', () => {
  it('is the person its earlier quotes of the same he/she went to, not a nearer one of no known gender', () => {
    const filler = 'The hearing went on for most of the day and the room stayed full. '.repeat(12);
    const text =
      `Ann Reyes, 34, won her case at the High Court on Monday. Ms Reyes had waited two years. 'It was a long wait for the truth,' she said. ${filler}` +
      `'I did it for my family and for nobody else,' she said. ${filler}` +
      "Dean Pryce's sister, Kim Pryce (pictured with Pryce last month) is a model And it was then that the club acted. " +
      "'They tried to silence me,' she said.";

    expect(quotesOf(text).map(([, speaker]) => speaker)).toEqual(['Ann Reyes', 'Ann Reyes', 'Ann Reyes']);
  });
});
