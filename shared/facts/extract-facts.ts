import nlp from 'compromise';
import type { Entity, EntityType, Facts, Span } from '../result.ts';

export interface FactsInput {
  readonly text: string;
  readonly title?: string;
  readonly publishedAt?: string;
}

interface OffsetMatch {
  readonly text: string;
  readonly offset: { readonly start: number; readonly length: number };
}

const TRAILING_PUNCTUATION = /[.,;:!?"”)]+$/u;
const POSSESSIVE = /['’]s$/u;

const KINDS: ReadonlyArray<[EntityType, '#Person' | '#Organization' | '#Place']> = [
  ['person', '#Person'],
  ['organization', '#Organization'],
  ['place', '#Place'],
];

/** First pass (foundation): compromise's people, organisations and places, grounded to spans. */
export function extractFacts(input: FactsInput): Facts {
  const doc = nlp(input.text);
  const entities: Entity[] = [];
  for (const [type, tag] of KINDS) {
    const byName = new Map<string, Span[]>();
    for (const match of doc.match(tag).out('offset') as OffsetMatch[]) {
      const name = match.text.trim().replace(TRAILING_PUNCTUATION, '').replace(POSSESSIVE, '');
      if (name === '') continue;
      const start = input.text.indexOf(name, match.offset.start);
      if (start < 0) continue;
      const mentions = byName.get(name) ?? [];
      mentions.push({ start, end: start + name.length });
      byName.set(name, mentions);
    }
    for (const [name, mentions] of byName) entities.push({ type, name, mentions });
  }
  return { entities, dates: [], numbers: [], quotes: [] };
}
