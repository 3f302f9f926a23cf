import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: whom a "he" or "she" after a quote stands for. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Owen Falk'],
  ['PER', 'Falk'],
  ['PER', 'Mr. Falk'],
  ['PER', 'Ivo Marsh'],
  ['PER', 'Marsh'],
  ['PER', 'Lee Tran'],
  ['PER', 'Dana Voss'],
  ['ORG', 'Harbour Board'],
];

/** Owen Falk is "he" to the article (Mr., and his own he) before the sentences under test. */
const FALK_IS_HE = 'Mr. Falk opened the season. Owen Falk said he was tired but he was happy. ';

function speakers(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
  ]);
}

describe('findQuotes: a he or she after a quote that opens its sentence', () => {
  it('is the person who opened the sentence before, in the same paragraph', () => {
    const text = `${FALK_IS_HE}Ivo Marsh thanked the crew of the tug. “They did what they had to do,” he said.`;

    expect(speakers(text)).toEqual([['They did what they had to do', 'Ivo Marsh']]);
  });

  it('is not that person when the article gives them the other sex', () => {
    const text =
      `${FALK_IS_HE}Dana Voss said she was cold, she was wet and she was hungry. ` +
      'Dana Voss thanked the crew of the tug. “They did what they had to do,” he said.';

    expect(speakers(text)).toEqual([['They did what they had to do', 'Owen Falk']]);
  });

  it('reads the person after a name and a role as the one who opens the sentence', () => {
    const text = `${FALK_IS_HE}Falk campaign director Lee Tran said the vote was close. “We will know tonight,” he said.`;

    expect(speakers(text)).toEqual([['We will know tonight', 'Lee Tran']]);
  });

  it('reads the person after a possessive and a role as the one who opens the sentence', () => {
    const text = `${FALK_IS_HE}Falk's campaign manager Lee Tran said the vote was close. “We will know tonight,” she said.`;

    expect(speakers(text)).toEqual([['We will know tonight', 'Lee Tran']]);
  });
});

describe('findQuotes: a sentence that opens with an adverbial', () => {
  it('opens with the person after the adverbial and its comma', () => {
    const text = `${FALK_IS_HE}In an e-mail to the board, Ivo Marsh said the plant would close. “We have no choice,” he said.`;

    expect(speakers(text)).toEqual([['We have no choice', 'Ivo Marsh']]);
  });

  it('gives a he that opens the next sentence to that person', () => {
    const text =
      `${FALK_IS_HE}After a morning break, Ivo Marsh took the stand again. He told the court that the plant was ` +
      '“safe for every worker on the night shift.”';

    expect(speakers(text)).toEqual([['safe for every worker on the night shift.', 'Ivo Marsh']]);
  });
});

describe('findQuotes: a he or she after a quote of someone described, not named', () => {
  it('is that person ("a spokesman"), not the last person named before them', () => {
    const text =
      `${FALK_IS_HE}Ivo Marsh, the chairman, said he would build the plant. ` +
      'A company spokesman said it was “possible, but unlikely,” that it would close. ' +
      '“We will look at it again next year,” he said.';

    expect(speakers(text).at(-1)).toEqual(['We will look at it again next year', 'A company spokesman']);
  });

  it('keeps a spokesman for the organisation named as the organisation', () => {
    const text =
      `${FALK_IS_HE}A Harbour Board spokesman said the port was “open for business.” ` +
      '“We will look at it again next year,” he said.';

    expect(speakers(text).at(-1)).toEqual(['We will look at it again next year', 'Harbour Board']);
  });

  it('is not a spokeswoman when the pronoun is he', () => {
    const text =
      `${FALK_IS_HE}A company spokeswoman said it was “possible, but unlikely,” that it would close. ` +
      '“We will look at it again next year,” he said.';

    expect(speakers(text).at(-1)).toEqual(['We will look at it again next year', 'Owen Falk']);
  });

  it('is not the described person when someone has been named since', () => {
    const text =
      `${FALK_IS_HE}A company spokesman said it was “possible, but unlikely,” that it would close. ` +
      'Ivo Marsh said he disagreed with the decision. “We will look at it again next year,” he said.';

    expect(speakers(text).at(-1)).toEqual(['We will look at it again next year', 'Ivo Marsh']);
  });
});

