import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { followsRunInCaption } from '#shared/facts/quotes/captions.ts';
import { quotePairs } from './quote-pairs.ts';

/**
 * Sentences written for these tests: one-line tabloid texts whose photo captions, with no full stop, fall between a
 * speaker's quotations.
 */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Tom Harlow'],
  ['PER', 'Harlow'],
  ['PER', 'Dean Pryce'],
  ['PER', 'Pryce'],
  ['PER', 'Ann Reyes'],
  ['PER', 'Reyes'],
  ['ORG', 'Rovers'],
];

const quotesOf = (text: string) => quotePairs(text, SURFACES);

describe('quotations with a photo caption run in between them', () => {
  it('gives the quotation after a caption the speaker of the quotation before it', () => {
    const text =
      "'We were poor in the first half and I told them so at the break,' said Harlow after the game. Rovers striker " +
      "Dean Pryce (right) scored twice against the leaders on Saturday 'The second half showed what this team can do.'";

    expect(quotesOf(text)).toEqual([
      ['We were poor in the first half and I told them so at the break', 'Harlow'],
      ['The second half showed what this team can do.', 'Harlow'],
    ]);
  });

  it('ends a quotation at its last full stop when a caption runs into it before the next opening mark', () => {
    const text =
      "Reyes said: 'The library will stay open. We have found the money for another year. The mayor Ann Reyes " +
      "visited the reading room on Monday afternoon 'The children who come here deserve nothing less.'";

    expect(quotesOf(text)).toEqual([
      ['The library will stay open. We have found the money for another year.', 'Ann Reyes'],
      ['The children who come here deserve nothing less.', 'Ann Reyes'],
    ]);
  });

  it('does not carry the speaker past a whole sentence of the story between the quotation and the caption', () => {
    const text =
      "'We were poor,' said Harlow. Pryce disagreed with his manager. Rovers striker Dean Pryce (right) scored " +
      "twice on Saturday 'I thought we played well for most of the game.'";

    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(2);
    expect(quotes[1]?.[1]).not.toBe('Harlow');
  });
});

describe('followsRunInCaption', () => {
  const at = (text: string) => {
    const open = text.indexOf("'");
    return followsRunInCaption(text, 0, open, text.slice(open + 1, -1));
  };

  it('takes words ending on a noun before a capitalised sentence as a caption', () => {
    expect(at("Rovers fans celebrate the second goal at the stadium 'It was a great night for us.'")).toBe(
      true,
    );
  });

  it('leaves a quotation introduced by a verb, a preposition, a name word or a verb form in its sentence', () => {
    expect(at("He answered the reporters with a shrug and said 'It was a great night for us.'")).toBe(false);
    expect(at("The fans sang a song in praise of 'Our Captain, who leads us on.'")).toBe(false);
    expect(at("The fans wrote a new chant about the striker called 'Deano, the king of goals.'")).toBe(false);
    expect(at("The club posted a photo of the team entitled 'Champions at last!'")).toBe(false);
  });

  it('leaves a quotation that opens in lower case or holds no sentence', () => {
    expect(at("The manager said the players had been 'poor in the first half.'")).toBe(false);
    expect(at("Rovers fans celebrate the second goal at the stadium 'A great night for us'")).toBe(false);
  });
});
