import type { Span } from '../../result.ts';
import { isCapitalised } from '../words.ts';
import { PHRASE_BOUNDARIES, reportingVerb } from './lexicon.ts';

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
  const unstopped = quoted.replace(TRAILING_STOP, '');
  // Split no further than one word past the most a title holds: a longer quotation is no title.
  const words = unstopped.split(WHITESPACE, MAX_TITLE_WORDS + 1);
  return (
    words.length <= MAX_TITLE_WORDS &&
    !SENTENCE_PUNCTUATION.test(unstopped) &&
    words.every((word) => isCapitalised(word) || TITLE_SMALL_WORDS.has(word))
  );
}

const STRAIGHT_SINGLE = "'";
const STRAIGHT_SINGLE_OR_NEWLINE = /['\n]/gu;
/** Fewer words in straight single marks are a scare quote ('cheesy', 'girls' night out), not anyone's words. */
const MIN_SINGLE_WORDS = 3;
/** What an apostrophe opens without opening a quotation: '90s, 'em, 'til, rock 'n' roll, tokenised "Cotti 's", "I 'm". */
const ELISION = /^(?:\d|(?:em|til|cause|cos|n|bout|tis|twas|round|s|d|ll|re|ve|m|t)(?!\p{L}))/iu;
const OPENS_WORD = /[\p{L}\p{N}[(]/u;
const WORD_BEFORE_COMMA = /(\p{Ll}+), $/u;
/** How far back `wordBeforeComma` reads first, in characters. */
const COMMA_WORD_WINDOW = 40;
/** A quotation's last words end with punctuation: "…it,'", "…it!'", "…“Wow!”'"; "…it, '" where text was detokenised. */
const CLAUSE_END_BEFORE = /[.,!?…]["”]? ?$/u;
const WORD_END_BEFORE = /[\p{L}\p{N}%] ?$/u;
const AFTER_SINGLE_CLOSE = /[\s.,;:!?)\-–—]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PUNCTUATION = /[.,;:!?]/u;
const SENTENCE_END_MARK = /[.!?]/u;
/** A word of the first or second person: what the story's own sentences seldom hold and quotations often do. */
const FIRST_OR_SECOND_PERSON =
  /\b(?:I|i|me|Me|my|My|mine|myself|we|We|us|Us|our|Our|ours|you|You|your|Your)\b/u;
const WORDS = /\p{L}+/gu;
/** A quotation's comma, question or exclamation mark before its close, where its attribution follows. */
const CLAUSE_BEFORE_CLOSE = /[,!?] ?$/u;
/** How long a sentence that only attributes a quotation may be: "' Carmen, Mikenzy's mother, told Yahoo Parenting.". */
const MAX_ATTRIBUTION_LENGTH = 100;
/** How many words after a closing mark may come before its speech verb: "' the former champion said". */
const MAX_WORDS_BEFORE_VERB = 4;
/** Words after a plural's apostrophe that end the quotation rather than go on with a noun phrase. */
const NOT_POSSESSED = new Set(
  'a an the his her their its it he she they we i you this these those there here now'.split(' '),
);
/** Verb forms and adverbs after a closing mark: "' insisted", "' adding", "' quickly". */
const VERB_LIKE_ENDING = /(?:ed|ing|ly)$/u;
/**
 * A sentence of the story inside what the marks would hold: a photo caption's label or a colon that introduces a
 * quotation ("… this. Caught on camera: she …", "… home. She said:"), where an opening mark went unclosed.
 */
const LABEL_INSIDE = /[.!?]\s+\p{Lu}\S*(?: \S+){0,3}:(?:\s|$)/u;
/** A sentence's end with more words after it: the words before a mark hold more than one sentence. */
const SENTENCE_INSIDE = /[.!?]["”]?\s+\S/u;

/**
 * Straight single quotes, 'like this,' she said: the character is also the apostrophe (don't, the Smiths' songs,
 * '90s), so a mark opens only at a word's start and closes only after the last word of a quotation. It closes
 * after punctuation ("…this,' she said", "…this. '" in detokenised text) wherever the quotation began, or right
 * after a word ('a total disaster' for) only when no sentence ends inside and the word is no plural's possessive
 * ("each others' company"). A mark set apart after a sentence's end (". ' I …") opens a quotation only after a
 * sentence that attributes the quotation before, or when what it holds speaks in the first or second person or is
 * attributed right after it; else it is taken to close one. One is open at a time, and a new opening mark drops
 * it, but where the line breaks were lost a quotation whose next paragraph opens a new mark ("'We won. 'It was …")
 * runs on into it: one of a single sentence, or one introduced by a colon or a speech verb, or one in the first or
 * second person. Marks around fewer than three words, or around a photo caption's label, are dropped. Marks inside
 * the other quotation marks (“… rock 'n' roll …”) are left alone, and so are all of them in a text that quotes in
 * double marks.
 */
function findStraightSingles(text: string, others: readonly QuoteMarks[]): QuoteMarks[] {
  // ''Like this,'' (two apostrophes for a double mark, as some wires write) is a double style too.
  if (!text.includes(STRAIGHT_SINGLE) || text.indexOf("''") !== text.lastIndexOf("''")) return [];
  const marks: QuoteMarks[] = [];
  const pair = (from: number, to: number, continued: boolean) => {
    const inner = text.slice(from + 1, to);
    if (inner.trim().split(WHITESPACE).length >= MIN_SINGLE_WORDS && !LABEL_INSIDE.test(inner))
      pushMarks(marks, text, from, to, continued);
  };
  const covered = others.map(({ open, close }) => [open, close] as const).sort((a, b) => a[0] - b[0]);
  let cover = 0;
  let open: number | undefined;
  // The open mark is set apart after a sentence's end (". ' It"), which also closes quotations: it holds a quotation
  // only if what it holds speaks in the first or second person or is attributed right after its close.
  let tentative = false;
  // The open mark follows a colon or a speech verb ("said: 'We …"), or continues a quotation that did.
  let introduced = false;
  // Where the last quotation closed.
  let closed = -1;
  const openAt = (index: number) => {
    open = index;
    tentative = !opensSingle(text, index) && !followsAttribution(text, closed, index);
    introduced = !tentative && isIntroduced(text, index);
  };
  STRAIGHT_SINGLE_OR_NEWLINE.lastIndex = 0;
  for (
    let found = STRAIGHT_SINGLE_OR_NEWLINE.exec(text);
    found !== null;
    found = STRAIGHT_SINGLE_OR_NEWLINE.exec(text)
  ) {
    const index = found.index;
    while (cover < covered.length && (covered[cover] as readonly [number, number])[1] < index) cover++;
    const inOtherMarks = cover < covered.length && (covered[cover] as readonly [number, number])[0] < index;
    if (found[0] === '\n') {
      if (
        open !== undefined &&
        opensStraightParagraph(text, index) &&
        (!tentative || speaksOrIsAttributed(text, open, index))
      )
        pair(open, index, true);
      open = undefined;
    } else if (inOtherMarks) {
      // an apostrophe inside a quotation in other marks: “… rock 'n' roll …”
    } else if (open !== undefined && closesSingle(text, open, index)) {
      if (!tentative || speaksOrIsAttributed(text, open, index)) {
        pair(open, index, false);
        open = undefined;
        closed = index;
      } else if (opensSingle(text, index) || opensAfterSentence(text, index)) openAt(index);
      else open = undefined;
    } else if (opensSingle(text, index) || (open === undefined && opensAfterSentence(text, index))) {
      // "…day out. 'We still …": a new opening after a sentence's end, while a quotation is open, is its next
      // paragraph, run on where the line breaks were lost: the open one runs on into it when it is one sentence,
      // or was introduced by a colon or a speech verb, or speaks in the first or second person.
      const inner = text.slice(open ?? index, index).trimEnd();
      const runsOn: boolean =
        open !== undefined &&
        !tentative &&
        RUN_ON.test(text.slice(index - 3, index)) &&
        (introduced || !SENTENCE_INSIDE.test(inner) || FIRST_OR_SECOND_PERSON.test(inner));
      if (runsOn) pair(open as number, index, true);
      const continues: boolean = runsOn && (introduced || FIRST_OR_SECOND_PERSON.test(inner));
      openAt(index);
      introduced ||= continues;
    }
  }
  // A text that quotes in double marks uses single ones for a headline's quote or a quote inside a quote: only a
  // double quotation inside a single one ('I have heard the saying "grow old gracefully",' she said) is British.
  const doubleStyle = others.some(
    (other) => ANY_DOUBLE.test(text[other.open] ?? '') && !marks.some((mark) => isNested(other, mark)),
  );
  return doubleStyle ? [] : marks;
}

/**
 * At a word's start ('We), or detached from it where text was detokenised, only where no quotation can close:
 * after a colon or a speech verb ("said: ' I …", "he said, ' I …"). After a sentence's end (". ' It") a detached
 * mark closes the quotation open, and opens one only on the evidence `findStraightSingles` asks for
 * (`opensAfterSentence`): opening there always would pair each later mark the wrong way round.
 */
function opensSingle(text: string, index: number): boolean {
  const before = text[index - 1] ?? ' ';
  if (!SPACE.test(before) && !OPENING_BRACKETS.has(before)) return false;
  const after = text[index + 1] ?? ' ';
  if (OPENS_WORD.test(after)) return !ELISION.test(text.slice(index + 1, index + 8));
  const next = text[index + 2] ?? '';
  if (after !== ' ' || !LETTER_OR_DIGIT.test(next)) return false;
  const prior = text[index - 2] ?? '';
  if (prior === ',') return reportingVerb(wordBeforeComma(text, index))?.rank === 2;
  return prior === '' || prior === ':' || prior === ';';
}

/**
 * WORD_BEFORE_COMMA's word in the text before `end`, read in the last characters only: a whole-text search would
 * try every position before each mark. Only a run of lowercase letters reaching the window's start (or a
 * surrogate pair cut by it) needs the whole text.
 */
function wordBeforeComma(text: string, end: number): string {
  const from = Math.max(0, end - COMMA_WORD_WINDOW);
  const near = WORD_BEFORE_COMMA.exec(text.slice(from, end));
  const match =
    near !== null && near.index < 2 && from > 0 ? WORD_BEFORE_COMMA.exec(text.slice(0, end)) : near;
  return match?.[1] ?? '';
}

/**
 * "…, ' Carmen told Yahoo Parenting. ' Mikenzy knew …": a mark set apart after a sentence that only attributes the
 * quotation before it opens the same speaker's next words.
 */
function followsAttribution(text: string, closed: number, index: number): boolean {
  if (closed < 0 || index - closed > MAX_ATTRIBUTION_LENGTH) return false;
  const between = text.slice(closed + 1, index).trim();
  if (SENTENCE_INSIDE.test(between)) return false;
  return (between.match(WORDS) ?? []).some((word) => reportingVerb(word)?.rank === 2);
}

/**
 * A mark set apart after a sentence's end, before a word (". ' I …"): in detokenised text it opens a quotation as
 * often as it closes one.
 */
function opensAfterSentence(text: string, index: number): boolean {
  return (
    SPACE.test(text[index - 1] ?? '') &&
    SENTENCE_END_MARK.test(text[index - 2] ?? '') &&
    text[index + 1] === ' ' &&
    LETTER_OR_DIGIT.test(text[index + 2] ?? '')
  );
}

/** After a colon or a speech verb and a comma: "said: 'We …", "he said, ' We …". */
function isIntroduced(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index).trimEnd();
  if (before.endsWith(':')) return true;
  return reportingVerb(WORD_BEFORE_COMMA.exec(`${before} `)?.[1] ?? '')?.rank === 2;
}

/**
 * What a mark set apart after a sentence's end would hold is a quotation when its first sentence speaks in the first
 * or second person ("I", "we", "you") or is attributed right after its close ("…, ' Williams said"; not after a full
 * stop, where the next quotation's words may follow: ". ' I told them …"); the story's sentences between two
 * quotations do neither.
 */
function speaksOrIsAttributed(text: string, open: number, close: number): boolean {
  const inner = text.slice(open + 1, close);
  const firstSentence = inner.slice(0, SENTENCE_INSIDE.exec(inner)?.index ?? inner.length);
  if (FIRST_OR_SECOND_PERSON.test(firstSentence)) return true;
  if (!CLAUSE_BEFORE_CLOSE.test(text.slice(close - 2, close))) return false;
  const words = text.slice(close + 1, close + 60).match(WORDS) ?? [];
  return words.slice(0, MAX_WORDS_BEFORE_VERB).some((word) => reportingVerb(word)?.rank === 2);
}

/**
 * "… we enjoy each others' company.": an apostrophe after a plural's s, before a word that goes on with the noun
 * phrase (not "and", "for", "said", "to"), ends a possessive, not a quotation.
 */
function endsPluralPossessive(text: string, open: number, index: number): boolean {
  if (!/s ?$/u.test(text.slice(open + 1, index))) return false;
  const next = /^ (\p{Ll}+)\b/u.exec(text.slice(index + 1, index + 30))?.[1];
  return (
    next !== undefined &&
    !PHRASE_BOUNDARIES.has(next) &&
    !NOT_POSSESSED.has(next) &&
    reportingVerb(next) === undefined &&
    !VERB_LIKE_ENDING.test(next)
  );
}

/** After a quotation's last punctuation, or after its last word when no sentence ends inside. */
function closesSingle(text: string, open: number, index: number): boolean {
  if (!AFTER_SINGLE_CLOSE.test(text[index + 1] ?? ' ')) return false;
  if (endsPluralPossessive(text, open, index)) return false;
  const before = text.slice(Math.max(open + 1, index - 3), index);
  if (CLAUSE_END_BEFORE.test(before)) return true;
  if (!WORD_END_BEFORE.test(before)) return false;
  return PUNCTUATION.test(text[index + 1] ?? '') || !SENTENCE_INSIDE.test(text.slice(open + 1, index));
}

function opensStraightParagraph(text: string, newline: number): boolean {
  let index = newline;
  while (index < text.length && SPACE.test(text[index] as string)) index++;
  return text[index] === STRAIGHT_SINGLE && opensSingle(text, index);
}
