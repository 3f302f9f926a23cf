import { buildEntities } from '#shared/facts/entities.ts';
import type { EntityMention, NerType } from '#shared/facts/ner/tag-entities.ts';
import type { Entity } from '#shared/result.ts';

/**
 * What a tagger would return for `text`: every occurrence of each listed surface, longest surfaces first
 * and never overlapping, so tests of grouping do not depend on the real tagger.
 */
export function taggedMentions(
  text: string,
  surfaces: ReadonlyArray<readonly [NerType, string]>,
): EntityMention[] {
  const mentions: EntityMention[] = [];
  const taken = new Uint8Array(text.length);
  const byLength = [...surfaces].sort((a, b) => b[1].length - a[1].length);
  for (const [type, surface] of byLength) {
    for (let start = text.indexOf(surface); start >= 0; start = text.indexOf(surface, start + 1)) {
      const end = start + surface.length;
      if (taken[start] || taken[end - 1]) continue;
      taken.fill(1, start, end);
      mentions.push({ type, start, end, text: surface });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The entities precis builds from `text` when the tagger returns the listed surfaces (see taggedMentions). */
export const entitiesOf = (text: string, tagged: ReadonlyArray<readonly [NerType, string]>): Entity[] =>
  buildEntities(text, taggedMentions(text, tagged));

/** The types of the entities called `name`: one per entity, so a name typed two ways gives two. */
export const typeOf = (entities: readonly Entity[], name: string): Entity['type'][] =>
  entities.filter((entity) => entity.name === name).map((entity) => entity.type);

/** The entities' names, sorted. */
export const names = (entities: readonly Entity[]): string[] => entities.map((entity) => entity.name).sort();
