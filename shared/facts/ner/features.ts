import { type Gazetteer, matchGazetteer } from './gazetteer.ts';
import type { Sentence } from './tokenize.ts';

const CURLY_SINGLE = /[‘’‚‛′]/gu;
const CURLY_DOUBLE = /[“”„‟″«»]/gu;
const LONG_DASH = /^[–—]$/u;
const ELLIPSIS = /^…$/u;
const DIGITS = /\p{N}/gu;
const DIGIT = /\p{N}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;
const CAPITALISED = /^\p{Lu}/u;
const WORDLIKE = /^[\p{L}\p{N}]/u;
const AFFIX_LENGTHS = [1, 2, 3, 4] as const;
/** A line counts as a headline when at least this share of its words are in capitals. */
const CAPS_LINE_SHARE = 0.8;
const BEFORE = '<s>';
const AFTER = '</s>';

/** Token text as CoNLL spells it: straight quotes, "--" for long dashes, "..." for an ellipsis. */
export function normaliseToken(text: string): string {
  if (LONG_DASH.test(text)) return '--';
  if (ELLIPSIS.test(text)) return '...';
  return text.replace(CURLY_SINGLE, "'").replace(CURLY_DOUBLE, '"');
}

/** Word shape with runs collapsed: "Blinken" -> "Xx", "U.S." -> "X.X.", "1996-08-30" -> "d-d-d". */
export function wordShape(text: string): string {
  let shape = '';
  let last = '';
  for (const char of text) {
    const kind = UPPER.test(char) ? 'X' : LOWER.test(char) ? 'x' : DIGIT.test(char) ? 'd' : char;
    if (kind !== last) shape += kind;
    last = kind;
  }
  return shape;
}

interface TokenInfo {
  readonly word: string;
  readonly lower: string;
  readonly shape: string;
}

function describe(text: string): TokenInfo {
  const word = normaliseToken(text).replace(DIGITS, '0');
  return { word, lower: word.toLowerCase(), shape: wordShape(text) };
}

function isCapsLine(sentence: Sentence): boolean {
  let words = 0;
  let capitals = 0;
  for (const token of sentence) {
    if (!LETTER.test(token.text)) continue;
    words += 1;
    if (!HAS_LOWER.test(token.text)) capitals += 1;
  }
  return words > 0 && capitals / words >= CAPS_LINE_SHARE;
}

/** Document-level evidence: words seen capitalised mid-sentence, and words seen in lower case. */
interface DocumentEvidence {
  readonly capitalised: ReadonlySet<string>;
  readonly lowercase: ReadonlySet<string>;
}

function collectEvidence(sentences: readonly Sentence[], infos: readonly TokenInfo[][], caps: boolean[]) {
  const capitalised = new Set<string>();
  const lowercase = new Set<string>();
  sentences.forEach((sentence, s) => {
    if (caps[s]) return;
    sentence.forEach((token, t) => {
      const lower = infos[s]?.[t]?.lower ?? '';
      if (!HAS_LOWER.test(token.text)) return;
      if (!CAPITALISED.test(token.text)) lowercase.add(lower);
      else if (t > 0 && WORDLIKE.test(sentence[t - 1]?.text ?? '')) capitalised.add(lower);
    });
  });
  return { capitalised, lowercase } satisfies DocumentEvidence;
}

function firstWordIndex(sentence: Sentence): number {
  const index = sentence.findIndex((token) => WORDLIKE.test(token.text));
  return Math.max(index, 0);
}

function tokenFeatures(
  infos: readonly TokenInfo[],
  gazetteer: readonly string[][],
  i: number,
  context: { caps: boolean; first: number; evidence: DocumentEvidence },
): string[] {
  const at = (offset: number) => infos[i + offset];
  const lowerAt = (offset: number) => at(offset)?.lower ?? (offset < 0 ? BEFORE : AFTER);
  const shapeAt = (offset: number) => at(offset)?.shape ?? (offset < 0 ? BEFORE : AFTER);
  const self = infos[i] as TokenInfo;
  const { lower, shape } = self;
  const features = ['b', `w=${lower}`, `sh=${shape}`];
  if (!context.caps) features.push(`W=${self.word}`);
  for (const length of AFFIX_LENGTHS) {
    if (lower.length <= length) break;
    features.push(`p${length}=${lower.slice(0, length)}`, `s${length}=${lower.slice(-length)}`);
  }
  const previous = lowerAt(-1);
  const next = lowerAt(1);
  features.push(
    `w-1=${previous}`,
    `w+1=${next}`,
    `w-2=${lowerAt(-2)}`,
    `w+2=${lowerAt(2)}`,
    `w-1|0=${previous}|${lower}`,
    `w0|1=${lower}|${next}`,
    `sh-1=${shapeAt(-1)}`,
    `sh+1=${shapeAt(1)}`,
    `sh-1|0=${shapeAt(-1)}|${shape}`,
    `sh0|1=${shape}|${shapeAt(1)}`,
    `w-1|sh0=${previous}|${shape}`,
    `sh0|w+1=${shape}|${next}`,
  );
  if (i === context.first) features.push(`fs|sh=${shape}`);
  if (context.caps) features.push(`cl|sh=${shape}`);
  if (context.evidence.capitalised.has(lower)) features.push(`dc|sh=${shape}`);
  if (context.evidence.lowercase.has(lower)) features.push(`dl|sh=${shape}`);
  for (const mark of gazetteer[i - 1] ?? []) features.push(`g-1=${mark}`);
  for (const mark of gazetteer[i] ?? []) features.push(`g0=${mark}`);
  for (const mark of gazetteer[i + 1] ?? []) features.push(`g+1=${mark}`);
  return features;
}

/**
 * Feature names of every token of a document, sentence by sentence: the word, its shape and affixes,
 * a two-word window, headline and sentence-start cues, gazetteer matches around it, and whether the
 * document also writes the word capitalised mid-sentence or in lower case.
 */
export function documentFeatures(sentences: readonly Sentence[], gazetteer: Gazetteer): string[][][] {
  const infos = sentences.map((sentence) => sentence.map((token) => describe(token.text)));
  const caps = sentences.map(isCapsLine);
  const evidence = collectEvidence(sentences, infos, caps);
  return sentences.map((sentence, s) => {
    const tokens = infos[s] ?? [];
    const marks = matchGazetteer(
      gazetteer,
      sentence,
      tokens.map((info) => info.lower),
    );
    const context = { caps: caps[s] ?? false, first: firstWordIndex(sentence), evidence };
    return sentence.map((_, i) => tokenFeatures(tokens, marks, i, context));
  });
}
