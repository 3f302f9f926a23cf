import { cleanDocument } from '#shared/clean/clean-document.ts';
import { extractFacts } from '#shared/facts/extract-facts.ts';
import type { Surface } from '#shared/facts/ner/evaluate.ts';
import type { EntityMention, NerType } from '#shared/facts/ner/tag-entities.ts';
import type { EntityType } from '#shared/result.ts';

const SCORED: Partial<Record<EntityType, NerType>> = { person: 'PER', organization: 'ORG', place: 'LOC' };

/**
 * The entity mentions a user gets for a plain-text article, as (type, surface) pairs: the text cleaned as
 * `processArticle` cleans it, then the facts step (tagger, entity grouping and typing, later mentions,
 * grounding) with the given tagger. `processArticle` is this with the committed model; training passes
 * its fold models.
 */
export function pipelineSurfaces(text: string, tag: (text: string) => EntityMention[]): Surface[] {
  const document = cleanDocument({ bytes: new TextEncoder().encode(text), fileName: 'article.txt' });
  const { entities } = extractFacts(document, tag);
  return entities.flatMap((entity) => {
    const type = SCORED[entity.type];
    if (type === undefined) return [];
    return entity.mentions.map((mention) => ({
      type,
      text: document.text.slice(mention.start, mention.end),
    }));
  });
}
