/**
 * How long the article is: its words, and the minutes an adult reader needs for them at 238 words a minute
 * (the average silent reading rate for non-fiction measured by Brysbaert, 2019). Chinese and Japanese are
 * written without spaces: each of their characters counts as a word, which reads at about the same rate
 * (Brysbaert gives 255 characters a minute for Chinese).
 */
const WORDS_PER_MINUTE = 238;

/**
 * A word is what this expression matches: one Chinese or Japanese character, or a run of letters and digits
 * joined by apostrophes, full stops and hyphens. `countWords` counts its matches in one loop over character
 * codes (tests/shared/clean/reading-time.test.ts checks it against the expression).
 */
export const WORD_PATTERN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const UNSPACED_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** What a code point is to a word: a character that is a word on its own, a letter or digit, or neither. */
const UNSPACED = 1;
const LETTER_OR_DIGIT = 2;
const NEITHER = 3;
type Kind = typeof UNSPACED | typeof LETTER_OR_DIGIT | typeof NEITHER;
/** The kind of each BMP character past ASCII, found by regex the first time it is met (0: not yet). */
const BMP_KINDS = new Uint8Array(0x10000);

function kindByRegex(point: number): Kind {
  const char = String.fromCodePoint(point);
  if (UNSPACED_CHAR.test(char)) return UNSPACED;
  return WORD_CHAR.test(char) ? LETTER_OR_DIGIT : NEITHER;
}

/** The kind of each ASCII character: letters and digits, or neither. */
const ASCII_KINDS = Uint8Array.from({ length: 128 }, (_, code) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
    ? LETTER_OR_DIGIT
    : NEITHER,
);

/** The kind of a code point: ASCII from its table, the rest by regex (once per character of the BMP). */
function kindOf(point: number): Kind {
  if (point < 128) return ASCII_KINDS[point] as Kind;
  if (point > 0xffff) return kindByRegex(point);
  if (BMP_KINDS[point] === 0) BMP_KINDS[point] = kindByRegex(point);
  return BMP_KINDS[point] as Kind;
}

/** Whether a code point can be part of a run of letters and digits (the unspaced scripts are letters). */
const inRun = (point: number): boolean => kindOf(point) !== NEITHER;

/** An apostrophe, a straight or curly one, a full stop or a hyphen: joins two runs into one word. */
const isJoiner = (code: number): boolean =>
  code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d;

/** The end of the run of letters and digits that starts at `start`. */
function runEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // ASCII, most characters, by its code without codePointAt.
    if (code < 128) {
      if (ASCII_KINDS[code] === NEITHER) break;
      i += 1;
      continue;
    }
    const point = text.codePointAt(i) as number;
    if (!inRun(point)) break;
    i += point > 0xffff ? 2 : 1;
  }
  return i;
}

/** The matches of WORD_PATTERN in the text, counted without running it. */
export function countWords(text: string): number {
  let words = 0;
  let i = 0;
  while (i < text.length) {
    const point = text.codePointAt(i) as number;
    const kind = kindOf(point);
    if (kind !== LETTER_OR_DIGIT) {
      if (kind === UNSPACED) words += 1;
      i += point > 0xffff ? 2 : 1;
      continue;
    }
    words += 1;
    i = runEnd(text, i);
    while (i + 1 < text.length && isJoiner(text.charCodeAt(i)) && inRun(text.codePointAt(i + 1) as number)) {
      i = runEnd(text, i + 1);
    }
  }
  return words;
}

export function readingTime(text: string): { wordCount: number; readingMinutes: number } {
  const wordCount = countWords(text);
  return { wordCount, readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)) };
}
