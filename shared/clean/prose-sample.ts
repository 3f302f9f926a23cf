/**
 * The running prose of a text, for language detection: lines that read as sentences, not tables, lists,
 * headlines in capitals, bylines or lines of names and numbers. A sports results table or a list of
 * player names is made of proper nouns and figures, which look like any language to an n-gram detector.
 */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{N}$/u;
const CASED_CAPITAL = /^[^\p{L}]*\p{Lu}/u;
const CASED_LOWER = /^[^\p{L}]*\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
/** "8th", "29th", "1996-08-30": numbers, not words. */
const DIGIT_LED = /^[^\p{L}]*\p{N}/u;
const SPACE_RUN = /\s+/u;
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

/** The letters (`\p{L}`) and digits (`\p{N}`) of a line by code point: ASCII by its code, the rest by regex. */
function countLettersAndDigits(line: string): { letters: number; digits: number } {
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) letters += 1;
      else if (code >= 48 && code <= 57) digits += 1;
      continue;
    }
    const point = line.codePointAt(i) as number;
    const char = String.fromCodePoint(point);
    if (LETTER.test(char)) letters += 1;
    else if (DIGIT.test(char)) digits += 1;
    if (point > 0xffff) i += 1;
  }
  return { letters, digits };
}

/** Whether one line of text is running prose (see the module comment). */
export function isProseLine(line: string): boolean {
  const { letters, digits } = countLettersAndDigits(line);
  if (letters < MIN_LINE_LETTERS) return false;
  if (digits > MAX_DIGIT_SHARE * (letters + digits)) return false;
  const words = line.split(SPACE_RUN).filter((word) => HAS_LETTER.test(word));
  if (words.length < MIN_LINE_WORDS) return UNSPACED_SCRIPT.test(line);
  let capitalised = 0;
  let lower = 0;
  for (const word of words) {
    if (DIGIT_LED.test(word)) continue;
    if (CASED_CAPITAL.test(word)) capitalised += 1;
    else if (CASED_LOWER.test(word)) lower += 1;
  }
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
