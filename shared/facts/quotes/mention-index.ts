import type { Entity } from '../../result.ts';
import { PEOPLE_NOUNS, PERSON_ROLE_NOUNS } from './lexicon.ts';
import type { EntityMentionRef } from './speaker-context.ts';

/**
 * Every entity mention, sorted by start. A bare surname that two people of the article share ("Frank Jordan"
 * and his son "Louis Jordan", then "Jordan said") stands for neither of them: it becomes a person of its own,
 * named as written, so that a quote is never given to the wrong one of the two. A one-word "person" that is the first
 * word of an organisation's name in the article and of no person's ("Coda" beside "Coda Energy Inc.") is that
 * organisation: "Coda's president" and a he/she are then never read as the firm.
 */
export function mentionIndex(text: string, entities: readonly Entity[]): EntityMentionRef[] {
  const shared = sharedSurnames(entities);
  const firms = firmsNamedLikePeople(entities);
  for (const entity of entities)
    if (isWorkplace(text, entity)) firms.set(entity, { ...entity, type: 'organization' });
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
        const firm = firms.get(entity);
        if (firm !== undefined) return { ...mention, entity: firm };
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

/** "a role at": "chief technical analyst at", "an economist at". */
const ROLE_AT = /\b(\p{Ll}+)\s+at\s+$/u;
const CALLING_SUFFIX = /^\p{Ll}{4,}(?:ist|ian|er|or)$/u;

/**
 * A "person" every mention of whom comes after a role and "at" ("chief technical analyst at Raymond James") is where
 * people work, a firm named like a person, never what a he/she stands for.
 */
function isWorkplace(text: string, entity: Entity): boolean {
  if (entity.type !== 'person' || entity.mentions.length === 0) return false;
  return entity.mentions.every((mention) => {
    const noun = ROLE_AT.exec(text.slice(Math.max(0, mention.start - 40), mention.start))?.[1];
    return (
      noun !== undefined &&
      (PERSON_ROLE_NOUNS.has(noun) || PEOPLE_NOUNS.has(noun) || CALLING_SUFFIX.test(noun))
    );
  });
}

/**
 * One-word persons that are the first word of an organisation's longer name ("Coda", "Coda Energy Inc.") and no word of
 * any other person's name ("Trump" beside "Donald Trump" and "Trump Organization" stays a person), mapped to it.
 */
function firmsNamedLikePeople(entities: readonly Entity[]): Map<Entity, Entity> {
  const firms = new Map<Entity, Entity>();
  const organisations = new Map<string, Entity>();
  for (const entity of entities) {
    if (entity.type !== 'organization') continue;
    const words = entity.name.split(/\s+/u);
    if (words.length > 1)
      organisations.set(words[0] as string, organisations.get(words[0] as string) ?? entity);
  }
  if (organisations.size === 0) return firms;
  const personWords = new Set<string>();
  for (const entity of entities) {
    if (entity.type !== 'person') continue;
    const words = entity.name.split(/\s+/u);
    if (words.length > 1) for (const word of words) personWords.add(word);
  }
  for (const entity of entities) {
    if (entity.type !== 'person' || /\s/u.test(entity.name) || personWords.has(entity.name)) continue;
    const firm = organisations.get(entity.name);
    if (firm !== undefined) firms.set(entity, firm);
  }
  return firms;
}
