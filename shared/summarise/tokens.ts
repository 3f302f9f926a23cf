/**
 * The summariser's two tokenisations, by character code instead of Unicode-property regular expressions (which
 * cost more than everything else the word model does per token): `modelTokens` gives the matches of
 * /[\p{L}\p{N}]+/gu (the word model's words), `phraseTokens` those of /[\p{L}][\p{L}\p{N}'\u2019-]*|[^\s\p{L}]+/gu
 * (the key phrases' words and punctuation). A test checks both against the expressions they stand for.
 */

const LETTER = 1;
const NUMBER = 2;
const SPACE = 4;
const KNOWN = 8;

const LETTER_PATTERN = /^\p{L}$/u;
const NUMBER_PATTERN = /^\p{N}$/u;
const SPACE_PATTERN = /^\s$/u;

/** The kind of each BMP character, found by regex the first time it is met (0: not yet). */
const BMP_KINDS = new Uint8Array(0x10000);

function kindByRegex(point: number): number {
  const character = String.fromCodePoint(point);
  return (
    KNOWN |
    (LETTER_PATTERN.test(character) ? LETTER : 0) |
    (NUMBER_PATTERN.test(character) ? NUMBER : 0) |
    (SPACE_PATTERN.test(character) ? SPACE : 0)
  );
}

/** The kind of a code point: ASCII letters and digits by their code, the rest by regex (once per BMP character). */
function kindOf(point: number): number {
  if (point < 128) {
    if ((point >= 97 && point <= 122) || (point >= 65 && point <= 90)) return LETTER;
    if (point >= 48 && point <= 57) return NUMBER;
    return point === 32 || (point >= 9 && point <= 13) ? SPACE : 0;
  }
  if (point > 0xffff) return kindByRegex(point);
  let kind = BMP_KINDS[point] as number;
  if (kind === 0) {
    kind = kindByRegex(point);
    BMP_KINDS[point] = kind;
  }
  return kind;
}

/** Whether each ASCII character is a letter or digit: the scans read most characters here. */
const ASCII_LETTER_OR_DIGIT = Uint8Array.from({ length: 128 }, (_, code) =>
  (kindOf(code) & (LETTER | NUMBER)) !== 0 ? 1 : 0,
);

/** Whether the code point `point` is a letter or digit (/[\p{L}\p{N}]/u). */
function isLetterOrDigit(point: number): boolean {
  if (point < 128) return ASCII_LETTER_OR_DIGIT[point] === 1;
  return (kindOf(point) & (LETTER | NUMBER)) !== 0;
}

/** Whether the UTF-16 code unit `code` alone is a letter or digit, as /[\p{L}\p{N}]/u tests `text[i]` (half a surrogate pair never is). */
export function isLetterOrDigitUnit(code: number): boolean {
  return isLetterOrDigit(code);
}

/** The width in UTF-16 code units of the code point `point`. */
const widthOf = (point: number) => (point > 0xffff ? 2 : 1);

/**
 * Where the next match of /[\p{L}\p{N}]+/gu in `text` starts, at or after `from`; `text.length` when none does.
 * (An ASCII character is read by its code, without codePointAt: the word model scans every sentence so.)
 */
export function modelTokenStart(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      if (ASCII_LETTER_OR_DIGIT[code] === 1) return index;
      index += 1;
      continue;
    }
    const point = text.codePointAt(index) as number;
    if (isLetterOrDigit(point)) return index;
    index += widthOf(point);
  }
  return text.length;
}

/** Where the match of /[\p{L}\p{N}]+/gu that starts at `start` (modelTokenStart's) ends. */
export function modelTokenEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      if (ASCII_LETTER_OR_DIGIT[code] === 0) return index;
      index += 1;
      continue;
    }
    const point = text.codePointAt(index) as number;
    if (!isLetterOrDigit(point)) return index;
    index += widthOf(point);
  }
  return text.length;
}

/** The matches of /[\p{L}\p{N}]+/gu in `text`: runs of letters and digits. */
export function modelTokens(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  let index = 0;
  while (index < text.length) {
    const point = text.codePointAt(index) as number;
    if (isLetterOrDigit(point)) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      tokens.push(text.slice(start, index));
      start = -1;
    }
    index += widthOf(point);
  }
  if (start >= 0) tokens.push(text.slice(start));
  return tokens;
}

const APOSTROPHE = 39;
const RIGHT_SINGLE_QUOTE = 0x2019;
const HYPHEN = 45;

/**
 * The matches of /[\p{L}][\p{L}\p{N}'\u2019-]*|[^\s\p{L}]+/gu in `text`: a word starts at a letter and runs on
 * through letters, digits, apostrophes and hyphens; any other run of characters that are neither spaces nor
 * letters (digits, punctuation) is a token of its own.
 */
export function phraseTokens(text: string): string[] {
  const tokens: string[] = [];
  let index = 0;
  while (index < text.length) {
    const point = text.codePointAt(index) as number;
    const kind = kindOf(point);
    if ((kind & SPACE) !== 0) {
      index += widthOf(point);
      continue;
    }
    const start = index;
    index += widthOf(point);
    if ((kind & LETTER) !== 0) {
      while (index < text.length) {
        const next = text.codePointAt(index) as number;
        const inWord =
          isLetterOrDigit(next) || next === APOSTROPHE || next === RIGHT_SINGLE_QUOTE || next === HYPHEN;
        if (!inWord) break;
        index += widthOf(next);
      }
    } else {
      while (index < text.length) {
        const next = text.codePointAt(index) as number;
        if ((kindOf(next) & (SPACE | LETTER)) !== 0) break;
        index += widthOf(next);
      }
    }
    tokens.push(text.slice(start, index));
  }
  return tokens;
}
