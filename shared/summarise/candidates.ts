import type { Sentence } from '../sentences/split-sentences.ts';

/** Why a sentence cannot be part of a summary; undefined when it can. */
export type Rejection = 'caption' | 'question' | 'fragment' | 'too-short' | 'too-long' | 'quote-fragment';

export const MIN_WORDS = 6;
export const MAX_WORDS = 60;
/** A sentence whose words are at least this share inside quotation marks is mostly a quote. */
const MAX_QUOTED_SHARE = 0.6;

/** Captions, credits and page furniture that survived cleaning. */
const CAPTION_PATTERNS: readonly RegExp[] = [
  /\bscroll down\b/i,
  /\b(?:photo|picture|image|video)s?\s*(?:credit|courtesy)?\s*:/i,
  /^\s*\(?(?:photo|picture|image|file photo|pictured|above|below|left|right|top|bottom|inset)\s*[:)]/i,
  /\b(?:getty images|reuters|ap photo|afp|pa wire|rex features|shutterstock|splash news|epa|alamy)\s*\)?\s*$/i,
  /\((?:photo|picture|image)\b[^)]*\)/i,
  /\b(?:click here|read more|sign up|subscribe|follow (?:us|him|her|me) on|share this|comments? below)\b/i,
  /\bcaption\b/i,
  /^\s*(?:pictured|above|below|left|right|inset|top|bottom)\b/i,
];
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu;
const OPENING_QUOTE = /["\u201c\u2018']/;
const QUOTED_SPAN =
  /["\u201c][^"\u201c\u201d]*["\u201d]?|(?<![\p{L}\p{N}])\u2018[^\u2018\u2019]*(?:\u2019(?![\p{L}\p{N}])|$)/gu;
const LOWERCASE_START = /^[\p{Ll}]/u;
const ENDS_AS_QUESTION = /\?["'\u201d\u2019)]*$/;
const HAS_LOWERCASE_WORD = /\b\p{Ll}{2,}\b/u;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Share of the sentence's words that sit inside quotation marks. */
export function quotedShare(text: string): number {
  const words = countWords(text);
  if (words === 0) return 0;
  let quoted = 0;
  for (const match of text.matchAll(QUOTED_SPAN)) quoted += countWords(match[0]);
  return Math.min(1, quoted / words);
}

/** Why `sentence` should not be in a summary, or undefined when it is a fair candidate. */
export function rejectionOf(sentence: Sentence): Rejection | undefined {
  const text = sentence.text;
  const words = countWords(text);
  if (CAPTION_PATTERNS.some((pattern) => pattern.test(text))) return 'caption';
  if (ENDS_AS_QUESTION.test(text)) return 'question';
  if (LOWERCASE_START.test(text) || !HAS_LOWERCASE_WORD.test(text)) return 'fragment';
  if (words < MIN_WORDS) return 'too-short';
  if (words > MAX_WORDS) return 'too-long';
  if (OPENING_QUOTE.test(text[0] ?? '') && quotedShare(text) >= MAX_QUOTED_SHARE) return 'quote-fragment';
  return undefined;
}
