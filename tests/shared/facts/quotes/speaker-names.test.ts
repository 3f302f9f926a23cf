import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: which person a name or a title stands for. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Owen Falk'],
  ['PER', 'Rita Falk'],
  ['PER', 'Falk'],
  ['PER', 'Nora Bexley'],
  ['PER', 'Bexley'],
  ['PER', 'Dana Voss'],
  ['PER', 'Ivo Marsh'],
  ['PER', 'Marsh'],
  ['PER', 'Lee Tran'],
  ['ORG', 'Harbour Board'],
  ['ORG', 'Daily Ledger'],
  // A company the tagger takes for a person.
  ['PER', 'Dorrance'],
  ['ORG', 'Port Authority'],
];

function attributions(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
    quote.speakerMention && text.slice(quote.speakerMention.start, quote.speakerMention.end),
  ]);
}

describe('findQuotes: a surname two people of the article share', () => {
  it('names the speaker by the surname alone, not by whichever full name came last', () => {
    const text =
      'Owen Falk, 37, sailed alone for two months. His mother Rita Falk waited at the dock. ' +
      '“The waves broke everything I had,” Falk said.';

    expect(attributions(text)).toEqual([['The waves broke everything I had', 'Falk', 'Falk']]);
  });

  it('gives a he after the shared surname to the surname, not to one of the two', () => {
    const text =
      'Owen Falk sailed alone for two months. Rita Falk waited at the dock. Falk said the boat capsized. ' +
      '“It took so long,” he said.';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Falk']);
  });

  it('still links a surname to the one person who has it', () => {
    const text = 'Nora Bexley sailed alone. “The waves broke everything I had,” Bexley said.';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Nora Bexley']);
  });

  it('keeps each full name its own', () => {
    const text = '“We never gave up,” Rita Falk said. “I knew she would wait,” Owen Falk said.';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Rita Falk', 'Owen Falk']);
  });
});

describe('findQuotes: "attorney general" is one title', () => {
  it('does not read "the attorney" as the attorney general', () => {
    const text =
      'Attorney General Dana Voss opened an inquiry. “My client did nothing wrong,” the attorney said.';

    expect(attributions(text).map(([, who]) => who)).toEqual(['the attorney']);
  });

  it('does not read "the general" as the attorney general', () => {
    const text = 'Attorney General Dana Voss opened an inquiry. “We hold the ridge,” the general said.';

    expect(attributions(text).map(([, who]) => who)).toEqual(['the general']);
  });

  it('reads "the attorney general" as the one person with that title', () => {
    const text =
      'Attorney General Dana Voss opened an inquiry. “No one is above the law,” the attorney general said.';

    expect(attributions(text)).toEqual([['No one is above the law', 'Dana Voss', 'the attorney general']]);
  });

  it('still reads "the attorney" as the one attorney named', () => {
    const text =
      'Defence attorney Ivo Marsh filed the motion. “My client did nothing wrong,” the attorney said.';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Ivo Marsh']);
  });
});

describe('findQuotes: a he or she after a quote', () => {
  it('is the speaker of the quote before when no one has been named since', () => {
    const text =
      'Mr. Ivo Marsh chaired the meeting, and he closed it early. “Why hold the vote at all?” asked Lee Tran, ' +
      'a harbour pilot. Now, he says, “it looks like a done deal.”';

    expect(attributions(text).map(([, who, mention]) => [who, mention])).toEqual([
      ['Lee Tran', 'Lee Tran'],
      ['Lee Tran', 'he'],
    ]);
  });

  it('is not the speaker before when someone else has been named since', () => {
    const text =
      'Mr. Ivo Marsh chaired the meeting, and he closed it early. “Why hold the vote at all?” asked Lee Tran. ' +
      'Dana Voss disagreed. Now, he says, “it looks like a done deal.”';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Lee Tran', 'Ivo Marsh']);
  });
});

describe('findQuotes: a description that names an organisation', () => {
  it('keeps "a former Harbour Board employee" as written: an employee speaks for themselves', () => {
    const text = 'A former Harbour Board employee testified that the pilots were “told to look away.”';

    expect(attributions(text)).toEqual([
      ['told to look away.', 'A former Harbour Board employee', 'A former Harbour Board employee'],
    ]);
  });

  it('still gives the words of "a Harbour Board spokesman" to the board', () => {
    const text = 'A Harbour Board spokesman said the pilots were “never told to look away.”';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Harbour Board']);
  });

  it('does not resolve a plural ("the authorities") to the one organisation named before', () => {
    const text =
      'The Port Authority shut the quay. The authorities hoped the closure would pass as “routine maintenance.”';

    expect(attributions(text).map(([, who]) => who)).toEqual(['The authorities']);
  });

  it('still resolves the singular ("the authority") to it', () => {
    const text =
      'The Port Authority shut the quay. The authority hoped the closure would pass as “routine maintenance.”';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Port Authority']);
  });
});

describe('findQuotes: a capitalised title between two names', () => {
  it('gives the quote to the person after "Dorrance Chairman", not to the company the tagger took for a person', () => {
    const text = 'In announcing the delay, Dorrance Chairman Ivo Marsh said, “Growth has not met our hopes.”';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Ivo Marsh']);
  });
});

describe('findQuotes: "with X stating"', () => {
  it('gives the quote to the name between "with" and the -ing verb, not to the subject of the sentence', () => {
    const text =
      'The Daily Ledger quoted critics such as the pilot Lee Tran, with Tran stating: “Nobody asked the pilots.”';

    expect(attributions(text)).toEqual([['Nobody asked the pilots.', 'Lee Tran', 'Tran']]);
  });

  it('still gives "…, saying" to the subject of the sentence', () => {
    const text = 'The Daily Ledger criticised the plan, saying: “Nobody asked the pilots.”';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Daily Ledger']);
  });
});
