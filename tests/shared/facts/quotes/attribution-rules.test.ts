import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: who says what, and which quotes have no one to say them. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Nora Bexley'],
  ['PER', 'Bexley'],
  ['PER', 'Ivo Marsh'],
  ['PER', 'Marsh'],
  ['PER', 'Pell'],
  ['PER', 'Tomas Reyne'],
  ['PER', 'Reyne'],
  ['PER', 'Ann Reyes'],
  ['PER', 'Tom Hale'],
  ['PER', 'Mark Dorn'],
  ['PER', 'Saul Dorn'],
  ['PER', 'Lee Tran'],
  ['ORG', 'Daily Ledger'],
  ['ORG', 'City Review'],
  ['ORG', 'Videohub'],
];

function attributions(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
    quote.speakerMention && text.slice(quote.speakerMention.start, quote.speakerMention.end),
  ]);
}

describe('findQuotes: reporting verbs that double their last letter', () => {
  it.each([
    ['The Daily Ledger dubbed him the “king of the late-night deal.”', 'Daily Ledger'],
    ['Nora Bexley slammed the plan as “a giveaway to the few.”', 'Nora Bexley'],
    ['Ivo Marsh begged the board to “think again before the vote.”', 'Ivo Marsh'],
  ])('reads %j', (text, speaker) => {
    expect(attributions(text).map(([, who]) => who)).toEqual([speaker]);
  });
});

describe('findQuotes: a colon introduces a quote only after a subject that says it', () => {
  it('takes the subject of a sentence that introduces the quote with a colon', () => {
    const text = 'Nora Bexley put it this way: “We will not sell the harbour.”';

    expect(attributions(text)).toEqual([['We will not sell the harbour.', 'Nora Bexley', 'Nora Bexley']]);
  });

  it('takes a bare name before a colon when the quote ends the sentence', () => {
    expect(attributions('Tomas Reyne spoke last.\n\nReyne: “We never saw the second letter.”')).toEqual([
      ['We never saw the second letter.', 'Tomas Reyne', 'Reyne'],
    ]);
  });

  it('does not read a headline "Outlet: “Title” words" as the outlet quoting', () => {
    const text = 'City Review: “The Last Harbour Town” and what came after it\nThe town was quiet.';

    expect(attributions(text).filter(([, who]) => who !== undefined)).toEqual([]);
  });

  it('does not give a quote to a name in a sentence whose own speaker is unnamed', () => {
    const text = 'When Ivo Marsh walked in, someone would have said: “Mind the step on your way in, Ivo.”';

    expect(attributions(text)).toEqual([['Mind the step on your way in, Ivo.', undefined, undefined]]);
  });

  it('does not give quotes to the site a recording was posted on', () => {
    const text =
      'Here is what was said, as filmed and later posted to Videohub: “You are all going to regret this one.”';

    expect(attributions(text).map(([, who]) => who)).toEqual([undefined]);
  });
});

describe('findQuotes: a quote inside a later sentence', () => {
  it('does not inherit the speaker of the quote before when another subject opens its sentence', () => {
    const text =
      '“He was the best of us,” Nora Bexley wrote. Ivo Marsh was known for his line “never sell the view,” a hit.';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Nora Bexley', undefined]);
  });

  it('inherits it when the same speaker opens the later sentence', () => {
    const text =
      '“He was the best of us,” Nora Bexley wrote. Bexley has called the new owners “a band of asset strippers.”';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Nora Bexley', 'Nora Bexley']);
  });

  it('inherits it in the next paragraph when the same speaker opens the sentence', () => {
    const text =
      'Nora Bexley has long mocked the buyers as “tourists with chequebooks.”\n\n' +
      'Since the sale, Bexley has gone after the new owners as “a band of asset strippers.”';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Nora Bexley', 'Nora Bexley']);
  });

  it('does not carry it into the next paragraph when another person opens the sentence', () => {
    const text =
      'Nora Bexley has long mocked the buyers as “tourists with chequebooks.”\n\n' +
      'Since the sale, Ivo Marsh has gone after the new owners as “a band of asset strippers.”';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Nora Bexley', undefined]);
  });

  it('still gives a quote that opens the next sentence to the speaker before', () => {
    const text = '“He was the best of us,” Nora Bexley wrote. “Nobody will replace him.”';

    expect(attributions(text).map(([, who]) => who)).toEqual(['Nora Bexley', 'Nora Bexley']);
  });
});

