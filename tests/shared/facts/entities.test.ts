import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import { keyOf } from '#shared/facts/entity-mentions.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { randomText } from '../../helpers/random-text.ts';
import { taggedMentions } from './tagged-mentions.ts';

type Surfaces = ReadonlyArray<readonly [NerType, string]>;

function entitiesOf(text: string, surfaces: Surfaces, title?: string) {
  return buildEntities(text, taggedMentions(text, surfaces), { title });
}

describe('buildEntities', () => {
  it.each([
    [
      'US Secretary of State Antony Blinken arrived. Blinken met officials.',
      [
        ['PER', 'Antony Blinken'],
        ['PER', 'Blinken'],
      ],
      'Antony Blinken',
      ['Blinken'],
    ],
    [
      'Chinese President Xi Jinping spoke. Later Xi left.',
      [
        ['PER', 'Xi Jinping'],
        ['PER', 'Xi'],
      ],
      'Xi Jinping',
      ['Xi'],
    ],
    [
      'Wang Yi met Blinken’s team. Blinken’s visit was long, Wang said.',
      [
        ['PER', 'Wang Yi'],
        ['PER', 'Wang'],
      ],
      'Wang Yi',
      ['Wang'],
    ],
    [
      'The Central Intelligence Agency said the CIA chief would travel.',
      [
        ['ORG', 'Central Intelligence Agency'],
        ['ORG', 'CIA'],
      ],
      'Central Intelligence Agency',
      ['CIA'],
    ],
    [
      'The United States and the U.S. allies agreed.',
      [
        ['LOC', 'United States'],
        ['LOC', 'U.S.'],
      ],
      'United States',
      ['U.S.'],
    ],
  ] as const)('merges the aliases of %j into one entity', (text, surfaces, name, aliases) => {
    const entities = entitiesOf(text, surfaces);

    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ name, aliases });
  });

  it.each([
    ['the State Department said', 'the State Department', 'State Department'],
    ['Blinken’s visit', 'Blinken’s', 'Blinken'],
    ["Blinken's visit", "Blinken's", 'Blinken'],
    ['the officials’ talks with Reuters.', 'Reuters.', 'Reuters'],
    ['shares of Acme Inc. rose', 'Acme Inc.', 'Acme Inc.'],
    ['a win for Proleter (Zrenjanin) today', 'Proleter (Zrenjanin)', 'Proleter (Zrenjanin)'],
    ['Despite Blinken’s presence', 'Despite Blinken’s', 'Blinken'],
    ['since President Joe Biden took office', 'President Joe Biden', 'Joe Biden'],
    ['US Secretary of State Antony Blinken met', 'US Secretary of State Antony Blinken', 'Antony Blinken'],
    ['from US Secretary of Defense Lloyd Austin to', 'Defense Lloyd Austin', 'Lloyd Austin'],
  ] as const)('trims the tagged name in %j: %s becomes %s', (text, tagged, name) => {
    const type: NerType = /Department|Reuters|Inc|Proleter|Defense/.test(tagged) ? 'ORG' : 'PER';
    const [entity] = entitiesOf(text, [[type, tagged]]);

    expect(entity?.name).toBe(name);
    expect(text.slice(entity?.mentions[0]?.start, entity?.mentions[0]?.end)).toBe(name);
  });

  it.each([
    [
      'talks with the People’s Republic of China today',
      'LOC',
      'People’s Republic',
      'People’s Republic of China',
    ],
    ['a loan from the Bank of England last year', 'ORG', 'Bank', 'Bank of England'],
    ['she studied at the University of Vienna for years', 'ORG', 'University', 'University of Vienna'],
  ] as const)('joins a name split at "of" in %j', (text, type, head, name) => {
    const complement = name.slice(head.length + ' of '.length);

    const entities = entitiesOf(text, [
      [type, head],
      ['LOC', complement],
    ]);

    expect(entities.map((entity) => [entity.type, entity.name])).toEqual([
      [type === 'LOC' ? 'place' : 'organization', name],
    ]);
  });

  it('keeps a person named after "of" apart from the name before it', () => {
    const text = 'a gift from the Republic of Jane Smith';

    const entities = entitiesOf(text, [
      ['LOC', 'Republic'],
      ['PER', 'Jane Smith'],
    ]);

    expect(entities.map((entity) => entity.name)).toEqual(expect.arrayContaining(['Republic', 'Jane Smith']));
  });

  it.each([
    ['a request from US Secretary of Defense Lloyd Austin', 'Defense'],
    ['said the Minister of Foreign Affairs on Monday', 'Foreign Affairs'],
  ])('drops a mention that only completes a title in %j', (text, complement) => {
    const entities = entitiesOf(text, [
      ['MISC', complement],
      ['PER', 'Lloyd Austin'],
    ]);

    expect(entities.map((entity) => entity.name)).not.toContain(complement);
  });

  it('drops a capital "The" only when the article also writes the name without it', () => {
    const text = 'The State Department said so. Later State Department staff met at The Hague.';

    const entities = entitiesOf(text, [
      ['ORG', 'The State Department'],
      ['ORG', 'State Department'],
      ['LOC', 'The Hague'],
    ]);

    expect(entities.map((entity) => [entity.name, entity.count])).toEqual(
      expect.arrayContaining([
        ['State Department', 2],
        ['The Hague', 1],
      ]),
    );
  });

  it('keeps a name tagged several times with each of two types as two entities in a sports report', () => {
    const text =
      'New York beat Boston in the league match. In New York, fans cheered the coach. Tickets for New York ' +
      'sold out in New York before the next match.';
    const mentions = taggedMentions(text, [['LOC', 'New York']]).map((mention, index) =>
      index % 2 === 0 ? mention : { ...mention, type: 'ORG' as const },
    );

    const entities = buildEntities(text, mentions);

    expect(entities.map((entity) => [entity.type, entity.name, entity.count]).sort()).toEqual([
      ['organization', 'New York', 2],
      ['place', 'New York', 2],
    ]);
  });

  it('gives a name tagged once with a stray type the type it has elsewhere', () => {
    const text = 'Blinken spoke. Blinken left. Blinken returned.';
    const mentions = taggedMentions(text, [['PER', 'Blinken']]).map((mention, index) =>
      index === 1 ? { ...mention, type: 'ORG' as const } : mention,
    );

    const entities = buildEntities(text, mentions);

    expect(entities).toMatchObject([{ type: 'person', name: 'Blinken', count: 3 }]);
  });

  it('attaches the short name to the latest full name mentioned before it', () => {
    const text = 'Joe Biden spoke first. Jill Biden followed. Biden smiled.';

    const entities = entitiesOf(text, [
      ['PER', 'Joe Biden'],
      ['PER', 'Jill Biden'],
      ['PER', 'Biden'],
    ]);

    expect(entities.find((entity) => entity.name === 'Jill Biden')?.count).toBe(2);
    expect(entities.find((entity) => entity.name === 'Joe Biden')?.count).toBe(1);
  });

  it('does not merge a place into a person who shares a word of its name', () => {
    const text = 'George Washington was born in Virginia. Washington is the capital.';

    const entities = entitiesOf(text, [
      ['PER', 'George Washington'],
      ['LOC', 'Washington'],
    ]);

    expect(entities.map((entity) => [entity.type, entity.name])).toEqual(
      expect.arrayContaining([
        ['person', 'George Washington'],
        ['place', 'Washington'],
      ]),
    );
  });

  it('adds later mentions of a known name that the tagger missed', () => {
    const text = 'Antony Blinken landed. Officials said Blinken would stay, and Blinken did.';
    const mentions = taggedMentions(text, [['PER', 'Antony Blinken']]);

    const [entity] = buildEntities(text, mentions);

    expect(entity).toMatchObject({ name: 'Antony Blinken', aliases: ['Blinken'], count: 3 });
  });

  it('does not add a mention inside a longer capitalised name', () => {
    const text = 'China protested. Ships sailed the South China Sea.';

    const mentions = taggedMentions(text, [['LOC', 'China']]).slice(0, 1);

    const [entity] = buildEntities(text, mentions);

    expect(entity).toMatchObject({ name: 'China', count: 1 });
  });

  it.each([
    ['US Secretary of State Antony Blinken met Xi.', 'Antony Blinken', 'US Secretary of State'],
    ['Blinken met Chinese President Xi Jinping.', 'Xi Jinping', 'Chinese President'],
    ['Blinken met with China’s top diplomat Wang Yi for three hours.', 'Wang Yi', 'China’s top diplomat'],
    ['He met Chinese Foreign Minister Qin Gang.', 'Qin Gang', 'Chinese Foreign Minister'],
    ['She met Microsoft co-founder Bill Gates.', 'Bill Gates', 'Microsoft co-founder'],
    ['CIA chief William Burns traveled.', 'William Burns', 'CIA chief'],
    [
      'and Biden’s national security adviser Jake Sullivan met',
      'Jake Sullivan',
      'Biden’s national security adviser',
    ],
    [
      'a request from US Secretary of Defense Lloyd Austin to meet',
      'Lloyd Austin',
      'US Secretary of Defense',
    ],
    ['since President Joe Biden took office', 'Joe Biden', 'President'],
    ['Lloyd Austin, the US defense secretary, said no.', 'Lloyd Austin', 'US defense secretary'],
  ])('finds the role in %j', (text, name, role) => {
    const [entity] = entitiesOf(text, [['PER', name]]).filter((candidate) => candidate.name === name);

    expect(entity?.roles).toEqual([role]);
  });

  it('keeps other people’s names out of a role', () => {
    const text =
      'The film Saint Katherine stars Nicole Keniheart. Nicole Keniheart Director Michael Redwood spoke.';

    const entities = entitiesOf(text, [
      ['PER', 'Nicole Keniheart'],
      ['PER', 'Michael Redwood'],
    ]);

    expect(entities.find((entity) => entity.name === 'Michael Redwood')?.roles).toEqual(['Director']);
  });

  it('merges a name tagged with another type only as a surname', () => {
    const text = 'Gordon Brown spoke. Labour agreed with Brown.';
    const mentions = taggedMentions(text, [
      ['PER', 'Gordon Brown'],
      ['ORG', 'Labour'],
      ['ORG', 'Brown'],
    ]);

    const entities = buildEntities(text, mentions);

    expect(entities.map((entity) => [entity.type, entity.name, entity.count]).sort()).toEqual([
      ['organization', 'Labour', 1],
      ['person', 'Gordon Brown', 2],
    ]);
  });

  it('keeps a person named by first name a person after a list cue ("contractors … like Mitchell")', () => {
    const text =
      'Mitchell Roberts sued us. Mitchell did some work for me. Most contractors here, independents like ' +
      'Mitchell, do not know the rules.';
    const mentions = taggedMentions(text, [
      ['PER', 'Mitchell Roberts'],
      ['PER', 'Mitchell'],
      ['PER', 'Mitchell'],
    ]);

    const entities = buildEntities(text, mentions);

    expect(entities.map((entity) => [entity.type, entity.name, entity.count])).toEqual([
      ['person', 'Mitchell Roberts', 3],
    ]);
  });

  it.each([
    ['Blinken met Xi Jinping.', 'Xi Jinping'],
    ['In talks between Blinken and Xi Jinping, both spoke.', 'Xi Jinping'],
    ['Lloyd Austin, Blinken and Xi met.', 'Lloyd Austin'],
  ])('finds no role in %j', (text, name) => {
    const [entity] = entitiesOf(text, [['PER', name]]);

    expect(entity?.roles).toBeUndefined();
  });

  it('ranks entities by salience, the headline counting for more', () => {
    const text = 'Beijing hosted talks. Beijing was calm. Blinken arrived late in Beijing.';

    const entities = entitiesOf(
      text,
      [
        ['LOC', 'Beijing'],
        ['PER', 'Blinken'],
      ],
      'Blinken visits',
    );

    expect(entities.map((entity) => entity.name)).toEqual(['Beijing', 'Blinken']);
    expect(entities[0]?.salience).toBe(1);
    expect(entities[1]?.salience).toBeGreaterThan(0.5);
    expect(entities[1]?.salience).toBeLessThan(1);
  });

  it('drops tagged mentions with no capital letter', () => {
    expect(entitiesOf('the first secretary of state', [['PER', 'secretary']])).toEqual([]);
  });

  it('reads "People’s" as the start of a name, never as a person ("the People’s Republic of China")', () => {
    const text =
      'Talks between the United States and the People’s Republic of China went on. ' +
      "The People's Liberation Army watched, the People’s Daily wrote.";
    const entities = entitiesOf(text, [
      ['LOC', 'United States'],
      ['PER', 'People'],
      ['LOC', 'China'],
    ]);

    expect(entities.map((entity) => [entity.type, entity.name])).toEqual(
      expect.arrayContaining([
        ['place', 'People’s Republic of China'],
        ['organization', "People's Liberation Army"],
        ['organization', 'People’s Daily'],
      ]),
    );
    expect(entities.some((entity) => entity.type === 'person')).toBe(false);
  });

  it.each([
    [
      'North Oakland and West Oakland are quieter. Oakland has a famous Chinatown, and Oakland rewards a walk.',
      [
        ['LOC', 'North Oakland'],
        ['LOC', 'West Oakland'],
        ['PER', 'Oakland'],
      ],
      'Oakland',
    ],
    [
      'Socotra is a jewel. The dunes of Socotra Island are white, and Socotra has rare trees.',
      [
        ['LOC', 'Socotra Island'],
        ['PER', 'Socotra'],
      ],
      'Socotra',
    ],
  ] as const)(
    'types a one-word "person" a place when the article names a part or feature of it (%j)',
    (text, surfaces, name) => {
      const entities = entitiesOf(text, surfaces);

      expect(entities.find((entity) => entity.name === name)?.type).toBe('place');
      expect(entities.some((entity) => entity.type === 'person')).toBe(false);
    },
  );

  it('keeps a person a person beside a place named after someone ("Washington" and "Washington Heights")', () => {
    const text = 'Washington Heights is busy. Mr. George Washington said so, and Washington left.';
    const entities = entitiesOf(text, [
      ['LOC', 'Washington Heights'],
      ['PER', 'George Washington'],
      ['PER', 'Washington'],
    ]);

    expect(entities.find((entity) => entity.name === 'George Washington')?.type).toBe('person');
  });

  it.each([
    ['Forces were measured as the ground reaction force (GRF). The GRF peaked early.', 'GRF'],
    ['Healthy ants die sooner when ingesting ROS [reactive oxygen species]. ROS harm cells.', 'ROS'],
    ['Most homes use the compact fluorescent light (CFL). CFLs contain mercury, and a CFL breaks.', 'CFL'],
  ])('drops an acronym the article spells out as a term in lower case (%j)', (text, acronym) => {
    const entities = entitiesOf(text, [
      ['ORG', acronym],
      ['ORG', `${acronym}s`],
    ]);

    expect(entities).toEqual([]);
  });

  it('keeps an acronym spelled out in capitals, even where the tagger missed the full name', () => {
    const text = 'The walk-ins were run by the Alliance to Reclaim Our Schools (AROS). AROS said so.';

    expect(entitiesOf(text, [['ORG', 'AROS']]).map((entity) => entity.name)).toEqual(['AROS']);
  });

  it('keeps an acronym of a name the article tags ("the Computing Research Association (CRA)")', () => {
    const text = 'Data come from the Computing Research Association (CRA). The CRA surveys departments.';
    const entities = entitiesOf(text, [
      ['ORG', 'Computing Research Association'],
      ['ORG', 'CRA'],
    ]);

    expect(entities.map((entity) => entity.type)).toEqual(['organization']);
    expect(entities[0]?.aliases).toContain('CRA');
  });

  it('types a one-word name a person when it is the subject of a verb with "his" or "her" ("Byron received his")', () => {
    const text =
      'Byron received his early education in Aberdeen. Letters to Byron survive, and Byron wrote poems.';
    const entities = entitiesOf(text, [
      ['LOC', 'Byron'],
      ['LOC', 'Aberdeen'],
    ]);

    expect(entities.find((entity) => entity.name === 'Byron')?.type).toBe('person');
    expect(entities.find((entity) => entity.name === 'Aberdeen')?.type).toBe('place');
  });

  it.each([
    ['Tests in Cologne proved his innocence, and Cologne was quiet.', 'Cologne'],
    ['He grew up in Moravia and his music kept its tunes. Moravia is green.', 'Moravia'],
    ['Later Boise gave his name to a street, and Boise grew.', 'Boise'],
  ])(
    'keeps a place a place when "his" follows it as no subject, or when it is a known place (%j)',
    (text, name) => {
      const entities = entitiesOf(text, [['LOC', name]]);

      expect(entities.find((entity) => entity.name === name)?.type).toBe('place');
    },
  );

  it('types a name a person from such a sentence where the tagger read it as a person once and else as an organisation', () => {
    const text =
      'He stayed with Pachomius. Later Pachomius called him, and Pachomius fully trusted his aide.';
    const mention = (start: number, type: NerType) => ({ type, start, end: start + 9, text: 'Pachomius' });
    const entities = buildEntities(text, [mention(15, 'ORG'), mention(32, 'PER'), mention(58, 'ORG')]);

    expect(entities.map((entity) => [entity.type, entity.mentions.length])).toEqual([['person', 3]]);
  });

  it('keeps an organisation an organisation as the subject of such a sentence ("Neighbors said his")', () => {
    const text = 'Neighbors said his car was gone. Neighbors called the police.';

    expect(entitiesOf(text, [['ORG', 'Neighbors']]).map((entity) => entity.type)).toEqual(['organization']);
  });
});

describe('keyOf', () => {
  /** What keyOf did before its early return: the three replacements, always. */
  const byReplacing = (surface: string) =>
    surface.replace(/[’‘`]/g, "'").replaceAll('.', '').replace(/\s+/gu, ' ');
  const alphabet = [
    'a',
    'B',
    ' ',
    '\t',
    '\n',
    '\u00a0',
    '\u2009',
    '\u3000',
    '.',
    '’',
    '‘',
    '`',
    "'",
    'é',
    '-',
  ];

  it('keys 3,000 random surfaces as the three replacements do', () => {
    for (let seed = 1; seed <= 3000; seed += 1) {
      const surface = randomText(seed, 1 + (seed % 12), alphabet);
      expect(keyOf(surface), JSON.stringify(surface)).toBe(byReplacing(surface));
    }
  });
});
