import type { Span } from '../result.ts';

/** A word, number or punctuation mark with its exact offsets; `text === input.slice(start, end)`. */
export interface Word extends Span {
  readonly text: string;
}

/**
 * Words keep inner apostrophes and hyphens ("China’s", "co-founder"); numbers keep inner separators
 * ("6,000", "1.5"); anything else is one character. Every branch consumes at least one character and
 * none can match the same text two ways, so scanning is linear.
 */
const WORD = /[\p{L}\p{M}]+(?:['’\-.][\p{L}\p{M}]+)*|\p{N}+(?:[.,]\p{N}+)*|\S/gu;
/** Capitalised words that open sentences or clauses and never begin a name or a title. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(
  (
    'The A An In On At But And Or So Then Earlier Later Before After When While Since Despite However ' +
    'Instead Meanwhile He She It They We I You This That These Those Both Last Next Also As If For From ' +
    'With By To Of Yesterday Today Tomorrow Although Though Because Under Over Until Unlike Like Amid ' +
    'Among Against During Without Within Why How What Where Who Whom Whose Which His Her Its Their Our My'
  ).split(' '),
);
const APOSTROPHES = /[’‘`]/g;
const POSSESSIVE = /\p{L}['’]s?$/u;

export function splitWords(text: string, offset = 0): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = offset + match.index;
    words.push({ text: match[0], start, end: start + match[0].length });
  }
  return words;
}

/** Curly apostrophes to straight ones, so "China’s" and "China's" compare equal. */
export function straightenApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}

export function isCapitalised(word: string): boolean {
  const first = word.codePointAt(0);
  if (first === undefined) return false;
  const char = String.fromCodePoint(first);
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/** "China’s", "Biden's", "officials’". */
export function isPossessive(word: string): boolean {
  return word.length > 2 && POSSESSIVE.test(word);
}

/** True when `span` overlaps any span of the sorted, non-overlapping `taken`. */
export function overlapsAny(span: Span, taken: readonly Span[]): boolean {
  let low = 0;
  let high = taken.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const other = taken[middle] as Span;
    if (other.end <= span.start) low = middle + 1;
    else if (other.start >= span.end) high = middle - 1;
    else return true;
  }
  return false;
}

/** Keeps the earliest of overlapping spans (the longest when they start together), in text order. */
export function keepFirstOfOverlapping<T extends Span>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const span of sorted) {
    const last = kept.at(-1);
    if (last === undefined || span.start >= last.end) kept.push(span);
  }
  return kept;
}

/** Index of the last of the `spans` (sorted by start) that starts before `position`, or -1. */
export function lastIndexStartingBefore(spans: readonly Span[], position: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((spans[middle] as Span).start < position) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
