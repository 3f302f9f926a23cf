import type { Sentence } from './tokenize.ts';

/** CoNLL-style entity classes the tagger emits. */
export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** One entity mention found in the text; `text === input.slice(start, end)`. */
export interface EntityMention {
  readonly type: NerType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A gold or predicted span in character offsets, end exclusive. */
export interface TypedSpan {
  readonly type: NerType;
  readonly start: number;
  readonly end: number;
}

export const NER_TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC', 'MISC'];
const PREFIXES = ['B', 'I', 'L', 'U'] as const;
type Prefix = (typeof PREFIXES)[number];

/** BILOU tags: O, then B-/I-/L-/U- for each type. Index 0 is O. */
export const TAGS: readonly string[] = [
  'O',
  ...NER_TYPES.flatMap((type) => PREFIXES.map((p) => `${p}-${type}`)),
];
export const OUTSIDE = 0;

function tagIndex(prefix: Prefix, type: NerType): number {
  return 1 + NER_TYPES.indexOf(type) * PREFIXES.length + PREFIXES.indexOf(prefix);
}

function prefixOf(tag: number): Prefix | undefined {
  return tag === OUTSIDE ? undefined : PREFIXES[(tag - 1) % PREFIXES.length];
}

/** The entity type a tag belongs to (undefined for O). */
export function typeOf(tag: number): NerType | undefined {
  return tag === OUTSIDE ? undefined : NER_TYPES[Math.floor((tag - 1) / PREFIXES.length)];
}

/** Whether tag `to` may follow tag `from` in BILOU (`from` undefined: sentence start). */
export function allowedTransition(from: number | undefined, to: number): boolean {
  const fromPrefix = from === undefined ? undefined : prefixOf(from);
  const toPrefix = prefixOf(to);
  const inside = fromPrefix === 'B' || fromPrefix === 'I';
  if (toPrefix === 'I' || toPrefix === 'L') return inside && typeOf(from ?? OUTSIDE) === typeOf(to);
  return !inside;
}

/** Whether a sentence may end on this tag (not inside an open entity). */
export function allowedEnd(tag: number): boolean {
  const prefix = prefixOf(tag);
  return prefix !== 'B' && prefix !== 'I';
}

/** The BILOU constraints as the decoder takes them: `allowed[from * n + to]` (row n: start), `allowedEnd`. */
export function tagConstraints(tagCount: number): { allowed: boolean[]; allowedEnd: boolean[] } {
  const allowed: boolean[] = [];
  for (let from = 0; from <= tagCount; from += 1) {
    for (let to = 0; to < tagCount; to += 1)
      allowed.push(allowedTransition(from < tagCount ? from : undefined, to));
  }
  return { allowed, allowedEnd: Array.from({ length: tagCount }, (_, tag) => allowedEnd(tag)) };
}

/** Gold BILOU tags of a sentence: a token belongs to the span that contains it. */
export function encodeTags(sentence: Sentence, spans: readonly TypedSpan[]): Uint8Array {
  const tags = new Uint8Array(sentence.length);
  for (const span of spans) {
    const inside: number[] = [];
    sentence.forEach((token, index) => {
      if (token.start >= span.start && token.end <= span.end) inside.push(index);
    });
    const first = inside[0];
    const last = inside.at(-1);
    if (first === undefined || last === undefined) continue;
    for (const index of inside) tags[index] = tagIndex('I', span.type);
    tags[first] = tagIndex('B', span.type);
    tags[last] = tagIndex(first === last ? 'U' : 'L', span.type);
  }
  return tags;
}

const POSSESSIVE = /^['’]s$/u;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?$/u;

/**
 * Mentions spelled by a BILOU tag sequence over a sentence of `text`. As in CoNLL, a mention never starts
 * with an honorific ("Mr Yeaman" -> "Yeaman": CoNLL has too few to learn it) nor ends on a possessive
 * ("Hillary 's" -> "Hillary", which CoNLL's "Lloyd 's" otherwise teaches the tagger).
 */
export function decodeTags(text: string, sentence: Sentence, tags: ArrayLike<number>): EntityMention[] {
  const mentions: EntityMention[] = [];
  let open: { type: NerType; first: number } | undefined;
  for (let index = 0; index < sentence.length; index += 1) {
    const tag = tags[index] ?? OUTSIDE;
    const prefix = prefixOf(tag);
    const type = typeOf(tag);
    if (prefix === 'B' || prefix === 'U' || !type || open?.type !== type) open = undefined;
    if (!type) continue;
    open ??= { type, first: index };
    if (prefix === 'L' || prefix === 'U') {
      mentions.push(mentionOf(text, sentence.slice(open.first, index + 1), type));
      open = undefined;
    }
  }
  return mentions;
}

/** The mention over `tokens`, without a leading honorific (people) or a trailing possessive. */
function mentionOf(text: string, tokens: Sentence, type: NerType): EntityMention {
  let first = 0;
  let last = tokens.length - 1;
  if (type === 'PER' && last > first && HONORIFIC.test(tokens[first]?.text ?? '')) first += 1;
  if (last > first && POSSESSIVE.test(tokens[last]?.text ?? '')) last -= 1;
  const start = tokens[first]?.start ?? 0;
  const end = tokens[last]?.end ?? start;
  return { type, start, end, text: text.slice(start, end) };
}
