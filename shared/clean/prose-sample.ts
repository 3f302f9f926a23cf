/**
 * The running prose of a text, for language detection: lines that read as sentences, not tables, lists,
 * headlines in capitals, bylines or lines of names and numbers. A sports results table or a list of
 * player names is made of proper nouns and figures, which look like any language to an n-gram detector.
 */

import { isSpace } from './text-context.ts';

/** Scripts written without spaces between words: a line of them is one "word" to a space split. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

/** A prose line has at least this many letters... */
const MIN_LINE_LETTERS = 20;
/** ...and this many words (unless its script has no spaces)... */
const MIN_LINE_WORDS = 5;
/** ...at most this share of them capitalised (a list of names or a headline has more)... */
const MAX_CAPITALISED_SHARE = 0.6;
/** ...and at most this share of digits among its letters and digits (scores, tables). */
const MAX_DIGIT_SHARE = 0.2;
/** Detection reads at most this much prose. */
export const SAMPLE_CHARS = 4000;

/** What a code point is to the prose test: a capital (`\p{Lu}`), a lowercase letter (`\p{Ll}`), another letter, a digit (`\p{N}`). */
const CAPITAL = 1;
const LOWER = 2;
const OTHER_LETTER = 3;
const DIGIT = 4;
const NEITHER = 5;
type Kind = typeof CAPITAL | typeof LOWER | typeof OTHER_LETTER | typeof DIGIT | typeof NEITHER;
const CAPITAL_LETTER = /^\p{Lu}$/u;
const LOWER_LETTER = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
/** The kind of each BMP character past ASCII, found by regex the first time it is met (0: not yet). */
const BMP_KINDS = new Uint8Array(0x10000);

function kindByRegex(point: number): Kind {
  const char = String.fromCodePoint(point);
  if (CAPITAL_LETTER.test(char)) return CAPITAL;
  if (LOWER_LETTER.test(char)) return LOWER;
  if (LETTER.test(char)) return OTHER_LETTER;
  return NUMBER.test(char) ? DIGIT : NEITHER;
}

/** The kind of a code point: ASCII by its code, the rest by regex (once per character of the BMP). */
function kindOf(point: number): Kind {
  if (point < 128) {
    if (point >= 97 && point <= 122) return LOWER;
    if (point >= 65 && point <= 90) return CAPITAL;
    return point >= 48 && point <= 57 ? DIGIT : NEITHER;
  }
  if (point > 0xffff) return kindByRegex(point);
  if (BMP_KINDS[point] === 0) BMP_KINDS[point] = kindByRegex(point);
  return BMP_KINDS[point] as Kind;
}

/** The letters and digits of a line, by code point. */
function countLettersAndDigits(line: string): { letters: number; digits: number } {
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < line.length; i += 1) {
    const point = line.codePointAt(i) as number;
    const kind = kindOf(point);
    if (kind === DIGIT) digits += 1;
    else if (kind !== NEITHER) letters += 1;
    if (point > 0xffff) i += 1;
  }
  return { letters, digits };
}

/**
 * The words of a line (the pieces between runs of whitespace that have a letter), and how many of them
 * open with a capital or with a lowercase letter: by its first letter, unless a digit comes before it
 * ("8th", "29th", "1996-08-30" are numbers, not words).
 */
function wordCases(line: string): { words: number; capitalised: number; lower: number } {
  let words = 0;
  let capitalised = 0;
  let lower = 0;
  let i = 0;
  while (i < line.length) {
    if (isSpace(line.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let firstLetter: Kind | undefined;
    let digitFirst = false;
    for (; i < line.length && !isSpace(line.charCodeAt(i)); i += 1) {
      const point = line.codePointAt(i) as number;
      if (point > 0xffff) i += 1;
      if (firstLetter !== undefined) continue;
      const kind = kindOf(point);
      if (kind === DIGIT) digitFirst = true;
      else if (kind !== NEITHER) firstLetter = kind;
    }
    if (firstLetter === undefined) continue;
    words += 1;
    if (digitFirst) continue;
    if (firstLetter === CAPITAL) capitalised += 1;
    else if (firstLetter === LOWER) lower += 1;
  }
  return { words, capitalised, lower };
}

/** Whether one line of text is running prose (see the module comment). */
export function isProseLine(line: string): boolean {
  const { letters, digits } = countLettersAndDigits(line);
  if (letters < MIN_LINE_LETTERS) return false;
  if (digits > MAX_DIGIT_SHARE * (letters + digits)) return false;
  const { words, capitalised, lower } = wordCases(line);
  if (words < MIN_LINE_WORDS) return UNSPACED_SCRIPT.test(line);
  // Caseless scripts (Arabic, Hebrew, Devanagari...) have neither: their lines pass.
  return capitalised + lower === 0 || capitalised <= MAX_CAPITALISED_SHARE * (capitalised + lower);
}

/**
 * Up to `maxChars` (SAMPLE_CHARS) of the text's prose lines, joined by newlines ("" when it has none): a
 * shorter sample is the start of the longer one.
 */
export function proseSample(text: string, maxChars = SAMPLE_CHARS): string {
  const kept: string[] = [];
  let length = 0;
  // Line by line from the top, no further than the sample needs (a split would cut the whole text).
  for (let from = 0; from <= text.length && length < maxChars; ) {
    const newline = text.indexOf('\n', from);
    const end = newline < 0 ? text.length : newline;
    const trimmed = text.slice(from, end).trim();
    from = end + 1;
    if (!isProseLine(trimmed)) continue;
    kept.push(trimmed);
    length += trimmed.length + 1;
  }
  return kept.join('\n').slice(0, maxChars);
}
