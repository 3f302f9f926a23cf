import { type Gazetteer, matchGazetteer } from './gazetteer.ts';
import type { StringSet } from './string-table.ts';
import type { Sentence } from './tokenize.ts';

const CURLY_SINGLE = /[‘’‚‛′]/gu;
const CURLY_DOUBLE = /[“”„‟″«»]/gu;
const LONG_DASH = /^[–—]$/u;
const ELLIPSIS = /^…$/u;
const ASCII = /^[\x20-\x7e]*$/u;
const DIGITS = /\p{N}/gu;
const DIGIT = /\p{N}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;
const CAPITALISED = /^\p{Lu}/u;
const WORDLIKE = /^[\p{L}\p{N}]/u;
const AFFIX_LENGTHS = [1, 2, 3, 4] as const;
const PREFIX_TEMPLATES = ['p0', 'p1', 'p2', 'p3', 'p4'];
const SUFFIX_TEMPLATES = ['s0', 's1', 's2', 's3', 's4'];
/** A line counts as a headline when at least this share of its words are in capitals. */
const CAPS_LINE_SHARE = 0.8;
/** At most this many distinct neighbours of a word are aggregated over the document, each side. */
const AGGREGATED_CONTEXTS = 8;
const BEFORE = '<s>';
const AFTER = '</s>';

/** Token text as CoNLL spells it: straight quotes, "--" for long dashes, "..." for an ellipsis. */
export function normaliseToken(text: string): string {
  if (ASCII.test(text)) return text;
  if (LONG_DASH.test(text)) return '--';
  if (ELLIPSIS.test(text)) return '...';
  return text.replace(CURLY_SINGLE, "'").replace(CURLY_DOUBLE, '"');
}

function charKind(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 65 && code <= 90) return 'X';
  if (code >= 97 && code <= 122) return 'x';
  if (code >= 48 && code <= 57) return 'd';
  if (code < 128) return char;
  return UPPER.test(char) ? 'X' : LOWER.test(char) ? 'x' : DIGIT.test(char) ? 'd' : char;
}

/** Word shape with runs collapsed: "Blinken" -> "Xx", "U.S." -> "X.X.", "1996-08-30" -> "d-d-d". */
export function wordShape(text: string): string {
  let shape = '';
  let last = '';
  for (const char of text) {
    const kind = charKind(char);
    if (kind !== last) shape += kind;
    last = kind;
  }
  return shape;
}

/** The features of a token on its own (word, cased word, shape, affixes): shared by all its occurrences. */
export interface OwnFeatures {
  readonly pairs: FeaturePairs;
}

/**
 * What a token gives the tokens around it, by slot: its word as the word two before, its word and shape as
 * those one before, one after, and its word as the word two after. Shared by all its occurrences, so the
 * model scores each slot once per distinct token.
 */
export interface NeighbourFeatures {
  readonly slots: readonly [FeaturePairs, FeaturePairs, FeaturePairs, FeaturePairs];
}

/** A token's features: its own and its neighbours' (cacheable by identity), and those of its context. */
export interface TokenFeatures {
  readonly own: OwnFeatures;
  /** The tokens two before, one before, one after and two after (or the sentence's edges). */
  readonly neighbours: readonly [NeighbourFeatures, NeighbourFeatures, NeighbourFeatures, NeighbourFeatures];
  /** The word and shape bigrams around the token (see `Bigrams`). */
  readonly bigrams: Bigrams;
  /** The other context features: cues, document evidence, gazetteer matches. */
  readonly context: FeaturePairs;
  /** The lowercased word if the token is capitalised: its key in the prediction history. */
  readonly historyKey: string | undefined;
}

/** A token text's description, shared by all its occurrences (memoised across documents). */
export interface TokenInfo {
  readonly word: string;
  readonly lower: string;
  readonly shape: string;
  /** Whether the text starts with a capital: the word then keys the prediction history. */
  readonly capitalised: boolean;
  /** Whether the text has a letter, a lower-case letter, and starts with a letter or digit. */
  readonly hasLetter: boolean;
  readonly hasLower: boolean;
  readonly wordlike: boolean;
  /** Own features in running text and in a capitals line (where the cased word says nothing). */
  readonly own: readonly [OwnFeatures, OwnFeatures];
  readonly neighbour: NeighbourFeatures;
  /** What the last model that scored this token computed for it (see emissions.ts); `UNSCORED` at first. */
  scored: unknown;
}

