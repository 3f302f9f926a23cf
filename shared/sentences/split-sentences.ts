import { isSpace } from '../clean/text-context.ts';
import { reportingVerb } from '../facts/quotes/lexicon.ts';
import type { Span } from '../result.ts';

export interface Sentence extends Span {
  /** Exactly `input.slice(start, end)`. */
  readonly text: string;
}

/**
 * Where a sentence may end: a run of terminal punctuation with its closing quotes and brackets, before
 * whitespace or the end of the text; the same glued to a capitalised word (`season.The`, scraped text);
 * a CJK full stop, exclamation or question mark (no space follows them); or a line break.
 */
const CANDIDATE_BOUNDARY =
  /[.!?\u2026]+["'\u201d\u2019)\]]*(?=\s|$)|(?<=[a-z]{2})[.!?]["'\u201d\u2019]?(?=[A-Z][a-z])|[\u3002\uff01\uff1f]+[\u300d\u300f\u201d\u2019\uff09]*|\n/g;
const CJK_TERMINAL = /^[\u3002\uff01\uff1f]/;
const TERMINAL_PUNCTUATION = /^[.!?\u2026]+/;
const FIRST_WORD = /^\s*["'\u201c\u2018([]*([^\s"'\u201d\u2019)\]]*)/;
const LOWERCASE_START = /^\s*["'\u201c\u2018([]*[a-z]/;
const DIGIT_START = /^\s*\d/;
const INITIAL = /^[A-Z]$/;
const UPPERCASE_ACRONYM = /^(?:[A-Z]\.)+[A-Z]$/;
/** How far around a candidate boundary the decision looks; bounded so splitting stays linear. */
const LOOK_AROUND = 48;
const LIST_NUMBER = /^\d{1,2}$/;
const NON_LETTER = /[^a-z]/g;
const BLANK_LINE_NEXT = /^[ \t]*\n/;
const BULLET_MARKER = /^[ \t]*(?:[-*\u2022\u2023\u25aa\u25cf\u2013\u2014\u00b7]|\d{1,2}[.)])[ \t]+/;
const CONTINUATION_END = /[,;:\-\u2013\u2014]$/;
const EDGE_JUNK = /^[\s"'\u201c\u201d\u2018\u2019()[\].,;:!?\u2026\-\u2013\u2014*\u2022]*$/;

/**
 * A speaker named after a quoted question or exclamation, on the same line: capitalised words, then a word that may
 * be a reporting verb (`“Why now?” Mayor Hale asked …`, `“Go!” Matt Jones shouted.`).
 */
const NAMED_SPEAKER = /^[ \t]+(?:\p{Lu}[\p{L}'\u2019.-]*[ \t]+){1,4}(\p{Ll}+)/u;
const ENDS_IN_CLOSING_QUOTE = /["\u201d]$/;

/**
 * Whether a quoted question or exclamation runs on into its attribution, `“Why now?” Mayor Hale asks as he
 * drives.`: one sentence, as with `she asked`. A reporting verb in the present or past tense must follow the name.
 */
function quoteRunsOnToSpeaker(match: string, rest: string): boolean {
  if (!ENDS_IN_CLOSING_QUOTE.test(match)) return false;
  const word = NAMED_SPEAKER.exec(rest)?.[1];
  if (word === undefined) return false;
  const verb = reportingVerb(word);
  return verb?.rank === 2 && (verb.form === 'third' || verb.form === 'past');
}

/** Always followed by a name or a noun: a full stop after them never ends a sentence. */
const TITLES = new Set(
  (
    'mr mrs ms messrs dr prof gen sen rep gov lt col capt cpt sgt cpl pvt maj adm cmdr rev fr st mt ' +
    'ft hon pres supt det insp brig cdr gens reps sens vs v approx dept univ assn bros e.g i.e cf ' +
    'mme mlle'
  ).split(' '),
);
/** Abbreviations that usually continue the sentence but may end it: a boundary only before a sentence starter. */
const BEFORE_STARTER = new Set(['jr', 'sr', 'etc', 'al']);
/** Abbreviations that stay inside a sentence only when a number follows (`Jan. 5`, `No. 10`). */
const BEFORE_NUMBER = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec no nos vol p pp art fig ch sec op ex'.split(' '),
);
/** Words that start sentences: after `U.S.` they mark a boundary, anything else continues (`U.S. Army`). */
const SENTENCE_STARTERS = new Set(
  (
    'a an the he she it they we i you but and so yet in on at this that these those there his her ' +
    'their its our my if when while after before as however meanwhile officials police some many most ' +
    'no not for what who why how where one two three last earlier now then'
  ).split(' '),
);

function firstWord(rest: string): string {
  return FIRST_WORD.exec(rest)?.[1] ?? '';
}

/** Decides whether the full stop ending `word` closes a sentence, given the text that follows it. */
function fullStopEndsSentence(word: string, rest: string): boolean {
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return false;
  // An initial continues the name (`J. K. Rowling`); a letter that ends a name (`Side A. Her single …`) ends a
  // sentence before a sentence starter.
  if (INITIAL.test(word)) return SENTENCE_STARTERS.has(firstWord(rest).toLowerCase().replace(NON_LETTER, ''));
  if (BEFORE_NUMBER.has(lower)) return !DIGIT_START.test(rest);
  if (UPPERCASE_ACRONYM.test(word) || BEFORE_STARTER.has(lower)) {
    return SENTENCE_STARTERS.has(firstWord(rest).toLowerCase().replace(NON_LETTER, ''));
  }
  return true;
}

/** A space, a straight or curly opening quote or an opening bracket: what the word before a full stop runs back to. */
const isWordEdge = (code: number) =>
  isSpace(code) ||
  code === 34 ||
  code === 39 ||
  code === 0x201c ||
  code === 0x2018 ||
  code === 40 ||
  code === 91;

/**
 * The word before a full stop at `index`: everything back to the previous space or opening quote or bracket,
 * looking back LOOK_AROUND characters at most (the match of /[^\s"'\u201c\u2018([]*$/ on them, found from the end
 * instead of tried from every start).
 */
export function wordBefore(text: string, index: number): string {
  const from = Math.max(0, index - LOOK_AROUND);
  let start = index;
  while (start > from && !isWordEdge(text.charCodeAt(start - 1))) start--;
  return text.slice(start, index);
}

/** Whether only spaces separate `index` from the start of the sentence being read (looking back a bounded distance). */
function isSentenceStart(text: string, index: number, sentenceStart: number): boolean {
  return index - sentenceStart <= LOOK_AROUND && text.slice(sentenceStart, index).trim() === '';
}

/** The text just after a position, enough to read the next word. */
function lookahead(text: string, from: number): string {
  return text.slice(from, from + LOOK_AROUND);
}

function punctuationEndsSentence(text: string, index: number, match: string, sentenceStart: number): boolean {
  const rest = lookahead(text, index + match.length);
  if (rest.trim() === '') return true;
  if (BLANK_LINE_NEXT.test(rest)) return true;
  if (LOWERCASE_START.test(rest)) return false;
  const punctuation = TERMINAL_PUNCTUATION.exec(match)?.[0] ?? '';
  if (punctuation !== '.') return !quoteRunsOnToSpeaker(match, rest);
  const word = wordBefore(text, index);
  if (LIST_NUMBER.test(word) && isSentenceStart(text, index - word.length, sentenceStart)) return false;
  return fullStopEndsSentence(word, rest);
}

/** A single line break ends a sentence (headlines, list items) unless the text plainly runs on. */
function lineBreakEndsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 1), index);
  const rest = lookahead(text, index + 1);
  if (BLANK_LINE_NEXT.test(rest) || BULLET_MARKER.test(rest)) return true;
  return !(CONTINUATION_END.test(before) || LOWERCASE_START.test(rest));
}

function toSentence(text: string, start: number, end: number): Sentence | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  const bullet = BULLET_MARKER.exec(text.slice(from, to));
  if (bullet) from += bullet[0].length;
  const sentence = text.slice(from, to);
  if (EDGE_JUNK.test(sentence)) return undefined;
  return { text: sentence, start: from, end: to };
}

/**
 * Splits text into sentences with exact spans (`text === input.slice(start, end)`), robust to
 * abbreviations, initials, decimals, ellipses, closing quotes, headlines without full stops and bullets.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(CANDIDATE_BOUNDARY)) {
    const end = match.index + match[0].length;
    const isBoundary =
      match[0] === '\n'
        ? lineBreakEndsSentence(text, match.index)
        : CJK_TERMINAL.test(match[0]) || punctuationEndsSentence(text, match.index, match[0], start);
    if (!isBoundary) continue;
    const sentence = toSentence(text, start, end);
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const last = toSentence(text, start, text.length);
  if (last) sentences.push(last);
  return sentences;
}
