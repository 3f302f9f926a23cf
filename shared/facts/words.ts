import { isSpace } from '../clean/text-context.ts';
import type { Span } from '../result.ts';

/** A word, number or punctuation mark with its exact offsets; `text === input.slice(start, end)`. */
export interface Word extends Span {
  readonly text: string;
}

/**
 * Words keep inner apostrophes and hyphens ("China’s", "co-founder"); numbers keep inner separators
 * ("6,000", "1.5"); anything else is one character. Every branch consumes at least one character and
 * none can match the same text two ways, so scanning is linear. `splitWords` finds its matches in one loop
 * over character codes (tests/shared/facts/words.test.ts checks it against the expression).
 */
export const WORD_PATTERN = /[\p{L}\p{M}]+(?:['’\-.][\p{L}\p{M}]+)*|\p{N}+(?:[.,]\p{N}+)*|\S/gu;
/** Capitalised words that open sentences or clauses and never begin a name or a title. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(
  (
    'The A An In On At But And Or So Then Earlier Later Before After When While Since Despite However ' +
    'Instead Meanwhile He She It They We I You This That These Those Both Last Next Also As If For From ' +
    'With By To Of Yesterday Today Tomorrow Although Though Because Under Over Until Unlike Like Amid ' +
    'Among Against During Without Within Why How What Where Who Whom Whose Which His Her Its Their Our My'
  ).split(' '),
);
/** The names of the weekdays and the months, written in full: capitalised, and never a name's first word. */
export const CALENDAR_NAMES: readonly string[] = (
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
  'August September October November December'
).split(' ');
const APOSTROPHES = /[’‘`]/g;
const POSSESSIVE = /\p{L}['’]s?$/u;

/** What a code point is to WORD_PATTERN: a letter or mark, a number, whitespace, or another character. */
const LETTER = 1;
const NUMBER = 2;
const SPACE = 3;
const OTHER = 4;
type Kind = typeof LETTER | typeof NUMBER | typeof SPACE | typeof OTHER;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const NUMBER_CHAR = /^\p{N}$/u;
const SPACE_CHAR = /^\s$/u;
/** The kind of each BMP character past ASCII, found by regex the first time it is met (0: not yet). */
const BMP_KINDS = new Uint8Array(0x10000);

function kindByRegex(point: number): Kind {
  const char = String.fromCodePoint(point);
  if (LETTER_OR_MARK.test(char)) return LETTER;
  if (NUMBER_CHAR.test(char)) return NUMBER;
  return SPACE_CHAR.test(char) ? SPACE : OTHER;
}

/** The kind of a code point: ASCII by its code, the rest by regex (once per character of the BMP). */
function kindOf(point: number): Kind {
  if (point < 128) {
    if ((point >= 97 && point <= 122) || (point >= 65 && point <= 90)) return LETTER;
    if (point >= 48 && point <= 57) return NUMBER;
    return point === 0x20 || (point >= 0x09 && point <= 0x0d) ? SPACE : OTHER;
  }
  if (point > 0xffff) return kindByRegex(point);
  if (BMP_KINDS[point] === 0) BMP_KINDS[point] = kindByRegex(point);
  return BMP_KINDS[point] as Kind;
}

/** The end of the run of code points of `kind` that starts at `start`. */
function runEnd(text: string, start: number, kind: Kind): number {
  let i = start;
  while (i < text.length) {
    const point = text.codePointAt(i) as number;
    if (kindOf(point) !== kind) break;
    i += point > 0xffff ? 2 : 1;
  }
  return i;
}

/** Joins two runs of letters into one word: an apostrophe (straight or curly), a hyphen or a full stop. */
const joinsLetters = (code: number): boolean =>
  code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x2e;
/** Joins two runs of digits into one number: a full stop or a comma. */
const joinsDigits = (code: number): boolean => code === 0x2e || code === 0x2c;

/** Where the match of WORD_PATTERN that starts with a run of `kind` (letters or digits) at `start` ends. */
function joinedRunEnd(text: string, start: number, kind: Kind): number {
  const joins = kind === LETTER ? joinsLetters : joinsDigits;
  let end = runEnd(text, start, kind);
  while (
    end + 1 < text.length &&
    joins(text.charCodeAt(end)) &&
    kindOf(text.codePointAt(end + 1) as number) === kind
  ) {
    end = runEnd(text, end + 1, kind);
  }
  return end;
}

/**
 * The two characters a case-insensitive Unicode expression (flags `iu`) folds to ASCII letters: the long s ("ſ",
 * read as "s") and the Kelvin sign ("K", read as "k"). An expression of ASCII words searched with `i` alone
 * (which V8 runs several times faster, `\b` above all) finds the same in a text without them.
 */
export const FOLDS_TO_ASCII = /[\u017f\u212a]/u;

/** The matches of WORD_PATTERN in `text`, their offsets moved by `offset`. */
export function splitWords(text: string, offset = 0): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    const point = text.codePointAt(i) as number;
    const kind = kindOf(point);
    if (kind === SPACE) {
      i += 1;
      continue;
    }
    const end = kind === OTHER ? i + (point > 0xffff ? 2 : 1) : joinedRunEnd(text, i, kind);
    words.push({ text: text.slice(i, end), start: offset + i, end: offset + end });
    i = end;
  }
  return words;
}

/**
 * The last run of non-space characters of `window` when the window ends in white space ("giant" in "the
 * publishing giant "), else undefined: what `(\S+)\s+$` captures, read from the end, where such an expression
 * would be retried from every position. A cue before a name that ends in `\s+$` ends with this word, so a Set
 * lookup on it can rule the cue out before its expression runs.
 */
export function wordBefore(window: string): string | undefined {
  let end = window.length;
  while (end > 0 && isSpace(window.charCodeAt(end - 1))) end--;
  if (end === window.length || end === 0) return undefined;
  let start = end;
  while (start > 0 && !isSpace(window.charCodeAt(start - 1))) start--;
  return window.slice(start, end);
}

/**
 * The words of `text.slice(from, to)`, as splitWords reads them (offsets in `text`), last first. White space
 * ends every word, so the words after a space are the same whatever the split starts from: the text is split
 * a run between spaces at a time, from the end, and a caller that stops early splits no further back.
 */
export function* wordsBackward(text: string, from: number, to: number): Generator<Word> {
  let end = to;
  while (end > from) {
    let start = end;
    while (start > from && !isSpace(text.charCodeAt(start - 1))) start--;
    const words = splitWords(text.slice(start, end), start);
    for (let index = words.length - 1; index >= 0; index--) yield words[index] as Word;
    end = start;
    while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  }
}

/** Curly apostrophes to straight ones, so "China’s" and "China's" compare equal. */
export function straightenApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}

export function isCapitalised(word: string): boolean {
  const first = word.codePointAt(0);
  if (first === undefined) return false;
  // An ASCII character is capitalised when it is A-Z (what the case test below finds, without its strings).
  if (first < 128) return first >= 65 && first <= 90;
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