/**
 * `scored` before any model scored a token text: shaped as what emissions.ts keeps there (a `TypeRef` of no store
 * and no row list: their numbers start at 1), so the field holds one kind of object from the start. Starting as
 * `undefined`, it was generalised by the first token scored, and V8 threw away the code that read it
 * (bench:deopts: `code dependencies` in typeOf).
 */
export const UNSCORED = { store: 0, id: 0, rowLists: 0, at: 0 };

function neighbourFeatures(lower: string, shape: string): NeighbourFeatures {
  return {
    slots: [
      ['w-2', lower],
      ['w-1', lower, 'sh-1', shape],
      ['w+1', lower, 'sh+1', shape],
      ['w+2', lower],
    ],
  };
}

/** The sentence's edges as neighbours: before the first token, after the last. */
const EDGE_BEFORE = neighbourFeatures(BEFORE, BEFORE);
const EDGE_AFTER = neighbourFeatures(AFTER, AFTER);
/** The words and shapes the sentence's edges give as neighbours, and what they give by slot. */
export const EDGES = {
  before: BEFORE,
  after: AFTER,
  beforeNeighbour: EDGE_BEFORE,
  afterNeighbour: EDGE_AFTER,
};

/** Token descriptions by token text, kept across documents (news vocabulary repeats) up to a limit. */
const described = new Map<string, TokenInfo>();
const DESCRIBED_LIMIT = 100_000;

function ownFeatures(word: string, lower: string, shape: string, caps: boolean): OwnFeatures {
  const pairs = ['b', '', 'w', lower, 'sh', shape];
  if (!caps) pairs.push('W', word);
  for (const length of AFFIX_LENGTHS) {
    if (lower.length <= length) break;
    pairs.push(PREFIX_TEMPLATES[length] ?? '', lower.slice(0, length));
    pairs.push(SUFFIX_TEMPLATES[length] ?? '', lower.slice(-length));
  }
  return { pairs };
}

function describe(text: string): TokenInfo {
  const known = described.get(text);
  if (known) return known;
  const word = normaliseToken(text).replace(DIGITS, '0');
  const lower = word.toLowerCase();
  const shape = wordShape(text);
  const own = [ownFeatures(word, lower, shape, false), ownFeatures(word, lower, shape, true)] as const;
  const capitalised = CAPITALISED.test(text);
  const info = {
    word,
    lower,
    shape,
    capitalised,
    hasLetter: LETTER.test(text),
    hasLower: HAS_LOWER.test(text),
    wordlike: WORDLIKE.test(text),
    own,
    neighbour: neighbourFeatures(lower, shape),
    scored: UNSCORED,
  };
  if (described.size >= DESCRIBED_LIMIT) described.clear();
  described.set(text, info);
  return info;
}

function isCapsLine(tokens: readonly TokenInfo[]): boolean {
  let words = 0;
  let capitals = 0;
  for (const token of tokens) {
    if (!token.hasLetter) continue;
    words += 1;
    if (!token.hasLower) capitals += 1;
  }
  return words > 0 && capitals / words >= CAPS_LINE_SHARE;
}

/**
 * Document-level evidence: words seen capitalised mid-sentence, words seen in lower case, and, for each
 * capitalised word, the words around its occurrences in the document (context aggregation).
 */
export interface DocumentEvidence {
  readonly capitalised: ReadonlySet<string>;
  readonly lowercase: ReadonlySet<string>;
  readonly before: ReadonlyMap<string, ReadonlySet<string>>;
  readonly after: ReadonlyMap<string, ReadonlySet<string>>;
}

function remember(contexts: Map<string, Set<string>>, word: string, neighbour: string): void {
  const seen = contexts.get(word);
  // A word's set is added to the map once, when it is made (the map's order is that of first sight, as before).
  if (seen === undefined) contexts.set(word, new Set<string>([neighbour]));
  else if (seen.size < AGGREGATED_CONTEXTS) seen.add(neighbour);
}

function collectEvidence(infos: readonly TokenInfo[][], caps: boolean[]) {
  const capitalised = new Set<string>();
  const lowercase = new Set<string>();
  const before = new Map<string, Set<string>>();
  const after = new Map<string, Set<string>>();
  // Token flags memoised per text (describe) rather than regexes per token; bounds checked at the edges.
  infos.forEach((tokens, s) => {
    const last = tokens.length - 1;
    tokens.forEach((info, t) => {
      if (!info.capitalised) return;
      remember(before, info.lower, t > 0 ? (tokens[t - 1] as TokenInfo).lower : BEFORE);
      remember(after, info.lower, t < last ? (tokens[t + 1] as TokenInfo).lower : AFTER);
    });
    if (caps[s]) return;
    tokens.forEach((info, t) => {
      if (!info.hasLower) return;
      if (!info.capitalised) lowercase.add(info.lower);
      else if (t > 0 && (tokens[t - 1] as TokenInfo).wordlike) capitalised.add(info.lower);
    });
  });
  return { capitalised, lowercase, before, after } satisfies DocumentEvidence;
}

