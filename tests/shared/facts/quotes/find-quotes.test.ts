import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Antony Blinken'],
  ['PER', 'Blinken'],
  ['PER', 'Joe Biden'],
  ['PER', 'Biden'],
  ['PER', 'Xi'],
  ['PER', 'Bill Gates'],
  ['PER', 'Wang'],
  ['ORG', 'State Department'],
  ['ORG', 'Microsoft'],
  ['LOC', 'Beijing'],
  ['LOC', 'China'],
  ['LOC', 'United States'],
];

function quotesOf(text: string) {
  const entities = buildEntities(text, taggedMentions(text, SURFACES));
  return findQuotes(text, entities);
}

describe('findQuotes', () => {
  it.each([
    ['“We will talk again,” Biden said.', 'We will talk again', 'Biden', 'said', 'Biden'],
    ['"We will talk again," Biden said.', 'We will talk again', 'Biden', 'said', 'Biden'],
    [
      '“We will talk again,” said the State Department.',
      'We will talk again',
      'State Department',
      'said',
      'State Department',
    ],
    ['“We will talk again,” Biden also told reporters.', 'We will talk again', 'Biden', 'told', 'Biden'],
    [
      '“It went well,” according to a US official.',
      'It went well',
      'a US official',
      'according to',
      'a US official',
    ],
    [
      'Biden said: “We will talk again. We always do.”',
      'We will talk again. We always do.',
      'Biden',
      'said',
      'Biden',
    ],
    [
      'The State Department said Blinken “stressed the importance of responsible management.”',
      'stressed the importance of responsible management.',
      'State Department',
      'said',
      'State Department',
    ],
    [
      'China’s foreign ministry wrote in a statement that the visit “coincides with a critical juncture,” it said.',
      'coincides with a critical juncture',
      'China’s foreign ministry',
      'wrote',
      'China’s foreign ministry',
    ],
    [
      'Before leaving for Beijing, Blinken said, Biden and Xi pledged to improve communications “specifically so that we can make sure.”',
      'specifically so that we can make sure.',
      'Blinken',
      'said',
      'Blinken',
    ],
    [
      'Xi gave a hint on Friday, telling a meeting with Microsoft co-founder Bill Gates that they could cooperate for the “benefit of our two countries.”',
      'benefit of our two countries.',
      'Xi',
      'telling',
      'Xi',
    ],
    [
      'Both sides met, but Beijing made it clear that “relations are at the lowest level.”',
      'relations are at the lowest level.',
      'Beijing',
      'made it clear',
      'Beijing',
    ],
  ])('attributes the quote in %j', (text, quoted, speaker, verb, mentionText) => {
    const [quote] = quotesOf(text);

    expect(quote).toMatchObject({ text: quoted, speaker, verb });
    expect(text.slice(quote?.start, quote?.end)).toBe(quoted);
    expect(text.slice(quote?.speakerMention?.start, quote?.speakerMention?.end)).toBe(mentionText);
  });

  it.each([
    ['“We found water,” the agency noted.', 'the agency'],
    ['“We found water,” the State Department said.', 'State Department'],
    [
      'Michael Porter, of Harvard Business School, who led the work, said: “Growth is not enough.”',
      'Michael Porter',
    ],
    [
      'Professor Michael Porter of Harvard Business School, who led it, said: “Growth is not enough.”',
      'Michael Porter',
    ],
    ['She was called “a sad, self-hating coward” by critics.', undefined],
    ['“We found water,” she was told.', undefined],
  ])('reads the subject in %j as %s', (text, speaker) => {
    const entities = buildEntities(
      text,
      taggedMentions(text, [
        ['PER', 'Michael Porter'],
        ['ORG', 'Harvard Business School'],
        ['ORG', 'State Department'],
      ]),
    );

    const [quote] = findQuotes(text, entities);

    expect(quote?.speaker).toBe(speaker);
  });

  it('resolves a speaker to the entity’s full name', () => {
    const text = 'Antony Blinken landed in Beijing. “The talks were candid,” Blinken said.';

    const [quote] = quotesOf(text);

    expect(quote).toMatchObject({ speaker: 'Antony Blinken', verb: 'said' });
    expect(text.slice(quote?.speakerMention?.start, quote?.speakerMention?.end)).toBe('Blinken');
  });

  it('resolves "he said" to the last person mentioned before the quote', () => {
    const text = 'Joe Biden spoke to reporters in Beijing. “We are not looking for conflict,” he said.';

    const [quote] = quotesOf(text);

    expect(quote).toMatchObject({ speaker: 'Joe Biden', verb: 'said' });
    expect(text.slice(quote?.speakerMention?.start, quote?.speakerMention?.end)).toBe('he');
  });

  it('does not resolve "he" to a name mentioned inside a quote', () => {
    const text = 'Joe Biden smiled. “Ask Blinken about it,” he said. Later he added: “We are ready.”';

    const quotes = quotesOf(text);

    expect(quotes.map((quote) => quote.speaker)).toEqual(['Joe Biden', 'Joe Biden']);
  });

  it('resolves "It said" to the organisation quoted before', () => {
    const text =
      'China’s foreign ministry wrote that the visit “comes at a critical time for both sides.”\n\n' +
      'It said the United States had to stop the “escalating deterioration of relations.”';

    const quotes = quotesOf(text);

    expect(quotes.map((quote) => quote.speaker)).toEqual([
      'China’s foreign ministry',
      'China’s foreign ministry',
    ]);
  });

  it('gives a following quote in the same paragraph the speaker of the one before', () => {
    const text =
      'Biden said the talks were “frank and useful,” and he praised the “spirit of the meeting in Beijing.”';

    const quotes = quotesOf(text);

    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['frank and useful', 'Biden'],
      ['spirit of the meeting in Beijing.', 'Biden'],
    ]);
  });

  it('marks partial quotes and keeps whole ones unmarked', () => {
    const quotes = quotesOf('Biden said it was “a good start.” Later he added: “We will meet again soon.”');

    expect(quotes.map((quote) => quote.partial)).toEqual([true, false]);
  });

  it('joins the parts of a quote that runs over paragraphs', () => {
    const text = '“We talked for hours about trade.\n\n“And we agreed to meet again,” Blinken said.';

    const quotes = quotesOf(text);

    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['We talked for hours about trade.', 'Blinken'],
      ['And we agreed to meet again', 'Blinken'],
    ]);
  });

  it('ignores scare quotes of fewer than three words without an attribution', () => {
    expect(quotesOf('Relations are at a “low point” now.')).toEqual([]);
  });

  it('ignores a stray closing mark and apostrophes', () => {
    const text =
      'China’s view of “the US side.” China, resulting in policies” was clear. Blinken’s team agreed.';

    expect(quotesOf(text).map((quote) => quote.text)).toEqual(['the US side.']);
  });

  it('reads British single quotes when a paragraph has no double ones', () => {
    const [quote] = quotesOf('‘We will not back down,’ Biden said.');

    expect(quote).toMatchObject({ text: 'We will not back down', speaker: 'Biden' });
  });

  it('leaves the speaker out when no attribution is found', () => {
    const [quote] = quotesOf('The sign read “no entry after dark tonight.”');

    expect(quote?.text).toBe('no entry after dark tonight.');
    expect(quote?.speaker).toBeUndefined();
  });
});
