/**
 * Entity errors of the kinds a reader spotted on real news pages in session 16 (products and programmes read as
 * people or places, words of computing read as organisations, common words opening a line, one name typed two
 * ways), each on text written for this test. The tagged mentions reproduce what the tagger returned, so each case
 * holds the rule whatever a retrained model does.
 */
import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { EntityMention, NerType } from '#shared/facts/ner/tag-entities.ts';
import { entitiesOf, names, typeOf } from './tagged-mentions.ts';

/** The entities of `text` when the tagger reads each occurrence of `surface` as the next type in `types`. */
function typedInTurn(text: string, surface: string, types: readonly NerType[]) {
  const mentions: EntityMention[] = [];
  let start = text.indexOf(surface);
  for (const type of types) {
    mentions.push({ type, start, end: start + surface.length, text: surface });
    start = text.indexOf(surface, start + 1);
  }
  return buildEntities(text, mentions);
}

describe('words of the web and of computing', () => {
  it('are others, never organisations, people or places', () => {
    const text =
      'The cafe offers WiFi and Bluetooth speakers. Download the PDF or read the JavaScript guide. ' +
      'Phones run Android.';

    const entities = entitiesOf(text, [
      ['ORG', 'WiFi'],
      ['ORG', 'Bluetooth'],
      ['ORG', 'PDF'],
      ['LOC', 'JavaScript'],
      ['PER', 'Android'],
    ]);

    for (const name of ['WiFi', 'Bluetooth', 'PDF', 'JavaScript', 'Android'])
      expect(typeOf(entities, name)).toEqual(['other']);
  });

  it('make an other of a name read as a person that holds one ("Gentoo Linux"), not of an organisation', () => {
    const text = 'Install Velvet Linux first. The Python Software Foundation approved it.';

    const entities = entitiesOf(text, [
      ['PER', 'Velvet Linux'],
      ['ORG', 'Python Software Foundation'],
    ]);

    expect(typeOf(entities, 'Velvet Linux')).toEqual(['other']);
    expect(typeOf(entities, 'Python Software Foundation')).toEqual(['organization']);
  });

  it('drops a lone article of another language that the tagger cut from a name ("El")', () => {
    const text = 'El Mirador reported it. El said more.';

    const entities = entitiesOf(text, [
      ['ORG', 'El Mirador'],
      ['PER', 'El'],
    ]);

    expect(names(entities)).toEqual(['El Mirador']);
  });

  it('drops abbreviations of common nouns and the cookie banner', () => {
    const text = 'The CEO said the IPO is set.\nCookies\nPrivacy Policy';

    const entities = entitiesOf(text, [
      ['ORG', 'CEO'],
      ['ORG', 'IPO'],
      ['ORG', 'Cookies'],
      ['ORG', 'Privacy Policy'],
    ]);

    expect(names(entities)).toEqual([]);
  });
});

describe('a product or a craft by what the article says of it', () => {
  it('is an other when a model number ends a name read as a person', () => {
    const text = 'She bought a Lumetra X7 and later saw Starhopper 3 lift off.';

    const entities = entitiesOf(text, [
      ['PER', 'Lumetra X7'],
      ['PER', 'Starhopper 3'],
    ]);

    expect(typeOf(entities, 'Lumetra X7')).toEqual(['other']);
    expect(typeOf(entities, 'Starhopper 3')).toEqual(['other']);
  });

  it('keeps a person whose name opens with a digit ("50 Cent")', () => {
    const text = 'The rapper 9Volt met 40 Grand at the show.';

    const entities = entitiesOf(text, [
      ['PER', '9Volt'],
      ['PER', '40 Grand'],
    ]);

    expect(typeOf(entities, '9Volt')).toEqual(['person']);
    expect(typeOf(entities, '40 Grand')).toEqual(['person']);
  });

  it('is a drug when its generic name stands in brackets beside it', () => {
    const text =
      'Velmora (zapotinib) was approved in 2019. Patients resistant to Velmora may take dorvastatin (Kestrel).';

    const entities = entitiesOf(text, [
      ['PER', 'Velmora'],
      ['LOC', 'Kestrel'],
    ]);

    expect(typeOf(entities, 'Velmora')).toEqual(['other']);
    expect(typeOf(entities, 'Kestrel')).toEqual(['other']);
  });

  it('is a craft or a programme before "mission", "rover" or "telescope", when read as a person', () => {
    const text =
      'The Venus Skylark mission landed in 1998. Engineers said Venus Skylark sent images. ' +
      'The Kosovo mission ended.';

    const entities = entitiesOf(text, [
      ['PER', 'Venus Skylark'],
      ['LOC', 'Kosovo'],
    ]);

    expect(typeOf(entities, 'Venus Skylark')).toEqual(['other']);
    expect(entities.find((entity) => entity.name === 'Venus Skylark')?.count).toBe(2);
    expect(typeOf(entities, 'Kosovo')).toEqual(['place']);
  });

  it('is a product after a container ("cans of", "a bottle of")', () => {
    const text = 'A boy sold cans of Fizzlo, and we drank a bottle of Marrow Springs.';

    const entities = entitiesOf(text, [
      ['LOC', 'Fizzlo'],
      ['PER', 'Marrow Springs'],
    ]);

    expect(typeOf(entities, 'Fizzlo')).toEqual(['other']);
    expect(typeOf(entities, 'Marrow Springs')).toEqual(['other']);
  });

  it('is a product before "phones" or "app", unless read as an organisation', () => {
    const text = 'Most Zephyrine phones ship late, but Orvane phones sell.';

    const entities = entitiesOf(text, [
      ['PER', 'Zephyrine'],
      ['ORG', 'Orvane'],
    ]);

    expect(typeOf(entities, 'Zephyrine')).toEqual(['other']);
    expect(typeOf(entities, 'Orvane')).toEqual(['organization']);
  });
});

