import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { taggedMentions } from './tagged-mentions.ts';

type Surfaces = ReadonlyArray<readonly [NerType, string]>;

function typesOf(text: string, surfaces: Surfaces): Record<string, string> {
  const entities = buildEntities(text, taggedMentions(text, surfaces));
  return Object.fromEntries(entities.map((entity) => [entity.name, entity.type]));
}

describe('entity types from the article’s words', () => {
  it.each([
    ['He was unhappy at Harrow School, the old school.', 'LOC', 'Harrow School', 'organization'],
    ['Hotels line Bergen Blvd near the bridge.', 'ORG', 'Bergen Blvd', 'place'],
    ['The view from the Century City Towers was grand.', 'ORG', 'Century City Towers', 'place'],
  ] as const)('types a name by its last word against the tagger (%j)', (text, tag, name, type) => {
    expect(typesOf(text, [[tag, name]])[name]).toBe(type);
  });

  it.each([
    ['From there walk to the Adler Planetarium by the lake.', 'PER', 'Adler Planetarium'],
    ['Take a cab to Anse Bertrand in the north.', 'PER', 'Anse Bertrand'],
    ['The view of Wat Arun at dusk is famous.', 'PER', 'Wat Arun'],
    ['He died at the Hôpital Cochin that night.', 'ORG', 'Hôpital Cochin'],
  ] as const)(
    'types a name a place by a first or last word that opens or ends only places (%j)',
    (text, tag, name) => {
      expect(typesOf(text, [[tag, name]])[name]).toBe('place');
    },
  );

  it.each([
    ['The Puerto Rico Police Department said so.', 'Puerto Rico Police Department'],
    ['The Cape Argus reported the fire.', 'Cape Argus'],
  ])('keeps an organisation named after a place an organisation (%j)', (text, name) => {
    expect(typesOf(text, [['ORG', name]])[name]).toBe('organization');
  });

  it.each([
    ['Settlers left the West Bank for good.', 'LOC', 'West Bank', 'place'],
    ['Crystal Palace beat Nottingham Forest.', 'ORG', 'Crystal Palace', 'organization'],
    ['Crystal Palace beat Nottingham Forest.', 'ORG', 'Nottingham Forest', 'organization'],
  ] as const)(
    'keeps the tagger’s type where the last word ends both kinds of name (%j)',
    (text, tag, name, type) => {
      expect(typesOf(text, [[tag, name]])[name]).toBe(type);
    },
  );

  it('types a name an organisation after a noun for one ("the publishing giant Elsevier"), in every mention', () => {
    const text =
      'Drug makers worked with the publishing giant Elsevier on fake journals. Elsevier later said sorry.';

    expect(typesOf(text, [['PER', 'Elsevier']])).toEqual({ Elsevier: 'organization' });
  });

  it.each([
    ['Hosts joined a network Russia has financed.', 'LOC', 'Russia', 'place'],
    ['Later the Scottish Labour party Johann Lamont led spoke.', 'PER', 'Johann Lamont', 'person'],
    ['Jets flew, and the aircraft carrier John F. Kennedy sailed.', 'PER', 'John F. Kennedy', 'person'],
  ] as const)(
    'keeps a known place, a full personal name or a ship after such a noun (%j)',
    (text, tag, name, type) => {
      expect(typesOf(text, [[tag, name]])[name]).toBe(type);
    },
  );

  it.each([
    [
      'Mérida is a city of contrasts. Mérida has a rich cultural life, and Mérida sleeps late.',
      'PER',
      'Mérida',
    ],
    ['Fort Lee is a small town in Bergen County. Fort Lee has good food.', 'ORG', 'Fort Lee'],
    ['He grew up in the village of Clyst St. Mary near the coast.', 'ORG', 'Clyst St. Mary'],
  ] as const)('types a name a place when the article calls it one (%j)', (text, tag, name) => {
    expect(typesOf(text, [[tag, name]])[name]).toBe('place');
  });

  it.each([
    ['He played Sam in the TV series Supernatural. Supernatural ran for years.', 'ORG', 'Supernatural'],
    ['He was in the romantic comedy, Chasing Liberty, in 2004.', 'PER', 'Chasing Liberty'],
    ['On April 12, 1981, Space Shuttle Columbia lifted off.', 'LOC', 'Columbia'],
    ['In 2000 they attacked the USS Cole, killing 17 sailors.', 'PER', 'Cole'],
  ] as const)('types the name of a work or a craft other (%j)', (text, tag, name) => {
    expect(typesOf(text, [[tag, name]])[name]).toBe('other');
  });

  it.each([
    ['Staff of the policy think tank\nBrookings met.', 'PER', 'Brookings', 'organization'],
    ['Money went to the tech start-up  Brightly last year.', 'PER', 'Brightly', 'organization'],
    ['She starred in the hit TV-Series, Dark Waters, that year.', 'PER', 'Dark Waters', 'other'],
    ['He built the video game\u00a0Skyfall Rising in 2010.', 'PER', 'Skyfall Rising', 'other'],
    ['It aired as the old-ſeries, Dark Waters, in Latin.', 'PER', 'Dark Waters', 'other'],
    ['It aired as a TV3series, Dark Waters, in Latin.', 'PER', 'Dark Waters', 'person'],
    ['Crowds filled the town of\nPort Hale all week.', 'PER', 'Port Hale', 'place'],
  ] as const)(
    'reads a cue before a name whatever the spaces, words and case that end it (%j)',
    (text, tag, name, type) => {
      expect(typesOf(text, [[tag, name]])[name]).toBe(type);
    },
  );

  it('types a name other when a sentence calls it a work or a craft, though the tagger missed it there', () => {
    const text = 'Stardust is a NASA space capsule that collected dust. Samples from Stardust reached Earth.';
    const start = text.lastIndexOf('Stardust');
    const entities = buildEntities(text, [{ type: 'LOC', start, end: start + 8, text: 'Stardust' }]);

    expect(entities.map((entity) => [entity.name, entity.type])).toEqual([['Stardust', 'other']]);
  });

  it('reads no cue for a name from an occurrence inside a longer name ("Lee" in "Fort Lee is a small town")', () => {
    const text = 'Fort Lee is a small town. Lee crossed the river with his men.';
    const start = text.lastIndexOf('Lee');
    const entities = buildEntities(text, [{ type: 'PER', start, end: start + 3, text: 'Lee' }]);

    expect(entities.map((entity) => [entity.name, entity.type])).toEqual([['Lee', 'person']]);
  });

  it('drops a form of address after "my" or "your" ("My Lords, thank you"), not a lord by name', () => {
    const text = 'My Lords, thank you. Your Honour will know, my Lords, that Lord Diplock agreed.';

    expect(
      typesOf(text, [
        ['PER', 'Lords'],
        ['PER', 'Honour'],
        ['PER', 'Lord Diplock'],
      ]),
    ).toEqual({ Diplock: 'person' });
  });

  it('keeps a person who is the subject after such a noun ("the film Spielberg directed")', () => {
    const text = 'Critics loved the film Spielberg directed that year.';

    expect(typesOf(text, [['PER', 'Spielberg']])).toEqual({ Spielberg: 'person' });
  });

  it('types the short form of a school the article names in full the school, one entity ("Harvard")', () => {
    const text = 'He earned a Ph.D. from Harvard University. Later he returned to teach at Harvard.';

    expect(
      typesOf(text, [
        ['ORG', 'Harvard University'],
        ['LOC', 'Harvard'],
      ]),
    ).toEqual({ 'Harvard University': 'organization' });
  });

  it('keeps a known place a place beside a school named after it ("Exeter" and "Exeter School")', () => {
    const text = 'Goode was born in Exeter and was educated at Exeter School.';

    expect(
      typesOf(text, [
        ['ORG', 'Exeter School'],
        ['LOC', 'Exeter'],
      ]),
    ).toEqual({ 'Exeter School': 'organization', Exeter: 'place' });
  });

  it('types a list after "search engines including" organisations', () => {
    const text = 'Ads gained dominance on Web search engines including Google, Bing and Yahoo.';

    expect(
      typesOf(text, [
        ['LOC', 'Google'],
        ['PER', 'Bing'],
        ['ORG', 'Yahoo'],
      ]),
    ).toEqual({ Google: 'organization', Bing: 'organization', Yahoo: 'organization' });
  });
});
