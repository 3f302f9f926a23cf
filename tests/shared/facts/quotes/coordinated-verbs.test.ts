import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: a reporting verb joined by "and", and names in marks that modify a noun. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ann Reyes'],
  ['PER', 'Reyes'],
  ['PER', 'Tom Holt'],
  ['PER', 'Holt'],
  ['ORG', 'Harbour Board'],
];

const attributions = attributionsWith(SURFACES);

describe('a reporting verb joined by "and" to the verb before', () => {
  it('shares the subject of the sentence', () => {
    expect(
      attributions('Ann Reyes visited the harbour on Monday and said it was “a disgrace to the town.”'),
    ).toEqual([['Ann Reyes', 'Ann Reyes']]);
    expect(
      attributions('The Harbour Board met on Monday and said the plan was “dead in the water.”'),
    ).toEqual([['Harbour Board', 'Harbour Board']]);
  });

  it('in a relative clause, is the antecedent’s; after the clause is closed, the sentence subject’s', () => {
    expect(
      attributions(
        'Tom Holt thanked Ann Reyes, who smiled and said the work was “a pleasure from start to end.”',
      ),
    ).toEqual([['Ann Reyes', 'Ann Reyes']]);
    expect(
      attributions(
        'Tom Holt met Ann Reyes, who arrived late, and said the talks were “long overdue for all of us.”',
      ),
    ).toEqual([['Tom Holt', 'Tom Holt']]);
  });
});

describe('a name in marks between a determiner and a noun', () => {
  it('is a title, not a quote, whoever spoke in the sentence', () => {
    const text =
      'Ann Reyes spoke at a “Harbour Futures Forum” sponsored by the board and called it “a good start.”';

    expect(attributions(text)).toEqual([['Ann Reyes', 'Ann Reyes']]);
  });

  it('stays words when a conjunction or preposition follows', () => {
    expect(attributions('Tom Holt called it a “Total Disaster” and walked out.')).toEqual([
      ['Tom Holt', 'Tom Holt'],
    ]);
  });
});