describe('a common word that opens a line or a numbered item', () => {
  it('is no name when the article writes it in lower case elsewhere or it reads as a participle', () => {
    const text =
      'Autumn table ideas\n\nLantern\n\nPut a lantern on the table.\n\nOur picks: 1) Toasted, 2) Candied, 3) Salted.';

    const entities = entitiesOf(text, [
      ['LOC', 'Lantern'],
      ['ORG', 'Toasted'],
      ['ORG', 'Candied'],
      ['ORG', 'Salted'],
    ]);

    expect(names(entities)).toEqual([]);
  });

  it('stays a name when the article capitalises it inside a sentence too', () => {
    const text = 'Lantern\n\nWe met the founders of Lantern, a lantern maker.';

    const entities = entitiesOf(text, [['ORG', 'Lantern']]);

    expect(typeOf(entities, 'Lantern')).toEqual(['organization']);
  });

  it('stays a name when the gazetteers know it, or when nothing makes it a common word', () => {
    const text = 'Boston\n\nThe boston fern grows here.\n\nHalvorsen\n\nHalvorsen wrote this.';

    const entities = entitiesOf(text, [
      ['LOC', 'Boston'],
      ['PER', 'Halvorsen'],
    ]);

    expect(typeOf(entities, 'Boston')).toEqual(['place']);
    expect(typeOf(entities, 'Halvorsen')).toEqual(['person']);
  });
});

describe('one type per name per article', () => {
  it('gives a name read twice as each of two types one type outside sports', () => {
    const text =
      'Brassfield paid the fine. Brassfield owns hotels. Staff at Brassfield said so. ' +
      'Brassfield denied it. Brassfield announced a merger.';

    const entities = typedInTurn(text, 'Brassfield', ['ORG', 'PER', 'PER', 'ORG', 'ORG']);

    expect(typeOf(entities, 'Brassfield')).toEqual(['organization']);
  });

  it('is the company when the article names it in full with a company word ("Telerate Inc.")', () => {
    const text =
      'Quillon Inc. cut jobs. Quillon said sales fell. Analysts expect Quillon to recover. Quillon agreed.';
    const mentions: EntityMention[] = [{ type: 'ORG', start: 0, end: 12, text: 'Quillon Inc.' }];
    let start = text.indexOf('Quillon', 12);
    for (const type of ['PER', 'PER', 'ORG'] as const) {
      mentions.push({ type, start, end: start + 7, text: 'Quillon' });
      start = text.indexOf('Quillon', start + 1);
    }

    const entities = buildEntities(text, mentions);

    expect(typeOf(entities, 'Quillon Inc.')).toEqual(['organization']);
    expect(typeOf(entities, 'Quillon')).toEqual([]);
  });

  it('keeps the city and its team apart in a sports report', () => {
    const text =
      'Dunmore beat Kelso 2-1 in the league match. Fans in Dunmore cheered the coach. The goals came late, ' +
      'and Dunmore now lead. Dunmore, a mill town, will host the next match.';

    const entities = typedInTurn(text, 'Dunmore', ['ORG', 'LOC', 'ORG', 'LOC']);

    expect(typeOf(entities, 'Dunmore').sort()).toEqual(['organization', 'place']);
  });

  it('reads sports words written with the long s or the Kelvin sign as sports words', () => {
    // The case-insensitive Unicode search folds "ſ" to "s" and "K" to "k"; the ASCII one it runs otherwise does not.
    const text =
      'Dunmore beat Kelso in the ſeaſon opener. Fans in Dunmore ſaw the ſtriKer. He ſcored late, ' +
      'and Dunmore now lead. Dunmore, a mill town, will host the next one.';

    const entities = typedInTurn(text, 'Dunmore', ['ORG', 'LOC', 'ORG', 'LOC']);

    expect(typeOf(entities, 'Dunmore').sort()).toEqual(['organization', 'place']);
  });
});
