import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { taggedMentions } from './tagged-mentions.ts';

type Surfaces = ReadonlyArray<readonly [NerType, string]>;

function typesOf(text: string, surfaces: Surfaces): Record<string, string> {
  const entities = buildEntities(text, taggedMentions(text, surfaces));
  return Object.fromEntries(entities.map((entity) => [entity.name, entity.type]));
}

describe('names as academic and legal writing refers to them', () => {
  it.each([
    ['We use the category reported during the Wave 1 interview, not Wave 3.', 'Wave'],
    ['Turn, if you would, to Tab 4 of our condensed book.', 'Tab'],
    ['The results are in Table 2 and in Figure 3.', 'Table'],
  ])('drops a label with its number (%j)', (text, label) => {
    expect(typesOf(text, [['ORG', label]])).toEqual({});
  });

  it('keeps a name that a number follows when it is no label ("Apollo 11")', () => {
    expect(typesOf('Apollo 11 landed in 1969.', [['MISC', 'Apollo']])).toEqual({ Apollo: 'other' });
    expect(typesOf('Fans of Boeing 747 jets met.', [['ORG', 'Boeing']])).toEqual({ Boeing: 'organization' });
  });

  it.each([
    ['as Gibbons et al. found, the effect holds.', 'LOC', 'Gibbons'],
    ['The present study was inspired by Carrano [7] but differed.', 'LOC', 'Carrano'],
    ['Following Senabre (1982), we count syllables.', 'ORG', 'Senabre'],
    ['as argued before (Quilis, 1964).', 'ORG', 'Quilis'],
  ] as const)('types a name cited as an author a person (%j)', (text, tag, name) => {
    expect(typesOf(text, [[tag, name]])[name]).toBe('person');
  });

  it('types every mention of a cited author a person, the tagger’s majority notwithstanding', () => {
    const text =
      'Carrano and Biewener tested chickens. In Carrano and Biewener’s study, as in Carrano and Biewener [7], ' +
      'the birds walked. Carrano found more.';

    const types = typesOf(text, [
      ['LOC', 'Carrano'],
      ['PER', 'Biewener'],
    ]);

    expect(types).toEqual({ Carrano: 'person', Biewener: 'person' });
  });

  it('splits two authors read as one name where they are cited ("Carrano & Biewener [7]")', () => {
    const text = 'The study was inspired by Carrano & Biewener [7] but our results differed.';

    expect(typesOf(text, [['ORG', 'Carrano & Biewener']])).toEqual({
      Carrano: 'person',
      Biewener: 'person',
    });
  });

  it('keeps a company named for two people an organisation where nothing cites it', () => {
    const text = 'Shares of Procter & Gamble rose on Tuesday.';

    expect(typesOf(text, [['ORG', 'Procter & Gamble']])).toEqual({ 'Procter & Gamble': 'organization' });
  });

  it('keeps a known place cited with a year a place ("Italy (1821)")', () => {
    const text = 'She wrote Recollections of Italy (1821) after the trip.';

    expect(typesOf(text, [['LOC', 'Italy']])).toEqual({ Italy: 'place' });
  });

  it.each([
    ['The court relied on Kennedy versus Washington in that matter.', 'Kennedy'],
    ['In Green versus United States the court held otherwise.', 'Green'],
    ['Counsel cited Roe v. Wade at length.', 'Wade'],
  ])('types a party to a case a person (%j)', (text, name) => {
    expect(typesOf(text, [['LOC', name]])[name]).toBe('person');
  });

  it('keeps a known place that is a party to a case a place', () => {
    const text = 'The court relied on Kennedy versus Washington in that matter.';

    expect(typesOf(text, [['LOC', 'Washington']])).toEqual({ Washington: 'place' });
  });
});
