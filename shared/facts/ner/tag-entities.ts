import nlp from 'compromise';

/** CoNLL-style entity classes the tagger emits. */
export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** One entity mention found in the text; `text === input.slice(start, end)`. */
export interface EntityMention {
  readonly type: NerType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface OffsetMatch {
  readonly text: string;
  readonly offset: { readonly start: number; readonly length: number };
}

const TAGS: ReadonlyArray<[NerType, string]> = [
  ['PER', '#Person'],
  ['ORG', '#Organization'],
  ['LOC', '#Place'],
];
const TRAILING_PUNCTUATION = /[.,;:!?"”)]+$/u;
const POSSESSIVE = /['’]s$/u;

/** First pass (foundation): compromise's people, organisations and places. The facts issue replaces it. */
export function tagEntities(text: string): EntityMention[] {
  const doc = nlp(text);
  const mentions: EntityMention[] = [];
  for (const [type, tag] of TAGS) {
    for (const match of doc.match(tag).out('offset') as OffsetMatch[]) {
      const surface = match.text.trim().replace(TRAILING_PUNCTUATION, '').replace(POSSESSIVE, '');
      if (surface === '') continue;
      const start = text.indexOf(surface, match.offset.start);
      if (start < 0) continue;
      mentions.push({ type, start, end: start + surface.length, text: surface });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
