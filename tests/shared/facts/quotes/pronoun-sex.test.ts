import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { firstNameSex } from '#shared/facts/quotes/gender.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: a he or she is never a person whose sex is the other one. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Walter Pike'],
  ['PER', 'Pike'],
  ['PER', 'Rachel Dunmore'],
  ['PER', 'Rachel'],
  ['PER', 'Ann Dunmore'],
  ['PER', 'Jesse Lind'],
  ['PER', 'Otto'],
];

function speakers(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.text,
    quote.speaker,
  ]);
}

describe('firstNameSex', () => {
  it('reads the first name of a full name when the name lists give it one sex', () => {
    expect(firstNameSex('Walter Pike')).toBe('male');
    expect(firstNameSex('Rachel Dunmore')).toBe('female');
  });

  it("says nothing of a first name that compromise files under one sex but is the other sex's elsewhere or both's", () => {
    for (const name of [
      'Daniele Rota',
      'Valery Orlov',
      'Stephane Morel',
      'Eden Marsh',
      'Riley Shaw',
      'Noa Levin',
    ])
      expect(firstNameSex(name)).toBeUndefined();
  });

  it('says nothing of a first name of either sex, or of a name of one word', () => {
    expect(firstNameSex('Jesse Lind')).toBeUndefined();
    expect(firstNameSex('Kim Sorel')).toBeUndefined();
    expect(firstNameSex('Rachel')).toBeUndefined();
    expect(firstNameSex('Royal Mail')).toBeUndefined();
  });
});

describe('findQuotes: a he or she and the sex a first name says', () => {
  it('gives a she to no one known rather than to the last person named, a man by his first name', () => {
    const text =
      'Walter Pike opened the harbour gates at six. “It was a long night for all of us,” she said.';

    expect(speakers(text)).toEqual([['It was a long night for all of us', undefined]]);
  });

  it('does not read the sentence before as opened by her when a man by his first name opens it', () => {
    const text =
      'Rachel Dunmore swam the strait in June. Walter Pike met her at the quay. “The water was very cold,” she said.';

    expect(speakers(text)).toEqual([['The water was very cold', undefined]]);
  });

  it('passes over a man by his first name to reach the speaker of the quote before', () => {
    const text =
      '“We left at dawn and reached the far side by noon,” said Rachel Dunmore. Walter Pike watched from the quay. ' +
      '“The water was very cold,” she said.';

    expect(speakers(text).at(-1)).toEqual(['The water was very cold', 'Rachel Dunmore']);
  });

  it('still gives a she to a person whose first name is of either sex', () => {
    const text = 'Jesse Lind opened the harbour gates at six. “It was a long night for all of us,” she said.';

    expect(speakers(text)).toEqual([['It was a long night for all of us', 'Jesse Lind']]);
  });

  it('lets the article overrule the first name', () => {
    const text =
      'Walter Pike said she was ready, and she was calm. Walter Pike opened the gates. ' +
      '“It was a long night for all of us,” she said.';

    expect(speakers(text)).toEqual([['It was a long night for all of us', 'Walter Pike']]);
  });
});

describe('findQuotes: a he or she after a sentence that opens with a person described by sex', () => {
  it('is that description, not a man named before', () => {
    const text =
      'Walter Pike runs the harbour. The woman’s account of the storm is told in full: ' +
      '“The sea came over the wall at midnight,” she said.';

    expect(speakers(text)).toEqual([['The sea came over the wall at midnight', 'The woman']]);
  });

  it('reads the noun a possessive is written before ("The man\'s wife")', () => {
    const text =
      'Walter Pike runs the harbour. The man’s elderly wife described the night to reporters. ' +
      '“We heard the wall go,” she said.';

    expect(speakers(text)).toEqual([['We heard the wall go', 'The man’s elderly wife']]);
  });

  it('is not a description of the other sex', () => {
    const text =
      'Rachel Dunmore runs the harbour. The man’s account of the storm is told in full: ' +
      '“The sea came over the wall at midnight,” she said.';

    expect(speakers(text)).toEqual([['The sea came over the wall at midnight', 'Rachel Dunmore']]);
  });
});

describe('findQuotes: a sentence that opens after the quotation before it', () => {
  it('opens with the person a possessive and a noun of sex are set beside ("Rachel\'s mother, Ann Dunmore,")', () => {
    const text =
      '“I was cold for a week,” said Rachel Dunmore. “I would do it again.” Rachel’s mother, Ann Dunmore, 61, said Jesse ' +
      'Lind had rowed beside her. She added: “I did not sleep until she was out of the water.”';

    expect(speakers(text).at(-1)).toEqual(['I did not sleep until she was out of the water.', 'Ann Dunmore']);
  });
});

describe('findQuotes: a quotation inside a quotation whose speaker is not known yet', () => {
  it('keeps its own speaker when the words around it name one', () => {
    const text =
      'The log of that night was read out in court.\n\n' +
      '“Walter Pike walked onto the quay, shouting “Cast off the lines now!” and nobody moved at all for a while.”';

    expect(speakers(text)).toContainEqual(['Cast off the lines now!', 'Walter Pike']);
  });
});
