/**
 * The type of a name whose first word the tagger left out (session 23, issue 10): the joined name no longer takes the
 * type the tagger gave its last word alone ("Air France" a place, "Blue Ruin" a person). Each case is text written
 * for this test; the tagged mentions reproduce what the tagger returned.
 */
import { describe, expect, it } from 'vitest';
import { entitiesOf, typeOf } from './tagged-mentions.ts';

describe('a name joined to the word the tagger left out', () => {
  it('is no person where the word is no first name and nothing marks a person', () => {
    const text =
      'The festival opened with Grey Harbour, a thriller shot in ten days. Critics compared Grey Harbour ' +
      'with the films of the seventies.';

    const entities = entitiesOf(text, [['PER', 'Harbour']]);

    expect(typeOf(entities, 'Grey Harbour')).toEqual(['other']);
  });

  it('stays a person after a first name, a role, or before a person’s cue', () => {
    const first = 'The pump built by Dean Okoro ran well, and in spring Dean Okoro tested it again.';
    const role =
      'The salon opened in May, said founder Lark Odum, and the plans of Lark Odum include two more.';
    const cue =
      'In a new video, Promise Tabang turns herself into a dragon, and fans of Promise Tabang loved it.';

    expect(typeOf(entitiesOf(first, [['PER', 'Okoro']]), 'Dean Okoro')).toEqual(['person']);
    expect(typeOf(entitiesOf(role, [['PER', 'Odum']]), 'Lark Odum')).toEqual(['person']);
    expect(typeOf(entitiesOf(cue, [['PER', 'Tabang']]), 'Promise Tabang')).toEqual(['person']);
  });

  it('is no place where a known place follows a word that names no part of it', () => {
    const text =
      'Passengers of the Air France flight waited for hours, and the Air France staff said the plane would leave ' +
      'at noon. Storms crossed Southwest England overnight, and the rivers of Southwest England flooded.';

    const entities = entitiesOf(text, [
      ['LOC', 'France'],
      ['LOC', 'England'],
    ]);

    expect(typeOf(entities, 'Air France')).toEqual(['organization']);
    expect(typeOf(entities, 'Southwest England')).toEqual(['place']);
  });
});

describe('a name after a model’s code', () => {
  it('is the model’s name, an other, where the tagger read a person', () => {
    const text =
      'The crew of the KC135 Osprey tanker saw the debris first, and a ZX-40 Falcon flew over the coast.';

    const entities = entitiesOf(text, [
      ['PER', 'Osprey'],
      ['PER', 'Falcon'],
    ]);

    expect(typeOf(entities, 'KC135 Osprey')).toEqual(['other']);
    expect(typeOf(entities, 'ZX-40 Falcon')).toEqual(['other']);
    expect(typeOf(entities, 'Osprey')).toEqual([]);
  });
});

describe('a name run into a quotation', () => {
  it('is cut at the quotation mark, each part kept where the article names it elsewhere', () => {
    const text =
      'He has scored nine goals in the Coastal League. He has scored nine in the Coastal League ' +
      "'Jon showed real courage,' the manager said.";

    const entities = entitiesOf(text, [
      ['ORG', "Coastal League 'Jon"],
      ['ORG', 'Coastal League'],
    ]);

    expect(entities.map((entity) => [entity.type, entity.name, entity.count])).toEqual([
      ['organization', 'Coastal League', 2],
    ]);
  });

  it('keeps a possessive written apart, as CoNLL writes it', () => {
    const text = "The match at Lord 's ended early. Rain stopped play at Lord 's again.";

    const entities = entitiesOf(text, [['LOC', "Lord 's"]]);

    expect(entities).toHaveLength(1);
  });
});
