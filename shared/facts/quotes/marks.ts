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

const OPENING_DOUBLE = new Set(['“', '„', '«']);
const CLOSING_DOUBLE = new Set(['”', '»']);
const STRAIGHT_DOUBLE = '"';
const OPENING_SINGLE = '‘';
const CLOSING_SINGLE = '’';
const ANY_DOUBLE = /["“”„«»]/u;
/** A word that is a double quotation mark, of any of the styles above. */
export const QUOTATION_MARK = /^["“”„«»]$/u;
/** The characters the pairing acts on (a newline, double marks, single curly ones); it passes over the rest. */
const MARK_OR_NEWLINE = /[\n"“”„«»‘’]/g;
const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const OPENING_BRACKETS = new Set(['(', '[', '—', '–', '-', '/']);
const AFTER_CLOSE = /[.,;:!?)\]]/u;
const INNER_TRIM_END = /[\s,]+$/u;
/** A sentence's end and a space before an opening mark: "… it. ‘", "… it? ’ ‘" is not one. */
const RUN_ON = /[.!?]\s+$/u;
const INNER_TRIM_START = /^\s+/u;
const KEPT_TERMINAL = /[.!?,:]/u;
const WHITESPACE = /\s+/u;
const MAX_TITLE_WORDS = 8;
const TITLE_SMALL_WORDS = new Set('of the a an and or on in to for at by with from vs'.split(' '));
const SENTENCE_PUNCTUATION = /[.!?,;:]/u;
const TRAILING_STOP = /[.,]$/u;

/**
 * Pairs quotation marks paragraph by paragraph in one pass, nested ones too ("what he calls “hell” than…”);
 * stray closing marks are ignored, and marks left open at a paragraph's end are dropped unless the next
 * paragraph opens with a mark (a quotation running on). Single curly quotes count only in paragraphs without
 * double ones (British style), so apostrophes are never marks. Sorted by opening mark.
 */
export function findQuoteMarks(text: string): QuoteMarks[] {
  const marks: QuoteMarks[] = [];
  const open: number[] = [];
  let singles = false;
  let paragraphEnd = -1;
  // Only newlines and marks are read; between them, a paragraph's first character holds no double mark or
  // newline, so working out the paragraph at its first mark instead gives the same end and the same `singles`.
  MARK_OR_NEWLINE.lastIndex = 0;
  for (let found = MARK_OR_NEWLINE.exec(text); found !== null; found = MARK_OR_NEWLINE.exec(text)) {
    const index = found.index;
    if (index > paragraphEnd) {
      paragraphEnd = text.indexOf('\n', index);
      if (paragraphEnd < 0) paragraphEnd = text.length;
      singles = !ANY_DOUBLE.test(text.slice(index, paragraphEnd));
    }
    const char = found[0];
    const top = open.at(-1);
    if (char === '\n') {
      if (open.length > 0 && opensParagraph(text, index))
        pushMarks(marks, text, open[0] as number, index, true);
      open.length = 0;
    } else if (OPENING_DOUBLE.has(char)) {
      if (top !== undefined && isClosingPosition(text, index))
        pushMarks(marks, text, open.pop() as number, index, false);
      else open.push(index);
    } else if (CLOSING_DOUBLE.has(char)) {
      if (top !== undefined) pushMarks(marks, text, open.pop() as number, index, false);
    } else if (char === STRAIGHT_DOUBLE) {
      if (top !== undefined && (text[top] === STRAIGHT_DOUBLE || SPACE.test(text[index + 1] ?? ' '))) {
        pushMarks(marks, text, open.pop() as number, index, false);
      } else if (!SPACE.test(text[index + 1] ?? ' ')) open.push(index);
    } else if (singles && char === OPENING_SINGLE && !LETTER.test(text[index - 1] ?? '')) {
      // "…opportunity. ‘But I’ve said …": a new opening mark after a sentence's end, while a quotation is open, is
      // its next paragraph (run on where the line breaks were lost): the open one runs on into it.
      if (top !== undefined && text[top] === OPENING_SINGLE && RUN_ON.test(text.slice(index - 3, index)))
        pushMarks(marks, text, open.pop() as number, index, true);
      open.push(index);
    } else if (
      singles &&
      char === CLOSING_SINGLE &&
      top !== undefined &&
      !LETTER.test(text[index + 1] ?? '')
    ) {
      pushMarks(marks, text, open.pop() as number, index, false);
    }
  }
  return marks.sort((a, b) => a.open - b.open);
}

/**
 * An opening mark typed where a closing one belongs, "… 51 percent.“ When …": right after a word or
 * punctuation, and before a space, the end, or punctuation.
 */
function isClosingPosition(text: string, index: number): boolean {
  const before = text[index - 1] ?? ' ';
  const after = text[index + 1] ?? ' ';
  return (
    !SPACE.test(before) && !OPENING_BRACKETS.has(before) && (SPACE.test(after) || AFTER_CLOSE.test(after))
  );
}

function opensParagraph(text: string, newline: number): boolean {
  let index = newline;
  while (index < text.length && SPACE.test(text[index] as string)) index++;
  const char = text[index] ?? '';
  return OPENING_DOUBLE.has(char) || char === STRAIGHT_DOUBLE || char === OPENING_SINGLE;
}

function pushMarks(marks: QuoteMarks[], text: string, open: number, close: number, continued: boolean): void {
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
  const words = quoted.replace(TRAILING_STOP, '').split(WHITESPACE);
  return (
    words.length <= MAX_TITLE_WORDS &&
    !SENTENCE_PUNCTUATION.test(quoted.replace(TRAILING_STOP, '')) &&
    words.every((word) => isCapitalised(word) || TITLE_SMALL_WORDS.has(word))
  );
}
