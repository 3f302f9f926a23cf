import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { taggedMentions } from './tagged-mentions.ts';

type Surfaces = ReadonlyArray<readonly [NerType, string]>;

function namesOf(text: string, surfaces: Surfaces): Record<string, string> {
  const entities = buildEntities(text, taggedMentions(text, surfaces));
  return Object.fromEntries(entities.map((entity) => [entity.name, entity.type]));
}

describe('a body named by its common noun, capitalised', () => {
  it.each([
    ['Chief Justice, and may it please the Court: the loans are at stake.', 'Court'],
    ['That is the relief Congress authorized for borrowers.', 'Congress'],
    ['In the words of the Crown prosecutor, the parents failed.', 'Crown'],
    ['This is because Parliament is also responding to society.', 'Parliament'],
  ])('finds it as an organisation where the tagger missed it (%j)', (text, name) => {
    expect(namesOf(text, [])).toEqual({ [name]: 'organization' });
  });

  it.each([
    ['Chen told the High Court after sentencing.', 'High Court'],
    ['He appealed to the Court of Appeal in June.', 'Court of Appeal'],
    ['Apply to the Cuban Consulate by post.', 'Cuban Consulate'],
  ])('leaves a longer name to the tagger (%j)', (text, name) => {
    expect(namesOf(text, [])).toEqual({});
    expect(namesOf(text, [['ORG', name]])).toEqual({ [name]: 'organization' });
  });

  it('leaves the noun in lower case alone ("the court ruled")', () => {
    expect(namesOf('Then the court ruled for the state and congress went home.', [])).toEqual({});
  });
});
