import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { taggedMentions } from './tagged-mentions.ts';

type Surfaces = ReadonlyArray<readonly [NerType, string]>;

function typesOf(text: string, surfaces: Surfaces): Record<string, string> {
  const entities = buildEntities(text, taggedMentions(text, surfaces));
  return Object.fromEntries(entities.map((entity) => [entity.name, entity.type]));
}

describe('words only an organisation takes around its name', () => {
  it.each([
    ['Analysts met the chief executive of Nortel on Monday.', 'PER', 'Nortel'],
    ['The shareholders of Vale voted for the merger.', 'LOC', 'Vale'],
    ['He is a co-founder of Wikia, he said.', 'PER', 'Wikia'],
    ['Secunia shares fell 4 percent.', 'PER', 'Secunia'],
    ['Brembo’s headquarters are near Bergamo.', 'LOC', 'Brembo'],
  ] as const)('types a name an organisation after or before such a word (%j)', (text, tag, name) => {
    expect(typesOf(text, [[tag, name]])[name]).toBe('organization');
  });

  it('types every mention of the name an organisation, the tagger’s majority notwithstanding', () => {
    const text = 'Evergreen grew fast. Evergreen hired pilots. The CEO of Evergreen said so.';

    expect(typesOf(text, [['LOC', 'Evergreen']])).toEqual({ Evergreen: 'organization' });
  });

  it.each([
    ['The chief executive of China spoke in Beijing.', 'LOC', 'China', 'place'],
    ['Bill Gates shares his views often.', 'PER', 'Bill Gates', 'person'],
  ] as const)('leaves a known place and a person’s full name alone (%j)', (text, tag, name, type) => {
    expect(typesOf(text, [[tag, name]])[name]).toBe(type);
  });
});
