import type { Entity } from '../../result.ts';
import type { EntityMentionRef } from './speaker-context.ts';

/**
 * Every entity mention, sorted by start. A bare surname that two people of the article share ("Frank Jordan"
 * and his son "Louis Jordan", then "Jordan said") stands for neither of them: it becomes a person of its own,
 * named as written, so that a quote is never given to the wrong one of the two.
 */
export function mentionIndex(text: string, entities: readonly Entity[]): EntityMentionRef[] {
  const shared = sharedSurnames(entities);
  const bySurname = new Map<string, Entity>();
  const surnameEntity = (surname: string, written: string): Entity => {
    const known = bySurname.get(surname);
    if (known !== undefined) return known;
    const entity: Entity = { type: 'person', name: written, mentions: [], count: 0 };
    bySurname.set(surname, entity);
    return entity;
  };
  return entities
    .filter((entity) => entity.type !== 'other')
    .flatMap((entity) =>
      entity.mentions.map((mention) => {
        // Most articles share no surname: then no mention's words need reading.
        if (entity.type !== 'person' || shared.size === 0) return { ...mention, entity };
        const written = text.slice(mention.start, mention.end);
        const surname = written.toLowerCase();
        if (!shared.has(surname)) return { ...mention, entity };
        return { ...mention, entity: surnameEntity(surname, written) };
      }),
    )
    .sort((a, b) => a.start - b.start);
}

/** The surnames (lower case) of two or more people with different first names: "Frank Jordan", "Louis Jordan". */
function sharedSurnames(entities: readonly Entity[]): Set<string> {
  const firstNames = new Map<string, Set<string>>();
  for (const entity of entities) {
    if (entity.type !== 'person') continue;
    const words = entity.name.toLowerCase().split(/\s+/u);
    if (words.length < 2) continue;
    const surname = words.at(-1) as string;
    const names = firstNames.get(surname) ?? new Set<string>();
    names.add(words[0] as string);
    firstNames.set(surname, names);
  }
  return new Set([...firstNames].filter(([, names]) => names.size > 1).map(([surname]) => surname));
}
