import type { Sentence } from '../sentences/split-sentences.ts';
import { isLetterOrDigitUnit } from './tokens.ts';

/** Why a sentence cannot be part of a summary; undefined when it can. */
export type Rejection =
  | 'caption'
  | 'question'
  | 'fragment'
  | 'unpunctuated'
  | 'too-short'
  | 'too-long'
  | 'quote-fragment';

export const MIN_WORDS = 6;
export const MAX_WORDS = 60;
/** A sentence with at least this share of its letters inside quotation marks is mostly a quote. */
const MAX_QUOTED_SHARE = 0.6;

/** Captions, credits and page furniture that survived cleaning. */
const CAPTION_PATTERNS: readonly RegExp[] = [
  /\bscroll down\b/i,
  /\b(?:photo|picture|image|video)s?\s*(?:credit|courtesy)?\s*:/i,
  /^\s*\(?(?:photo|picture|image|file photo|pictured|above|below|left|right|top|bottom|inset)\s*[:)]/i,
  /\b(?:getty images|reuters|ap photo|afp|pa wire|rex features|shutterstock|splash news|epa|alamy)\s*\)?\s*$/i,
  /\((?:photo|picture|image)\b[^)]*\)/i,
  /\b(?:click here|read more|sign up|subscribe|follow (?:us|him|her|me) on|share this|comments? below)\b/i,
  /\b(?:image |photo )?caption\s*:/i,
  /^\s*pictured\b/i,
  // Wire-service credits: "Reporting by Jane Doe; Editing by John Roe", "(Additional reporting by …)".
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b/i,
  // A page's review credit and its pointer to elsewhere: "Written or reviewed by a board-certified physician.",
  // "Visit the website for a complete list."
  /^(?:written|reviewed|medically reviewed|fact-checked|written or reviewed) by\b/i,
  /^(?:please )?(?:visit|see|check out|go to|head to) (?:our|the|their|this|its) (?:website|web site|site|page|blog)\b/i,
  // A chart's or table's credit line: "SOURCE: Aviation Safety Network; World Bank."
  /^sources?\s*:/i,
  // An illustration's caption: "Artist's concept of the probe leaving orbit."
  /^(?:an? )?artist['\u2019]s (?:concept|conception|impression|rendering|illustration|depiction)\b/i,
  // Agency captions end on the picture's date and place: "... outside the station on June 12, 2014 in São
  // Paulo." (a sentence that merely ends on a date, "The law took effect on June 1, 2015.", is the story's).
  /\bon (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4},? in [\p{Lu}][\p{L} .,'\u2019-]{1,40}\.$/u,
];
/**
 * CAPTION_PATTERNS as one expression for each set of flags: a text matches it when it matches any of them, in
 * one scan instead of one per pattern (about 1.7x faster on the CNN/DM dev sentences).
 */
const CAPTION = [...new Set(CAPTION_PATTERNS.map((pattern) => pattern.flags))].map(
  (flags) =>
    new RegExp(
      CAPTION_PATTERNS.filter((pattern) => pattern.flags === flags)
        .map((pattern) => `(?:${pattern.source})`)
        .join('|'),
      flags,
    ),
);
/** The quotation marks: `"`, `'`, `\u201c`, `\u201d`, `\u2018` and `\u2019`, by character code. */
const DOUBLE_QUOTE = 34;
const APOSTROPHE = 39;
const LEFT_DOUBLE_QUOTE = 0x201c;
const RIGHT_DOUBLE_QUOTE = 0x201d;
const LEFT_SINGLE_QUOTE = 0x2018;
const RIGHT_SINGLE_QUOTE = 0x2019;
const isQuoteMark = (code: number) =>
  code === DOUBLE_QUOTE ||
  code === APOSTROPHE ||
  code === LEFT_DOUBLE_QUOTE ||
  code === RIGHT_DOUBLE_QUOTE ||
  code === LEFT_SINGLE_QUOTE ||
  code === RIGHT_SINGLE_QUOTE;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const BEFORE_OPENING = /[\s([\u2014\u2013-]/;
const BEFORE_CLOSING = /[\p{L}\p{N}.,!?\u2026-]/u;
const AFTER_CLOSING = /[\s.,;:!?)\]\u2014\u2013-]/;
const LOWERCASE_START = /^[\p{Ll}]/u;
/** A sentence ends on a full stop, question or exclamation mark (of any script), then closing quotes or brackets. */
const ENDS_AS_SENTENCE =
  /[.!?\u2026\u3002\uff01\uff1f\u0964\u0965\u06d4\u061f\u0589\u1362\u104b]["'\u201d\u2019)\]\u300d\u300f\u00bb\u203a]*$/u;
/** Scripts written without sentence punctuation: their sentences cannot be told by it. */
const UNPUNCTUATED_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Tibetan}]/u;
/** A note wholly in brackets: "(369 Zone Industrielle; 212-524-3366)". */
const BRACKETED = /^\([^()]*\)[.!?]?$/;
const ENDS_AS_QUESTION = /\?["'\u201d\u2019)]*$/;
const HAS_LOWERCASE_WORD = /\p{Ll}{2,}/u;
const HAS_UPPERCASE = /\p{Lu}/u;
/** Han, kana and hangul: scripts written without spaces between words. */
const UNSPACED_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Unspaced characters per word, roughly, for length limits. */
const CHARACTERS_PER_WORD = 2;

/** Whether each BMP character is UNSPACED_CHARACTER, found by it the first time the character is met: 0 not yet, 1 no, 2 yes. */
const UNSPACED_KINDS = new Uint8Array(0x10000);

function isUnspacedCharacter(point: number): boolean {
  if (point > 0xffff) return UNSPACED_CHARACTER.test(String.fromCodePoint(point));
  let kind = UNSPACED_KINDS[point] as number;
  if (kind === 0) {
    kind = UNSPACED_CHARACTER.test(String.fromCharCode(point)) ? 2 : 1;
    UNSPACED_KINDS[point] = kind;
  }
  return kind === 2;
}

/** `'`, `\u2019`, `.` and `-`: they carry a word on once it has started (`don't`, `U.S.`, `well-known`). */
const isInsideWord = (point: number) => point === 39 || point === 0x2019 || point === 46 || point === 45;

/** Words in the text; in scripts written without spaces, characters / 2 as an estimate. */
export function countWords(text: string): number {
  // A word starts at a letter or digit and runs on through letters, digits and the isInsideWord characters:
  // the matches of /[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu, counted in one pass over the code points without
  // building them (or a string per character).
  let words = 0;
  let unspaced = 0;
  let inWord = false;
  for (let index = 0; index < text.length; ) {
    const point = text.codePointAt(index) as number;
    index += point > 0xffff ? 2 : 1;
    if (point >= 128 && isUnspacedCharacter(point)) unspaced++;
    if (isLetterOrDigitPoint(point)) {
      if (!inWord) words++;
      inWord = true;
    } else if (!isInsideWord(point)) {
      inWord = false;
    }
  }
  return unspaced === 0 ? words : Math.max(words, Math.round(unspaced / CHARACTERS_PER_WORD));
}

/** Shouting or a label: capitals with no lowercase word, in a script that has case. */
function isAllCaps(text: string): boolean {
  return HAS_UPPERCASE.test(text) && !HAS_LOWERCASE_WORD.test(text);
}

/** Letter or digit, with an ASCII fast path: this runs once per character of the article. */
function isLetterOrDigit(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(char);
}

/** A code point that is a letter or digit: BMP ones by tokens.ts's table, others by the expression. */
function isLetterOrDigitPoint(point: number): boolean {
  return point > 0xffff ? LETTER_OR_DIGIT.test(String.fromCodePoint(point)) : isLetterOrDigitUnit(point);
}

export interface QuoteScan {
  /** Share of the sentence's letters and digits inside quotation marks. */
  readonly share: number;
  /** The quotation still open when the sentence ends (quotes often run over several sentences). */
  readonly openAtEnd: OpenQuote;
  /** Whether the sentence has any quotation mark of its own. */
  readonly hasMarks: boolean;
}

export type OpenQuote = 'none' | 'double' | 'single';

/**
 * Scans quotation marks: curly double quotes by direction, straight double quotes by parity, single quotes
 * (curly or straight) as openers after a space and closers before one, so apostrophes (`don't`) are ignored.
 * A single quote with space on both sides (text detokenised from `' We won , ' he said`) closes an open
 * quotation and otherwise opens one.
 */
export function scanQuotes(text: string, openAtStart: OpenQuote = 'none'): QuoteScan {
  let inDouble = openAtStart === 'double';
  let inSingle = openAtStart === 'single';
  let hasMarks = false;
  let letters = 0;
  let quoted = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLetterOrDigitUnit(code)) {
      letters++;
      if (inDouble || inSingle) quoted++;
      continue;
    }
    if (!isQuoteMark(code)) continue;
    hasMarks = true;
    // The marks by code, not as strings: `text[i]` of a non-ASCII mark is a fresh string, not the interned
    // one a comparison with a literal was optimised for.
    if (code === LEFT_DOUBLE_QUOTE) inDouble = true;
    else if (code === RIGHT_DOUBLE_QUOTE) inDouble = false;
    else if (code === DOUBLE_QUOTE) inDouble = !inDouble;
    else {
      // A single quote: \u2018, ' or \u2019. Neighbours read within the text (no reads out of bounds).
      const before = i > 0 ? text[i - 1] : undefined;
      const after = i + 1 < text.length ? text[i + 1] : undefined;
      const opens =
        (before === undefined || BEFORE_OPENING.test(before)) &&
        after !== undefined &&
        isLetterOrDigit(after);
      const closes =
        (before === undefined || BEFORE_CLOSING.test(before) || BEFORE_OPENING.test(before)) &&
        (after === undefined || AFTER_CLOSING.test(after));
      const spaced = (before === undefined || /\s/.test(before)) && (after === undefined || /\s/.test(after));
      if (opens && code !== RIGHT_SINGLE_QUOTE) inSingle = true;
      else if (closes && inSingle) inSingle = false;
      else if (spaced && code === APOSTROPHE) inSingle = true;
    }
  }
  const openAtEnd = inDouble ? 'double' : inSingle ? 'single' : 'none';
  return { share: letters === 0 ? 0 : quoted / letters, openAtEnd, hasMarks };
}

