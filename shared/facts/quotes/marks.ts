/**
 * Where quotations are: double marks (curly, straight, guillemets) and single curly ones paired paragraph by paragraph,
 * and straight single ones (`straight-singles.ts`).
 */
import { pushMarks, type QuoteMarks } from './quote-marks.ts';
import { findStraightSingles } from './straight-singles.ts';

const OPENING_DOUBLE = new Set(['“', '„', '«']);
const CLOSING_DOUBLE = new Set(['”', '»']);
const STRAIGHT_DOUBLE = '"';
const OPENING_SINGLE = '‘';
const CLOSING_SINGLE = '’';
const ANY_DOUBLE = /["“”„«»]/u;
/** The characters the pairing acts on (a newline, double marks, single curly ones); it passes over the rest. */
const MARK_OR_NEWLINE = /[\n"“”„«»‘’]/g;
const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const OPENING_BRACKETS = new Set(['(', '[', '—', '–', '-', '/']);
const AFTER_CLOSE = /[.,;:!?)\]]/u;
/** A sentence's end and a space before an opening mark: "… it. ‘", "… it? ’ ‘" is not one. */
const RUN_ON = /[.!?]\s+$/u;
/** A space, then a word: what follows a mark set apart from the word it opens. */
const SET_APART_WORD = /^ [\p{L}\p{N}]/u;
/** What a quotation's words end with before a closing mark: "…, ", "… . ". */
const CLOSING_PUNCTUATION = /[,.!?;]/u;

/**
 * Pairs quotation marks paragraph by paragraph in one pass, nested ones too ("what he calls “hell” than…”);
 * stray closing marks are ignored, and marks left open at a paragraph's end are dropped unless the next
 * paragraph opens with a mark (a quotation running on). Single curly quotes count only in paragraphs without
 * double ones (British style), so apostrophes are never marks; straight single quotes are paired apart, outside
 * the other marks (`findStraightSingles`). Sorted by opening mark.
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
      } else if (!SPACE.test(text[index + 1] ?? ' ') || isSetApartOpening(text, index, top)) open.push(index);
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
  marks.push(...findStraightSingles(text, marks));
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

/**
 * A straight double mark set apart from the word it opens, when no quotation is open: at a line's start or after a
 * word, a colon or a comma after a quotation, then a space and a word ("their goal is to \" restore order.\" He …",
 * "said : \" We …"). After another comma or a sentence's end it is more often a closing mark whose opening one was
 * lost ("… my best tennis , \" Ray said"), so it opens nothing.
 */
function isSetApartOpening(text: string, index: number, top: number | undefined): boolean {
  if (top !== undefined || !SET_APART_WORD.test(text.slice(index + 1, index + 3))) return false;
  // Only after a space or at a line's start: "word" + mark is a closing mark.
  if (!SPACE.test(text[index - 1] ?? '\n')) return false;
  let before = index - 1;
  while (before >= 0 && text[before] !== '\n' && SPACE.test(text[before] as string)) before--;
  if (before < 0 || text[before] === '\n') return true;
  // "… in \" Ice Cold \" , \" Lawrence …": a comma after a quotation's closing mark lists the next one.
  if (text[before] === ',') return /["“”]\s*$/u.test(text.slice(Math.max(0, before - 3), before));
  return !CLOSING_PUNCTUATION.test(text[before] as string);
}

function opensParagraph(text: string, newline: number): boolean {
  let index = newline;
  while (index < text.length && SPACE.test(text[index] as string)) index++;
  const char = text[index] ?? '';
  return OPENING_DOUBLE.has(char) || char === STRAIGHT_DOUBLE || char === OPENING_SINGLE;
}