describe('findQuotes: a name with an appositive before the verb', () => {
  it.each([
    [
      'Executive producer Mark Dorn, son of the late producer Saul Dorn, added, “The story is ours to tell again.”',
      'Mark Dorn',
    ],
    ['Ivo Marsh, who has long feuded with Lee Tran, said, “The harbour deal is dead.”', 'Ivo Marsh'],
    ['A lawyer for Lee Tran, Ivo Marsh, said, “The harbour deal is dead.”', 'Ivo Marsh'],
  ])('gives %j to the name the sentence opens with', (text, speaker) => {
    expect(attributions(text).map(([, who]) => who)).toEqual([speaker]);
  });
});

describe('findQuotes: he and she', () => {
  it('resolves a he that opens its sentence to the person who opened the sentence before', () => {
    const text =
      'Director Ann Reyes paid tribute to Nora Bexley on Monday. She said: “Nobody worked harder than Nora.”';

    expect(attributions(text)).toEqual([['Nobody worked harder than Nora.', 'Ann Reyes', 'She']]);
  });

  it('resolves a he to the person named last when the sentence before opened with no one', () => {
    const text = 'The award went to Tom Hale on Monday. He said: “Nobody worked harder than my team.”';

    expect(attributions(text)).toEqual([['Nobody worked harder than my team.', 'Tom Hale', 'He']]);
  });
});

describe('findQuotes: marks typed the wrong way round, and colons at the end of a paragraph', () => {
  it('closes a quotation at an opening mark typed after its last word', () => {
    const text =
      'Nora Bexley said: “The rate is 33 percent.“ When the Daily Ledger checked, it called the claim “mostly true.”';

    expect(attributions(text).map(([quoted]) => quoted)).toEqual(['The rate is 33 percent.', 'mostly true.']);
    expect(attributions(text)[0]?.[1]).toBe('Nora Bexley');
  });

  it('gives a quote that opens a paragraph to the subject of the paragraph before ending with a colon', () => {
    const text =
      'On May 2, 2015, Nora Bexley made the following remark:\n\n“The harbour will never be sold.”';

    expect(attributions(text)).toEqual([['The harbour will never be sold.', 'Nora Bexley', 'Nora Bexley']]);
  });

  it('does not take a participle that opens the sentence for the speaker', () => {
    const text =
      'Reading from the ruling of the court:\n\n“A person who acts without care does no wrong in law.”';

    expect(attributions(text).map(([, who]) => who)).toEqual([undefined]);
  });
});

describe('findQuotes: a short quote after an attributed one in the same sentence', () => {
  it('keeps it, with the same speaker', () => {
    const text =
      '“He is finished,” Ivo Marsh said. Marsh has gone after the owners as “a band of asset strippers” and a “disgrace.”';

    expect(attributions(text).map(([quoted, who]) => [quoted, who])).toEqual([
      ['He is finished', 'Ivo Marsh'],
      ['a band of asset strippers', 'Ivo Marsh'],
      ['disgrace.', 'Ivo Marsh'],
    ]);
  });

  it('leaves out a name in marks that follows it', () => {
    const text = '“We lost the harbour,” Ivo Marsh said. “No, not even,” “Tiny” countered.';

    expect(attributions(text).map(([quoted]) => quoted)).toEqual(['We lost the harbour', 'No, not even']);
  });
});

describe('findQuotes: collective subjects and verb phrases', () => {
  it('reads "Police say" as a reporting verb with its subject', () => {
    expect(attributions('Police say they have “adequate resources” for the match.')).toEqual([
      ['adequate resources', 'Police', 'Police'],
    ]);
  });

  it('does not take a verb and its object for a speaker', () => {
    const text = 'He hired a friend who owned a security company called “Safe and Sound Ltd.”';

    expect(attributions(text).filter(([, who]) => who !== undefined)).toEqual([]);
  });
});

describe('findQuotes: "terms" is a plural noun, not a reporting verb', () => {
  it.each([
    'The name joins the Latin terms “aqua” (water) and “mens” (mind).',
    'The contract used the legal terms “force majeure” and “best efforts.”',
  ])('gives no speaker in %j', (text) => {
    expect(attributions(text).filter(([, who]) => who !== undefined)).toEqual([]);
  });

  it('still reads the verb\'s past: "termed"', () => {
    expect(attributions('Ivo Marsh termed the plan “a giveaway to the few.”').map(([, who]) => who)).toEqual([
      'Ivo Marsh',
    ]);
  });
});