function firstWordIndex(tokens: readonly TokenInfo[]): number {
  const index = tokens.findIndex((token) => token.wordlike);
  return Math.max(index, 0);
}

/**
 * Features of one token as a flat list of (template, value) pairs: `[template0, value0, template1, ...]`.
 * Training names them (`featureNames`); tagging scores them by integer ids instead (emissions.ts).
 */
export type FeaturePairs = string[];

/**
 * Bigram features as (template, left, right) triples: `[template0, left0, right0, template1, ...]`, each the
 * feature `template=left|right`. The model looks a bigram up by its two halves, strings the tokens already
 * hold, so no string is built per token.
 */
export type Bigrams = string[];

/** The templates of `Bigrams`, in the order every token lists them. */
export const BIGRAM_TEMPLATES = ['w-1|0', 'w0|1', 'sh-1|0', 'sh0|1', 'w-1|sh0', 'sh0|w+1'] as const;

/** Bigrams as (template, value) pairs, their values joined with "|" as the model file spells them. */
function bigramPairs(bigrams: Bigrams): FeaturePairs {
  const pairs: FeaturePairs = [];
  for (let k = 0; k < bigrams.length; k += 3)
    pairs.push(bigrams[k] ?? '', `${bigrams[k + 1]}|${bigrams[k + 2]}`);
  return pairs;
}

function tokenFeatures(
  infos: readonly TokenInfo[],
  gazetteer: readonly (readonly string[])[],
  i: number,
  context: { caps: boolean; first: number; evidence: DocumentEvidence; common: StringSet },
): TokenFeatures {
  // Plain locals rather than helper closures: this runs once per token of every document.
  const self = infos[i] as TokenInfo;
  const { lower, shape } = self;
  const before = infos[i - 1];
  const after = infos[i + 1];
  const previous = before?.lower ?? BEFORE;
  const next = after?.lower ?? AFTER;
  const previousShape = before?.shape ?? BEFORE;
  const nextShape = after?.shape ?? AFTER;
  // The neighbours' words (two either side) and shapes (one either side) are in `neighbours`.
  // biome-ignore format: one (template, left, right) triple per line reads best
  const bigrams: Bigrams = [
    'w-1|0', previous, lower,
    'w0|1', lower, next,
    'sh-1|0', previousShape, shape,
    'sh0|1', shape, nextShape,
    'w-1|sh0', previous, shape,
    'sh0|w+1', shape, next,
  ];
  const features: FeaturePairs = [];
  if (i === context.first) features.push('fs|sh', shape);
  if (context.caps) features.push('cl|sh', shape);
  if (context.evidence.capitalised.has(lower)) features.push('dc|sh', shape);
  if (context.evidence.lowercase.has(lower)) features.push('dl|sh', shape);
  if (context.common.has(lower)) features.push('lc|sh', shape);
  if (context.common.has(previous)) features.push('lc-1|sh0', `${previousShape}|${shape}`);
  if (context.common.has(next)) features.push('lc+1|sh0', `${nextShape}|${shape}`);
  for (const word of context.evidence.before.get(lower) ?? []) features.push('a-1', word);
  for (const word of context.evidence.after.get(lower) ?? []) features.push('a+1', word);
  for (const mark of gazetteer[i - 3] ?? []) features.push('g-3', mark);
  for (const mark of gazetteer[i - 2] ?? []) features.push('g-2', mark);
  for (const mark of gazetteer[i - 1] ?? []) features.push('g-1', mark, 'g-1|sh0', `${mark}|${shape}`);
  for (const mark of gazetteer[i] ?? []) features.push('g0', mark, 'g0|sh+1', `${mark}|${nextShape}`);
  for (const mark of gazetteer[i + 1] ?? []) features.push('g+1', mark);
  for (const mark of gazetteer[i + 2] ?? []) features.push('g+2', mark);
  const historyKey = self.capitalised ? lower : undefined;
  const neighbours = [
    infos[i - 2]?.neighbour ?? EDGE_BEFORE,
    before?.neighbour ?? EDGE_BEFORE,
    after?.neighbour ?? EDGE_AFTER,
    infos[i + 2]?.neighbour ?? EDGE_AFTER,
  ] as const;
  return { own: self.own[context.caps ? 1 : 0], neighbours, bigrams, context: features, historyKey };
}

