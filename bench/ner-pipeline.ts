import { cleanDocument } from '#shared/clean/clean-document.ts';
import { extractFacts } from '#shared/facts/extract-facts.ts';
import {
  type Counts,
  countDocument,
  emptyCounts,
  SCORED_TYPES,
  type ScoredType,
  type Surface,
} from '#shared/facts/ner/evaluate.ts';
import { type ModelWeights, modelFromWeights, type NerModel, tagWithModel } from '#shared/facts/ner/model.ts';
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

interface GoldDocument {
  readonly text: string;
  readonly entities: readonly Surface[];
}

/** Pipeline counts of a model held in memory (a fold's) on each gold document. */
export const pipelineDocumentCounts = (
  weights: ModelWeights,
  documents: readonly GoldDocument[],
): Record<ScoredType, Counts>[] => taggerDocumentCounts(modelFromWeights(weights), documents);

/** Pipeline counts of a taggable model (one read from a model file's bytes) on each gold document. */
export function taggerDocumentCounts(
  model: NerModel,
  documents: readonly GoldDocument[],
): Record<ScoredType, Counts>[] {
  return documents.map((document) => {
    const counts = emptyCounts();
    countDocument(
      counts,
      document.entities,
      pipelineSurfaces(document.text, (text) => tagWithModel(model, text)),
    );
    return counts;
  });
}

/** Pipeline counts of a model held in memory (a fold's) on gold documents. */
export function pipelineCounts(weights: ModelWeights, documents: readonly GoldDocument[]) {
  const totals = emptyCounts();
  for (const counts of pipelineDocumentCounts(weights, documents)) addCounts(totals, counts);
  return totals;
}

export function addCounts(into: Record<ScoredType, Counts>, counts: Record<ScoredType, Counts>): void {
  for (const type of SCORED_TYPES) {
    into[type].tp += counts[type].tp;
    into[type].fp += counts[type].fp;
    into[type].fn += counts[type].fn;
  }
}
