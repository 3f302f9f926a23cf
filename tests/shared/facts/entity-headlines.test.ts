import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import { confirmHeadlineNames, headlineLines } from '#shared/facts/entity-headlines.ts';
import { entitiesOf, taggedMentions } from './tagged-mentions.ts';

const BODY =
  'Senator Jane Roe questioned the chief of Acme Bank on Tuesday. Jane Roe said the bank hammers its ' +
  'customers with fees, and the party backed her.';

describe('names in a Title Case headline line', () => {
  it('cuts a headline name to the parts the body tags, typed as the body types them', () => {
    const text = `Jane Roe Hammers Acme Bank Over Fees\n${BODY}`;
    const entities = entitiesOf(text, [
      ['PER', 'Jane Roe Hammers Acme Bank'],
      ['PER', 'Jane Roe'],
      ['ORG', 'Acme Bank'],
    ]);
    const names = Object.fromEntries(entities.map((entity) => [entity.name, entity.type]));
    expect(names).toEqual({ 'Jane Roe': 'person', 'Acme Bank': 'organization' });
    expect(entities.find((entity) => entity.name === 'Jane Roe')?.count).toBe(3);
  });

  it('drops a headline name that the body never tags', () => {
    const text = `Poll: Wealthy Voters Abandon Party for Jane Roe\n${BODY}`;
    const tagged = taggedMentions(text, [
      ['ORG', 'Wealthy Voters Abandon Party'],
      ['PER', 'Jane Roe'],
    ]);
    const kept = confirmHeadlineNames(text, tagged).map((mention) => mention.text);
    expect(kept).toEqual(['Jane Roe', 'Jane Roe', 'Jane Roe']);
  });

  it('keeps a headline name the body tags in full', () => {
    const text = `Jane Roe Hammers Acme Bank Over Fees\n${BODY}`;
    const tagged = taggedMentions(text, [['ORG', 'Acme Bank']]);
    expect(confirmHeadlineNames(text, tagged)).toEqual(tagged);
  });

  it.each([
    ['a list of names', 'Squad: Jon Pike, Ted Marsh, Ola Brandt, Tim Fell\nThe squad hammers the party.'],
    ['a results table', 'Harbour United Beat Dockside Rovers 3 1\nThe party hammers the united side.'],
    ['a sentence', 'Jane Roe hammers Acme Bank over its fees\nThe party hammers the bank.'],
    ['a line in capitals', 'SENATOR HAMMERS ACME BANK\nThe senator hammers the bank.'],
    ['a line whose capitals the body never writes in lower case', 'Jon Pike Ted Marsh Ola Brandt\nThey won.'],
    [
      'lines of a list',
      'Signed by\nAnn Lee, Hollow Hills University\nTed Marsh, Hollow Hills University\nThe university hammers the party.',
    ],
    ['a label before names', 'Player of the Match: Ann Lee\nThe player hammers the match ball.'],
    [
      'a line with an email address',
      'Jane Roe Arthur Pike\nWrite to jane.roe@example.org or arthur@example.org.',
    ],
  ])('does not read %s as a headline', (_, text) => {
    expect(headlineLines(text)).toEqual([]);
  });

  it('keeps a headline name the body tags inside a longer one, and drops a part that is a common word', () => {
    const text = `Acme Bank Loses Appeal In Court\nThe Acme Bank lost its appeal, the court said. Court reporters left.`;
    const tagged = [
      ...taggedMentions(text, [
        ['ORG', 'The Acme Bank'],
        ['ORG', 'Court'],
      ]).filter((m) => m.start > 30),
      { type: 'ORG' as const, start: 0, end: 9, text: 'Acme Bank' },
      { type: 'ORG' as const, start: 16, end: 31, text: 'Appeal In Court' },
    ];
    const kept = confirmHeadlineNames(text, tagged).map((mention) => mention.text);
    expect(kept).toEqual(['Acme Bank', 'The Acme Bank', 'Court']);
  });

  it('keeps the first names before a surname that the body alone tags', () => {
    const body =
      'On Tuesday the senator questioned the chief of Acme Bank about fees. Roe said the bank hammers its ' +
      'customers with fees, and the party backed her.';
    const text = `Jane Roe Hammers Acme Bank Over Fees\n${body}`;
    const tagged = [
      { type: 'PER' as const, start: 0, end: 17, text: 'Jane Roe Hammers' },
      ...taggedMentions(body, [
        ['PER', 'Roe'],
        ['ORG', 'Acme Bank'],
      ]).map((mention) => ({ ...mention, start: mention.start + 37, end: mention.end + 37 })),
    ];

    const entities = buildEntities(text, tagged);

    expect(entities.find((entity) => entity.type === 'person')?.name).toBe('Jane Roe');
    expect(entities.find((entity) => entity.type === 'person')?.count).toBe(2);
  });

  it('leaves a text without a headline line unchanged', () => {
    const tagged = taggedMentions(BODY, [
      ['PER', 'Jane Roe'],
      ['ORG', 'Acme Bank'],
    ]);
    expect(confirmHeadlineNames(BODY, tagged)).toEqual(tagged);
  });
});