/**
 * Feature names (`template=value`) of a token, as training and the model file spell them, in the order
 * training has always read them (the neighbours' words, the word bigrams, the neighbours' shapes, the rest):
 * the same data then gives the same model.
 */
export function featureNames(features: TokenFeatures): string[] {
  const [twoBefore, before, after, twoAfter] = features.neighbours.map(
    (neighbour, slot) => neighbour.slots[slot],
  );
  const { own, context } = features;
  const bigrams = bigramPairs(features.bigrams);
  // biome-ignore format: the order of the pairs is the point
  const pairs = [
    ...own.pairs,
    ...(before?.slice(0, 2) ?? []), ...(after?.slice(0, 2) ?? []), ...(twoBefore ?? []), ...(twoAfter ?? []),
    ...bigrams.slice(0, 4),
    ...(before?.slice(2) ?? []), ...(after?.slice(2) ?? []),
    ...bigrams.slice(4),
    ...context,
  ];
  const names: string[] = [];
  for (let k = 0; k < pairs.length; k += 2) names.push(`${pairs[k]}=${pairs[k + 1]}`);
  return names;
}

/** What the features of any sentence of a document need: per-token descriptions and document evidence. */
export interface DocumentDescription {
  readonly sentences: readonly Sentence[];
  readonly infos: readonly (readonly TokenInfo[])[];
  readonly caps: readonly boolean[];
  readonly evidence: DocumentEvidence;
  readonly gazetteer: Gazetteer;
}

/** Describes a document's tokens (memoised per token text) and collects its document-level evidence. */
export function describeDocument(sentences: readonly Sentence[], gazetteer: Gazetteer): DocumentDescription {
  // Arrays built by push, not `map`: V8's optimised `map` makes holey arrays where its first runs made packed
  // ones, and every function reading both kinds is optimised again (bench:deopts).
  const infos: TokenInfo[][] = [];
  const caps: boolean[] = [];
  for (const sentence of sentences) {
    const tokens: TokenInfo[] = [];
    for (const token of sentence) tokens.push(describe(token.text));
    infos.push(tokens);
    caps.push(isCapsLine(tokens));
  }
  return { sentences, infos, caps, evidence: collectEvidence(infos, caps), gazetteer };
}

/**
 * Features of every token of sentence `s` of a described document, built on demand so that a long
 * document never holds the features of all its tokens at once:
 * - the token alone: word, cased word, shape, prefixes and suffixes (memoised per token text);
 * - its window: words and shapes two either side, word and shape bigrams;
 * - cues: first word of the sentence, headline in capitals, gazetteer matches from three before to two after;
 * - document evidence: the document also writes the word capitalised mid-sentence, or in lower case; the
 *   words around all occurrences of a capitalised word (context aggregation); and whether it or its
 *   neighbours are common lower-case words ("Despite" opening a sentence, "Defense" in a title).
 */
export function sentenceFeatures(document: DocumentDescription, s: number): TokenFeatures[] {
  const { sentence, tokens, marks, ...context } = sentenceContext(document, s);
  return sentence.map((_, i) => tokenFeatures(tokens, marks, i, context));
}

/** What the features of the tokens of sentence `s` draw on, besides the tokens themselves. */
export interface SentenceContext {
  readonly sentence: Sentence;
  readonly tokens: readonly TokenInfo[];
  /** Gazetteer marks per token (see matchGazetteer). */
  readonly marks: readonly (readonly string[])[];
  readonly caps: boolean;
  /** Index of the sentence's first word. */
  readonly first: number;
  readonly evidence: DocumentEvidence;
  readonly common: StringSet;
}

export function sentenceContext(document: DocumentDescription, s: number): SentenceContext {
  const sentence = document.sentences[s] ?? [];
  const tokens = document.infos[s] ?? [];
  const { gazetteer } = document;
  const marks = matchGazetteer(gazetteer, tokens);
  return {
    sentence,
    tokens,
    marks,
    caps: document.caps[s] ?? false,
    first: firstWordIndex(tokens),
    evidence: document.evidence,
    common: gazetteer.common,
  };
}

/** Features of every token of a document, sentence by sentence (see `sentenceFeatures`). */
export function documentFeatures(sentences: readonly Sentence[], gazetteer: Gazetteer): TokenFeatures[][] {
  const document = describeDocument(sentences, gazetteer);
  return sentences.map((_, s) => sentenceFeatures(document, s));
}
