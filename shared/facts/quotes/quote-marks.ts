/**
 * A pair of quotation marks and what is read from one: the words between them (trimmed), the text with every
 * quotation blanked out, nesting, and quoted titles. `marks.ts` and `straight-singles.ts` find the pairs.
 */
import type { Span } from '../../result.ts';
import { isCapitalised } from '../words.ts';

/** A pair of quotation marks: `open`/`close` are the marks' offsets, `inner` the words between them. */
export interface QuoteMarks {
  readonly open: number;
  readonly close: number;
  readonly inner: Span;
  /** Runs to the end of its paragraph because the next paragraph continues it with a new opening mark. */
  readonly continued: boolean;
}

/** A word that is a double quotation mark, of any of the styles `marks.ts` pairs. */
export const QUOTATION_MARK = /^["“”„«»]$/u;
const INNER_TRIM_END = /[\s,]+$/u;
const INNER_TRIM_START = /^\s+/u;
const KEPT_TERMINAL = /[.!?,:]/u;
const WHITESPACE = /\s+/u;
const MAX_TITLE_WORDS = 8;
const TITLE_SMALL_WORDS = new Set('of the a an and or on in to for at by with from vs'.split(' '));
const SENTENCE_PUNCTUATION = /[.!?,;:]/u;
const TRAILING_STOP = /[.,]$/u;

/** Adds the pair from the mark at `open` to the one at `close`, unless nothing but space and commas lies between. */
export function pushMarks(
  marks: QuoteMarks[],
  text: string,
  open: number,
  close: number,
  continued: boolean,
): void {
  const raw = text.slice(open + 1, close);
  const start = open + 1 + (INNER_TRIM_START.exec(raw)?.[0].length ?? 0);
  const end = close - (INNER_TRIM_END.exec(raw)?.[0].length ?? 0);
  if (end > start) marks.push({ open, close, inner: { start, end }, continued });
}

/**
 * The text with every quotation's words blanked out (offsets kept), so that verbs and names inside a
 * quote are never read as its attribution; a quote's final . ! ? , or : is kept to mark where sentences end.
 */
export function maskQuotes(text: string, marks: readonly QuoteMarks[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const { open, close } of marks) {
    if (open < cursor) continue; // nested in the quotation just blanked
    parts.push(text.slice(cursor, open + 1));
    const inner = text.slice(open + 1, close);
    const last = inner.trimEnd().at(-1) ?? '';
    const blank = ' '.repeat(inner.length);
    const keep = KEPT_TERMINAL.test(last) ? inner.trimEnd().length - 1 : -1;
    parts.push(keep >= 0 ? `${blank.slice(0, keep)}${last}${blank.slice(keep + 1)}` : blank);
    cursor = close;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** True when `inner` lies within `outer`'s marks: a quotation inside a quotation. */
export function isNested(inner: QuoteMarks, outer: QuoteMarks): boolean {
  return inner.open > outer.open && inner.close < outer.close;
}

/** Quoted words that are a title or a name (“Face the Nation”), not anyone's words. */
export function isTitleCase(quoted: string): boolean {
  const unstopped = quoted.replace(TRAILING_STOP, '');
  // Split no further than one word past the most a title holds: a longer quotation is no title.
  const words = unstopped.split(WHITESPACE, MAX_TITLE_WORDS + 1);
  return (
    words.length <= MAX_TITLE_WORDS &&
    !SENTENCE_PUNCTUATION.test(unstopped) &&
    words.every((word) => isCapitalised(word) || TITLE_SMALL_WORDS.has(word))
  );
}

/**
 * A title with punctuation of its own: two to eight words, each capitalised or a small word, with commas, an ellipsis
 * or a closing "!"/"?" between them ("Wait, Wait … Don’t Tell Me!"). Not Title Case by isTitleCase, which takes
 * punctuation for a sentence's.
 */
export function isPunctuatedTitle(quoted: string): boolean {
  const words = quoted
    .split(WHITESPACE, MAX_TITLE_WORDS + 2)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
  return (
    words.length >= 2 &&
    words.length <= MAX_TITLE_WORDS &&
    !/[.;:]\s/u.test(quoted) &&
    words.every((word) => isCapitalised(word) || TITLE_SMALL_WORDS.has(word))
  );
}
