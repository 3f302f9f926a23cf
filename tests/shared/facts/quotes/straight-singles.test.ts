import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { personGenders } from '#shared/facts/quotes/gender.ts';
import { findQuoteMarks } from '#shared/facts/quotes/marks.ts';
import { mentionIndex } from '#shared/facts/quotes/mention-index.ts';
import { maskQuotes } from '#shared/facts/quotes/quote-marks.ts';
import { taggedMentions } from '../tagged-mentions.ts';
import { quotePairs } from './quote-pairs.ts';

/** Sentences written for these tests, quoted in straight single marks as British tabloids and wires write them. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Tom Harlow'],
  ['PER', 'Harlow'],
  ['PER', 'Dean Pryce'],
  ['PER', 'Pryce'],
  ['PER', 'Ann Reyes'],
  ['PER', 'Reyes'],
  ['ORG', 'City'],
];

const quotesOf = (text: string) => quotePairs(text, SURFACES);

const innerWords = (text: string) =>
  findQuoteMarks(text).map(({ inner }) => text.slice(inner.start, inner.end));

describe('quotations in straight single marks', () => {
  it.each([
    [
      'a quote closed after its punctuation, then its speaker',
      "The club lost again. 'We have to be better than that,' Harlow said.",
      [['We have to be better than that', 'Harlow']],
    ],
    [
      'a quote after a colon',
      "Tom Harlow spoke after the game. Harlow said: 'The players know what they did wrong.'",
      [['The players know what they did wrong.', 'Tom Harlow']],
    ],
    [
      'a quoted phrase closed right after a word',
      "Pryce said the move was 'out of the question' for now.",
      [['out of the question', 'Pryce']],
    ],
    [
      'a one-line text where a paragraph of the quote ran on without its closing mark',
      "Ann Reyes said: 'The weather was awful. 'We still had a wonderful day out by the sea.'",
      [
        ['The weather was awful.', 'Ann Reyes'],
        ['We still had a wonderful day out by the sea.', 'Ann Reyes'],
      ],
    ],
    [
      'a quotation in double marks inside one in single marks',
      'Reyes said: \'My mother used to say "never give up" and I never did.\'',
      [
        ['My mother used to say "never give up" and I never did.', 'Reyes'],
        ['never give up', 'Reyes'],
      ],
    ],
    [
      'a detokenised text with marks set apart from the words',
      "Harlow said: ' We have to be better than that. ' The side trains again on Monday.",
      [['We have to be better than that.', 'Harlow']],
    ],
  ])('finds %s', (_, text, expected) => {
    expect(quotesOf(text)).toEqual(expected);
  });

  it.each([
    ['apostrophes', "Pryce's brother didn't like the '90s songs of the Smiths' first album, he said."],
    [
      'a scare quote of one or two words',
      "Pryce called the offer 'cheesy' and the rival club's 'big money' bid fell.",
    ],
    ['a nickname', "Dean 'The Rocket' Pryce signed for City on Monday."],
    ['marks that never close', "Harlow looked on. 'We go again was all he would say as he left the ground."],
  ])('finds no quote in %s', (_, text) => {
    expect(quotesOf(text)).toEqual([]);
  });

  it('leaves straight single marks alone in a text that quotes in double marks', () => {
    const text =
      "Harlow said the club's 'long-term plan for the academy' was working. \"We are happy,\" Pryce said.";

    expect(quotesOf(text)).toEqual([['We are happy', 'Pryce']]);
  });

  it('leaves rock and roll apostrophes inside a double quotation alone', () => {
    const text = "\"Rock 'n' roll saved me in the '80s, my friends,\" Harlow said.";

    expect(innerWords(text)).toEqual(["Rock 'n' roll saved me in the '80s, my friends"]);
  });

  it('does not pair a detached mark after a sentence the wrong way round', () => {
    const text =
      "'We are ready for the final, ' Harlow said. ' It will be hard. ' The club sold out the ground in a day. " +
      "Pryce said: ' We want to win it for the fans. '";

    // The mark after the sentence that attributes the first quote opens the same speaker's next words.
    expect(innerWords(text)).toEqual([
      'We are ready for the final',
      'It will be hard.',
      'We want to win it for the fans.',
    ]);
  });

  it('does not take a photo caption run into an unclosed quote as its words', () => {
    const text =
      "Harlow said: 'We were the better side. Proud: Harlow applauds the fans at the end of the game on Sunday. " +
      "The club play City next week.'";

    expect(innerWords(text)).toEqual([]);
  });
});

describe('personGenders with a name inside a quotation', () => {
  it('does not give a name inside a quote the pronouns of the story after it', () => {
    const text =
      "Ann Reyes met the press. 'I told Tom Harlow that it was over.' But she said she would stay in the town.";
    const entities = buildEntities(text, taggedMentions(text, SURFACES));
    const masked = maskQuotes(text, findQuoteMarks(text));
    const people = mentionIndex(text, entities).filter((mention) => mention.entity.type === 'person');

    const genders = new Map(
      [...personGenders(text, masked, people)].map(([entity, gender]) => [entity.name, gender]),
    );

    expect(genders.get('Tom Harlow')).toBeUndefined();
  });

  it('counts pronouns written with the long s, as the case-insensitive Unicode search reads them', () => {
    const text = 'Ann Reyes left the town, and ſhe said ſhe would not return.';
    const entities = buildEntities(text, taggedMentions(text, SURFACES));
    const people = mentionIndex(text, entities).filter((mention) => mention.entity.type === 'person');

    const genders = new Map(
      [...personGenders(text, text, people)].map(([entity, gender]) => [entity.name, gender]),
    );

    expect(genders.get('Ann Reyes')).toBe('female');
  });
});
