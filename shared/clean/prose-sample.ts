/**
 * The running prose of a text, for language detection: lines that read as sentences, not tables, lists,
 * headlines in capitals, bylines or lines of names and numbers. A sports results table or a list of
 * player names is made of proper nouns and figures, which look like any language to an n-gram detector.
 */

const LETTER = /\p{L}/gu;
const DIGIT = /\p{N}/gu;
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

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Whether one line of text is running prose (see the module comment). */
export function isProseLine(line: string): boolean {
  const letters = count(line, LETTER);
  if (letters < MIN_LINE_LETTERS) return false;
  const digits = count(line, DIGIT);
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

/** Up to SAMPLE_CHARS of the text's prose lines, joined by newlines ("" when it has none). */
export function proseSample(text: string): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of text.split('\n')) {
    if (length >= SAMPLE_CHARS) break;
    const trimmed = line.trim();
    if (!isProseLine(trimmed)) continue;
    kept.push(trimmed);
    length += trimmed.length + 1;
  }
  return kept.join('\n').slice(0, SAMPLE_CHARS);
}
