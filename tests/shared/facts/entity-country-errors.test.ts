/**
 * Country names a reader sees typed wrong (session 23, issue 10): constituent countries and other names of countries
 * that the tagger's country gazetteer lacks ("Wales", "Holland"), and a name's type decided by another name's words.
 * Each case is text written for this test; the tagged mentions reproduce what the tagger returned, so each case holds
 * the rule whatever a retrained model does.
 */
import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import { knownNames } from '#shared/facts/ner/known-names.ts';
import type { EntityMention, NerType } from '#shared/facts/ner/tag-entities.ts';
import { processArticle } from '#shared/process-article.ts';
import { entitiesOf, typeOf } from './tagged-mentions.ts';

/** The mention of the `nth` occurrence (from 0) of `surface` in `text`, typed `type`. */
function mentionAt(text: string, type: NerType, surface: string, nth = 0): EntityMention {
  let start = text.indexOf(surface);
  for (let index = 0; index < nth; index++) start = text.indexOf(surface, start + 1);
  return { type, start, end: start + surface.length, text: surface };
}

describe('names of countries the country gazetteer lacks', () => {
  it('are known countries: constituent countries and other spellings', () => {
    const known = knownNames();

    for (const name of [
      'England',
      'Scotland',
      'Wales',
      'Northern Ireland',
      'Holland',
      'Burma',
      'Great Britain',
    ])
      expect([name, known.isCountry(name), known.isPlace(name)]).toEqual([name, true, true]);
    expect(known.isCountry('Hollande')).toBe(false);
  });

  it('read as a person are the place', () => {
    const text = 'The squad flew out on Monday. Scotland will meet Holland in the last round of the group.';

    const entities = entitiesOf(text, [
      ['PER', 'Scotland'],
      ['PER', 'Holland'],
    ]);

    expect(typeOf(entities, 'Scotland')).toEqual(['place']);
    expect(typeOf(entities, 'Holland')).toEqual(['place']);
  });

  it('read as a place beside a person of that surname stay the place', () => {
    const text =
      'The under-17 side beat Holland on penalties last year. The squad: Owen Holland (Kelvale), Ryan Mott ' +
      '(Ashby). Their first match is against Holland on May 10.';

    const entities = entitiesOf(text, [
      ['LOC', 'Holland'],
      ['PER', 'Owen Holland'],
      ['PER', 'Ryan Mott'],
      ['ORG', 'Kelvale'],
      ['ORG', 'Ashby'],
    ]);

    expect(typeOf(entities, 'Holland')).toEqual(['place']);
    expect(typeOf(entities, 'Owen Holland')).toEqual(['person']);
    expect(entities.find((entity) => entity.name === 'Owen Holland')?.count).toBe(1);
  });
});

describe('where a name is written as a person', () => {
  it('is read from its own mentions, not from a longer name that holds it', () => {
    const text =
      'The Football Association of Jordan said the tickets were sold. Fans hope Jordan will top the group, and ' +
      'the squad trains in Amman.';

    const entities = entitiesOf(text, [
      ['ORG', 'Football Association of Jordan'],
      ['PER', 'Jordan'],
      ['LOC', 'Amman'],
    ]);

    expect(typeOf(entities, 'Jordan')).toEqual(['place']);
  });
});

describe('a surname the tagger read as a person', () => {
  it('is the person named in full, even where the gazetteers know a place by that name', () => {
    const text =
      'Judge Dana Tulsa ruled on Monday. Lawyers said Tulsa had asked both sides to meet. Tulsa has already ' +
      'met the family.';
    const mentions = [
      mentionAt(text, 'PER', 'Dana Tulsa'),
      mentionAt(text, 'PER', 'Tulsa', 1),
      mentionAt(text, 'LOC', 'Tulsa', 2),
    ];

    const entities = buildEntities(text, mentions);

    expect(typeOf(entities, 'Dana Tulsa')).toEqual(['person']);
    expect(entities.map((entity) => entity.name)).toEqual(['Dana Tulsa']);
  });
});

describe('a country that is the surname of a person named in full', () => {
  const entitiesOfText = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    return processArticle({ id: 'country-surname', bytes, source: { bytes: bytes.byteLength, key: 'a.txt' } })
      .facts.entities;
  };

  it('is the person where the article writes it alone after the full name, through processArticle', () => {
    const entities = entitiesOfText(
      'Rachel England, 34, was arrested on Monday. A neighbour recognised England in a shop on Friday and called ' +
        'police. England will appear in court next week.',
    );

    expect(typeOf(entities, 'Rachel England')).toEqual(['person']);
    expect(typeOf(entities, 'England')).toEqual([]);
  });

  it('is the person where the tagger read it as a place', () => {
    const text =
      'Kevin Wales was charged on Monday. Police found Wales at a house. Wales was released on bail.';

    const entities = entitiesOf(text, [
      ['PER', 'Kevin Wales'],
      ['LOC', 'Wales'],
    ]);

    expect(entities.map((entity) => [entity.name, entity.type, entity.count])).toEqual([
      ['Kevin Wales', 'person', 3],
    ]);
  });

  it('stays the place where the article writes it after "to" or "of", or before the full name', () => {
    for (const text of [
      'Kevin Wales was charged on Monday. He flew back to Wales on Friday. Police found Wales at a house.',
      'Kevin Wales was charged on Monday. The Prince of Wales spoke on Friday. Wales has a new stadium.',
      'Wales has a new stadium. Kevin Wales built it. The mayor thanked Wales at the opening.',
    ]) {
      const entities = entitiesOf(text, [
        ['PER', 'Kevin Wales'],
        ['LOC', 'Wales'],
      ]);

      expect([text, typeOf(entities, 'Wales')]).toEqual([text, ['place']]);
    }
  });
});
