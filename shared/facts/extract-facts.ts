import type { Entity, EntityType, Facts, Span } from '../result.ts';
import { type NerType, tagEntities } from './ner/tag-entities.ts';

export interface FactsInput {
  readonly text: string;
  readonly title?: string;
  readonly publishedAt?: string;
}

const ENTITY_TYPES: Readonly<Record<NerType, EntityType>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: 'other',
};

/** First pass (foundation): tagged mentions grouped by type and surface form, each grounded to spans. */
export function extractFacts(input: FactsInput): Facts {
  const groups = new Map<string, { type: EntityType; name: string; mentions: Span[] }>();
  for (const mention of tagEntities(input.text)) {
    const type = ENTITY_TYPES[mention.type];
    const key = `${type}:${mention.text}`;
    const group = groups.get(key) ?? { type, name: mention.text, mentions: [] };
    group.mentions.push({ start: mention.start, end: mention.end });
    groups.set(key, group);
  }
  const entities: Entity[] = [...groups.values()];
  return { entities, dates: [], numbers: [], quotes: [] };
}