/** Share of the sentence's letters inside quotation marks, for a sentence read on its own. */
export function quotedShare(text: string): number {
  return scanQuotes(text).share;
}

/** Why `sentence` should not be in a summary, or undefined when it is a fair candidate. */
export function rejectionOf(
  sentence: Sentence,
  quoted = quotedShare(sentence.text),
  words = countWords(sentence.text),
): Rejection | undefined {
  const text = sentence.text;
  if (CAPTION.some((pattern) => pattern.test(text))) return 'caption';
  if (ENDS_AS_QUESTION.test(text)) return 'question';
  if (LOWERCASE_START.test(text) || isAllCaps(text) || BRACKETED.test(text)) return 'fragment';
  if (!ENDS_AS_SENTENCE.test(text) && !UNPUNCTUATED_SCRIPT.test(text)) return 'unpunctuated';
  if (words < MIN_WORDS) return 'too-short';
  if (words > MAX_WORDS) return 'too-long';
  if (quoted >= MAX_QUOTED_SHARE) return 'quote-fragment';
  return undefined;
}

/** A low opening quote (`„…“`, German and others): there `“` closes, so marks cannot be read as English ones. */
const LOW_OPENING = /[\u201e\u201a]/;

/**
 * Whether the last curly double quote opens (`… tweeted: “Ascent successful.`): the quotation runs on into the next
 * sentence. Straight marks are left alone (their direction is a guess), and so is a text with low opening marks.
 */