describe('findQuotes: a speaker named by their trade', () => {
  it('keeps "the singer" as the speaker rather than the interviewer of the quote before', () => {
    const text =
      'The Harbour Board asked Dana Voss about the tour. “We loved every city,” the singer said. ' +
      '“We will be back next year.”';

    expect(speakers(text)).toEqual([
      ['We loved every city', 'the singer'],
      ['We will be back next year.', 'the singer'],
    ]);
  });
});

describe('findQuotes: a he or she that opens a paragraph', () => {
  it('is the person who opened the last sentence of the paragraph before', () => {
    const text =
      `${FALK_IS_HE}\n\nIvo Marsh, who has run the port since the strike, criticised the harbour plan on Tuesday.\n\n` +
      '“It is a waste of money,” he said.';

    expect(speakers(text)).toEqual([['It is a waste of money', 'Ivo Marsh']]);
  });

  it('reads through a sentence that opens with the same he or she to the person it stands for', () => {
    const text =
      `${FALK_IS_HE}\n\nIvo Marsh has also written about the strike.\n\n` +
      'On Monday, he told the dock workers that he was “deeply worried.”\n\n' +
      '“We cannot go on like this,” he said.';

    expect(speakers(text)).toEqual([
      ['deeply worried.', 'Ivo Marsh'],
      ['We cannot go on like this', 'Ivo Marsh'],
    ]);
  });

  it('does not take the person after a possessive for the opener when no role comes between', () => {
    const text = `${FALK_IS_HE}Harbour Board's deal with Ivo Marsh was signed in May. “It is a good deal,” he said.`;

    // Not Ivo Marsh: the sentence opens with the board, so the he is the article's own he, Owen Falk.
    expect(speakers(text)).toEqual([['It is a good deal', 'Owen Falk']]);
  });
});

describe('findQuotes: a quote that is a whole sentence after a sentence that opens with a person', () => {
  it('is that person, past an opening adverbial that holds a quoted title', () => {
    const text =
      'On “Harbour Watch,” Ivo Marsh named the strike as the reason the port had closed. ' +
      '“The workers have had enough of waiting.”';

    expect(speakers(text)).toEqual([['The workers have had enough of waiting.', 'Ivo Marsh']]);
  });

  it('is the person after a name and a role', () => {
    const text =
      'Harbour Board chairman Ivo Marsh signed the order on Friday. “The port is closed to every ship.”';

    expect(speakers(text)).toEqual([['The port is closed to every ship.', 'Ivo Marsh']]);
  });

  it('is not that person when the sentence opens with a possessor, or the quote has words after it', () => {
    const text =
      "Dana Voss's lawyer, a former judge, read the ruling aloud. “This changes everything for us.” " +
      'Lee Tran took the call. “Are you safe at home?” the voice asked.';

    expect(speakers(text)).toEqual([
      ['This changes everything for us.', undefined],
      ['Are you safe at home?', 'the voice'],
    ]);
  });

  it('is no one across a paragraph', () => {
    const text = 'Ivo Marsh signed the order on Friday.\n\n“The port is closed to every ship.”';

    expect(speakers(text)).toEqual([['The port is closed to every ship.', undefined]]);
  });
});

describe('findQuotes: a he or she after a name in the possessive before a noun of that sex', () => {
  it('does not refer to the possessor of "mother" with "she", nor to anyone further back', () => {
    const text =
      "'We will keep asking questions,' said Dana Voss. Marsh's mother wept when she heard the verdict. " +
      "'Why did nobody help him?' she asked.";

    expect(speakers(text)).toEqual([
      ['We will keep asking questions', 'Dana Voss'],
      ['Why did nobody help him?', undefined],
    ]);
  });
});
