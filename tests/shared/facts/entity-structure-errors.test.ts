/**
 * Entity errors of the kinds a reader spotted on real pages in session 17 (a county or a town typed an
 * organisation by the tagger's majority, a company read as a person in full, a company listed among companies
 * read as a place, a legislator's party tag read as a place), each on text written for this test. The tagged
 * mentions reproduce what the tagger returned, so each case holds the rule whatever a retrained model does.
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

describe('a county', () => {
  it('is a place where the tagger read an organisation, its majority notwithstanding', () => {
    const text =
      'Brannock County approved the levy. Voters in Brannock County were split. Brannock County grew.';

    const entities = typedInTurn(text, 'Brannock County', ['ORG', 'LOC', 'ORG']);

    expect(typeOf(entities, 'Brannock County')).toEqual(['place']);
  });

  it('stays the school a school’s noun heads', () => {
    const text =
      'She studied at the University of Wessex Brannock County. The University of Wessex Brannock County hired her.';

    const entities = entitiesOf(text, [['ORG', 'University of Wessex Brannock County']]);

    expect(typeOf(entities, 'University of Wessex Brannock County')).toEqual(['organization']);
  });

  it('stays a team in a table of results', () => {
    const text = 'Results:\n\nHollins County 2 Marlow 1\n\nTeviot 0 Ashby 3';

    const entities = entitiesOf(text, [['ORG', 'Hollins County']]);

    expect(typeOf(entities, 'Hollins County')).toEqual(['organization']);
  });

  it('makes a place of a one-word name the article sets in it', () => {
    const text =
      'Which town draws generals? Orlen in Tapley County, of course. Orlen has a museum, and Orlen has a brewery.';

    const entities = entitiesOf(text, [
      ['ORG', 'Orlen'],
      ['LOC', 'Tapley County'],
    ]);

    expect(typeOf(entities, 'Orlen')).toEqual(['place']);
  });
});

describe('a company read as a person named in full', () => {
  it.each([
    'Senators grilled Harrow Vance CEO John Stumpf on Tuesday. Harrow Vance bankers opened accounts.',
    'Harrow Vance’s chief executive resigned. Harrow Vance paid the fine.',
    'He met the CEO of Harrow Vance. Harrow Vance paid the fine.',
  ])('is an organisation by an executive’s title beside it (%j)', (text) => {
    const entities = entitiesOf(text, [
      ['PER', 'Harrow Vance'],
      ['PER', 'John Stumpf'],
    ]);

    expect(typeOf(entities, 'Harrow Vance')).toEqual(['organization']);
  });

  it('stays a person when the title is the person’s own', () => {
    const text = 'He worked with Mr. Dario Quental CEO in Quental Global for years. Dario Quental said so.';

    const entities = entitiesOf(text, [['PER', 'Dario Quental']]);

    expect(typeOf(entities, 'Dario Quental')).toEqual(['person']);
  });

  it('is an organisation by a quarter’s results, and so is its first word alone', () => {
    const text =
      'Harrow Vance earned $4.9 billion in the fourth quarter, the company said. Harrow paid $1.1 billion in fines.';

    const entities = entitiesOf(text, [
      ['PER', 'Harrow Vance'],
      ['PER', 'Harrow'],
    ]);

    expect(typeOf(entities, 'Harrow Vance')).toEqual(['organization']);
    expect(typeOf(entities, 'Harrow')).toEqual(['organization']);
  });

  it('is an organisation by its web address ("Amazon.com")', () => {
    const text = 'The court found that Zandor.com can be held liable. Zandor sold the battery.';

    const entities = entitiesOf(text, [['PER', 'Zandor']]);

    expect(typeOf(entities, 'Zandor')).toEqual(['organization']);
  });
});

describe('a plural name counted as people are', () => {
  it('is a group, an organisation, where the tagger read a place', () => {
    const text =
      'The Red Herons did not hate anyone. His men shot two Red Herons on the campus. Few trusted the Red Herons.';

    const entities = entitiesOf(text, [['LOC', 'Red Herons']]);

    expect(typeOf(entities, 'Red Herons')).toEqual(['organization']);
  });

  it('leaves a place the article does not count, and a table’s figures, alone', () => {
    const text = 'Snow fell on the Brecon Highlands. Results: Wales 2 Belarus 1.';

    const entities = entitiesOf(text, [
      ['LOC', 'Brecon Highlands'],
      ['LOC', 'Wales'],
      ['LOC', 'Belarus'],
    ]);

    expect(typeOf(entities, 'Brecon Highlands')).toEqual(['place']);
    expect(typeOf(entities, 'Wales')).toEqual(['place']);
    expect(typeOf(entities, 'Belarus')).toEqual(['place']);
  });

  it('makes no organisation of the people of a place the gazetteers know: a nationality, an other', () => {
    const text = 'The ferry carried 40 passengers, among them three Indonesians and two Canadians.';

    const entities = entitiesOf(text, [['LOC', 'Indonesians']]);

    expect(typeOf(entities, 'Indonesians')).toEqual(['other']);
  });
});

describe('a name listed among organisations', () => {
  it('is an organisation in a list of three or more whose others are all organisations', () => {
    const text = 'Microsoft, Quorvia and Google all declined to comment. Quorvia runs a cloud business.';

    const entities = entitiesOf(text, [
      ['ORG', 'Microsoft'],
      ['LOC', 'Quorvia'],
      ['ORG', 'Google'],
    ]);

    expect(typeOf(entities, 'Quorvia')).toEqual(['organization']);
  });

  it('keeps its type beside a single organisation ("Trump and Congress")', () => {
    const text = 'Halloran and Congress clashed again. Halloran said so.';

    const entities = entitiesOf(text, [
      ['PER', 'Halloran'],
      ['ORG', 'Congress'],
    ]);

    expect(typeOf(entities, 'Halloran')).toEqual(['person']);
  });
});

describe('a legislator’s party and state in brackets', () => {
  it('is no mention of the state, however the tagger cut it', () => {
    const text =
      'Sen. Marla Quist (R-Ohio) and Rep. Dan Ebbets (D-Newport News) spoke. Ohio voters listened.';

    const entities = entitiesOf(text, [
      ['PER', 'Marla Quist'],
      ['PER', 'Dan Ebbets'],
      ['LOC', 'Ohio'],
      ['ORG', 'D-Newport News'],
    ]);

    expect(names(entities)).toEqual(['Dan Ebbets', 'Marla Quist', 'Ohio']);
    expect(entities.find((entity) => entity.name === 'Ohio')?.count).toBe(1);
  });
});