function opensCurlyQuoteLeftOpen(text: string): boolean {
  if (LOW_OPENING.test(text)) return false;
  return text.lastIndexOf('\u201c') > text.lastIndexOf('\u201d');
}

/** Whether a closing curly double quote comes before any opening mark: the tail of a quotation begun earlier. */
function closesFirst(text: string): boolean {
  if (LOW_OPENING.test(text)) return false;
  const closing = text.indexOf('\u201d');
  if (closing < 0) return false;
  // A straight mark may open what a curly one closes (`Clinton’s "work-related” emails`).
  const opening = [text.indexOf('\u201c'), text.indexOf('"')].filter((index) => index >= 0);
  return opening.length === 0 || closing < Math.min(...opening);
}

export interface AssessedSentence {
  readonly sentence: Sentence;
  /** Share of its letters inside quotation marks, counting quotes opened by earlier sentences. */
  readonly quoted: number;
  /** Its words, as countWords counts them. */
  readonly words: number;
  readonly rejection: Rejection | undefined;
}

/**
 * Every sentence with its quotation share and the reason it is rejected, if any. A quotation left open by a
 * sentence carries into the next one (a multi-sentence quote), but no further unless that one has marks too,
 * so a mistaken apostrophe cannot mark the rest of the article as quoted.
 */
export function* assessEach(sentences: Iterable<Sentence>): Generator<AssessedSentence> {
  let open: OpenQuote = 'none';
  for (const sentence of sentences) {
    const scan = scanQuotes(sentence.text, open);
    // A double quotation that opens here and runs on into the next sentence, or closes here without opening: read
    // alone, the sentence stops or starts mid-quote.
    const cutsQuote =
      open === 'none' && (opensCurlyQuoteLeftOpen(sentence.text) || closesFirst(sentence.text));
    open = scan.hasMarks ? scan.openAtEnd : 'none';
    const words = countWords(sentence.text);
    const rejection = rejectionOf(sentence, scan.share, words) ?? (cutsQuote ? 'quote-fragment' : undefined);
    // One shape for every sentence: `rejection` present, undefined for a fair candidate.
    yield { sentence, quoted: scan.share, words, rejection };
  }
}

export function assessSentences(sentences: readonly Sentence[]): AssessedSentence[] {
  return [...assessEach(sentences)];
}
