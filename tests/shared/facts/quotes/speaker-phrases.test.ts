import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: the words that name a speaker, and whom they stand for. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ann Reyes'],
  ['PER', 'Reyes'],
  ['PER', 'Tom Parkinson'],
  ['PER', 'Erik Vandermeer'],
  ['ORG', 'University of Tasmania'],
  ['LOC', 'Hobart'],
  ['PER', 'Nora Quill'],
  ['ORG', 'Boston Police Department'],
  ['PER', 'Paulo Ferreira'],
  ['LOC', 'Recife'],
  // A name the tagger splits at its particle.
  ['PER', 'Turki'],
  ['PER', 'Khalid'],
];

const attributions = attributionsWith(SURFACES);

describe('findQuotes: a role written in lowercase words between two names', () => {
  it('gives the quote to the person after "Reyes campaign manager", not to Reyes', () => {
    const text =
      'Ann Reyes is running again. Reyes campaign manager Tom Parkinson told reporters that the council ' +
      'was spreading “outright lies” about the budget.';

    expect(attributions(text)).toEqual([['Tom Parkinson', 'Tom Parkinson']]);
  });

  it('gives the quote to the person after "Reyes press secretary"', () => {
    const text =
      'Ann Reyes is running again. Reyes press secretary Tom Parkinson said the council was spreading ' +
      '“outright lies” about the budget.';

    expect(attributions(text)).toEqual([['Tom Parkinson', 'Tom Parkinson']]);
  });

  it('does not split a name at a lowercase particle ("bin")', () => {
    const text = 'The kingdom “will not be rushed,” Prince Turki bin Khalid, the envoy, said on Monday.';

    expect(attributions(text)).toEqual([['Turki', 'Turki']]);
  });
});

describe('findQuotes: a long subject between a quote and its verb', () => {
  it('reads past an appositive whose closing comma the writer left out', () => {
    const text =
      '“The current there is more of a tidal drift,” Erik Vandermeer, an oceanographer at the University of ' +
      'Tasmania in Hobart told Reuters.';

    expect(attributions(text)).toEqual([['Erik Vandermeer', 'Erik Vandermeer']]);
  });

  it('does not take the first of a list of subjects for the speaker', () => {
    const text = '“We will not sign it,” Ann Reyes, the mayor and the governor said on Monday.';

    expect(attributions(text)).toEqual([[undefined, undefined]]);
  });

  it('gives the quote to a name followed by where the person works', () => {
    const text =
      '“We will decide tomorrow whether the floats can run,” Deputy Chief Nora Quill with the Boston Police ' +
      'Department said Tuesday.';

    expect(attributions(text)).toEqual([['Nora Quill', 'Nora Quill']]);
  });

  it('skips the verb of a relative clause in the appositive ("who posted about the smoke")', () => {
    const text =
      '“Farmers started complaining about the smoke because the air used to be clean,” Paulo Ferreira, a ' +
      'Recife resident who posted about the smoke, said.';

    expect(attributions(text)).toEqual([['Paulo Ferreira', 'Paulo Ferreira']]);
  });
});
