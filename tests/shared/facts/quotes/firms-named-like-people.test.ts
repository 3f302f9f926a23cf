import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { quotePairs } from './quote-pairs.ts';

/** Sentences written for these tests: firms the tagger takes for persons. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['ORG', 'Varda Mining Corp.'],
  ['PER', 'Varda'],
  ['PER', 'Hugh Penrose'],
  ['PER', 'Paul Ostrander'],
  ['PER', 'Gus Ostrander'],
  ['PER', 'Dale Brennan'],
  ['PER', 'Dale Brennan'],
  ['PER', 'Hunter Rowe'],
  ['ORG', 'Hunter Rowe Holdings'],
];

const quotesOf = (text: string) => quotePairs(text, SURFACES);

describe('findQuotes: a firm named like a person is never a he', () => {
  it('reads a one-word "person" that begins an organisation\'s name as that organisation', () => {
    const text =
      "Varda Mining Corp. said it raised $40 million. Hugh Penrose, Varda's president, said the loan was cheap. " +
      'The company put up "nearly all" of its mines, he said.';

    expect(quotesOf(text)).toEqual([['nearly all', 'Hugh Penrose']]);
  });

  it('reads a "person" named only after a role and "at" as a workplace', () => {
    const text =
      '"Prices will fall," said Paul Ostrander, chief analyst at Dale Brennan.\n\n"We could drop another 5 percent," he said.';

    expect(quotesOf(text)).toEqual([
      ['Prices will fall', 'Paul Ostrander'],
      ['We could drop another 5 percent', 'Paul Ostrander'],
    ]);
  });

  it('keeps a surname that a named person has, beside a firm of that name', () => {
    const text =
      'Hunter Rowe Holdings lost money. Its founder Hunter Rowe spoke in Dallas. "We will recover," Rowe said.';

    expect(quotesOf(text)).toEqual([['We will recover', 'Hunter Rowe']]);
  });
});
