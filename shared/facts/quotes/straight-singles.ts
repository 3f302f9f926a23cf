/**
 * Quotations in straight single marks, 'like this,' she said, as Daily Mail texts and detokenised wire copy write
 * them: the character is also the apostrophe, so where a mark opens or closes is read from the words around it.
 */
import { followsRunInCaption } from './captions.ts';
import { PHRASE_BOUNDARIES, reportingVerb } from './lexicon.ts';
import { isNested, pushMarks, type QuoteMarks } from './quote-marks.ts';

const ANY_DOUBLE = /["“”„«»]/u;
const SPACE = /\s/u;
const OPENING_BRACKETS = new Set(['(', '[', '—', '–', '-', '/']);
/** A sentence's end and a space before an opening mark: "… it. '". */
const RUN_ON = /[.!?]\s+$/u;
const WHITESPACE = /\s+/u;
/** A sentence's end inside a quotation: ". ", "? ". */
const SENTENCE_END_SPACE = /[.!?]\s/gu;
/** How far after an opening mark a caption's quotation is read for its first sentence. */
const NEXT_SENTENCE_WINDOW = 200;
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
export function findStraightSingles(text: string, others: readonly QuoteMarks[]): QuoteMarks[] {
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
      // "…last summer. Rodgers is under pressure after a third season without a trophy 'The signings …": a photo caption
      // with no stop ran into the quotation, which ends at its last sentence's end and runs on into the new mark.
      const cut: number | undefined =
        open === undefined || runsOn || tentative ? undefined : captionCut(text, open, index);
      const held: string = cut === undefined ? '' : text.slice(open as number, cut);
      const cutBefore: boolean = cut !== undefined && (introduced || FIRST_OR_SECOND_PERSON.test(held));
      if (cutBefore) pair(open as number, cut as number, true);
      const continues: boolean = (runsOn && (introduced || FIRST_OR_SECOND_PERSON.test(inner))) || cutBefore;
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

/**
 * Where a photo caption run in with no stop begins inside what an open quotation holds, before an opening mark at
 * `index`: after its last sentence's end, when the words from there to the mark read as a caption before a sentence
 * of its own (`followsRunInCaption`).
 */
function captionCut(text: string, open: number, index: number): number | undefined {
  let cut = -1;
  for (const match of text.slice(open + 1, index).matchAll(SENTENCE_END_SPACE)) cut = open + 2 + match.index;
  if (cut < 0) return undefined;
  const next = text.slice(index + 1, index + 1 + NEXT_SENTENCE_WINDOW).trimStart();
  return followsRunInCaption(text, cut, index, next) ? cut : undefined;
}

function opensStraightParagraph(text: string, newline: number): boolean {
  let index = newline;
  while (index < text.length && SPACE.test(text[index] as string)) index++;
  return text[index] === STRAIGHT_SINGLE && opensSingle(text, index);
}
