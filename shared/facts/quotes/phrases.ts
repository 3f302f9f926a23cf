import { CLAUSE_OPENERS, isCapitalised, splitWords, type Word } from '../words.ts';
import {
  ABBREVIATIONS,
  ADVERBS,
  PASSIVE_AUXILIARIES,
  PERSON_ROLE_NOUNS,
  PHRASE_BOUNDARIES,
  TIME_WORDS,
  TITLE_ABBREVIATIONS,
} from './lexicon.ts';

/** How far a sentence is looked for around a quote, in characters. */
const CONTEXT_WINDOW = 600;
const MAX_SUBJECT_WORDS = 9;
/** How many words phraseBefore and phraseAfter read at most. */
export const MAX_PHRASE_WORDS = MAX_SUBJECT_WORDS;
const MAX_PARENTHETICAL_WORDS = 8;
/** The first of two roles joined by "and", "the" included: "the former secretary of state". */
const MAX_FIRST_ROLE_WORDS = 6;
/** Words that open a noun phrase of its own: after "and", a second person ("the mayor and the governor"). */
const DETERMINERS = new Set('the a an his her their its our my your this that these those'.split(' '));
const LETTER = /\p{L}/u;
const UPPER_LETTER = /^\p{Lu}$/u;
/** Initials or an acronym written with dots, less the last dot: "G.K" (G.K. Butterfield), "U.S". */
const DOTTED_INITIALS = /^\p{Lu}(?:\.\p{Lu})+$/u;
/** "52-count", "25-year-old": a number that modifies a noun. */
const NUMBER_MODIFIER = /^\p{N}+-\p{L}/u;
const SPACE = /\s/u;
const LY_ADVERB = /^\p{Ll}+ly$/u;
const LY_NOT_ADVERBS = new Set(
  'family ally rally assembly supply reply anomaly monopoly only early daily weekly monthly friendly elderly july italy'.split(
    ' ',
  ),
);
/** "52 percent [of voters]", joined into one word by attributionWords. */
const SHARE = /^\p{N}[\p{N},.]* percent$/u;
const NUMBER = /^\p{N}[\p{N},.]*$/u;
/** "9/11 widow Terry Strada": a number written with a slash modifies the noun after it. */
const SLASHED_NUMBER = /^\p{N}+\/\p{N}+$/u;
const TERMINAL = new Set(['.', '!', '?']);
const CLOSERS = new Set(['”', '"', '’', "'", ')', '»']);
/** Capitalised words that may begin a subject; other clause openers ("Later", "But") end it. */
const SUBJECT_OPENERS = new Set(
  'The A An This These Those His Her Its Their Our My He She It They We I You'.split(' '),
);
/** Prepositions that tie a role to its organisation: "a spokesman [for] the agency". */
const AFFILIATION_PREPOSITIONS = new Set(['for', 'at', 'with', 'of']);
/** Articles that open a sentence when capitalised: "The former defender", "A spokesman". */
const SENTENCE_ARTICLES = new Set(['The', 'A', 'An']);
/** Words after which a capitalised article may begin a name: "for The New York Times", "and The Hill". */
const LEADS_INTO_NAME = new Set('of for at in on by with from to into and or the a an as than'.split(' '));
export const DASHES = new Set(['—', '–', '―', '-', '--']);

/**
 * The words of the (masked) text between `from` and `to`, with abbreviated titles and initials kept whole
 * ("Mr.", "B.", "G.K.") and a share as one word ("52 percent") and short parentheticals as one word ("(R-Ohio)"), so that a name reads as one phrase.
 */
export function attributionWords(masked: string, from: number, to: number): Word[] {
  const raw = splitWords(masked.slice(from, to), from);
  const words: Word[] = [];
  for (let index = 0; index < raw.length; index++) {
    const word = raw[index] as Word;
    const next = raw[index + 1];
    if (next?.text === '.' && next.start === word.end && isAbbreviatedTitle(word.text)) {
      words.push({ text: `${word.text}.`, start: word.start, end: next.end });
      index++;
      continue;
    }
    if (NUMBER.test(word.text) && next?.text === 'percent') {
      words.push({ text: masked.slice(word.start, next.end), start: word.start, end: next.end });
      index++;
      continue;
    }
    const after = raw[index + 2];
    if (
      /^\p{N}+$/u.test(word.text) &&
      (next?.text === '-' || next?.text === '/') &&
      next.start === word.end &&
      after?.start === next.end
    ) {
      words.push({ text: masked.slice(word.start, after.end), start: word.start, end: after.end });
      index += 2;
      continue;
    }
    // "Stevens’ mother": an s-name's possessive mark before a lowercase noun is part of its word, as in "Clinton’s";
    // not in a name ("the Colleges Employers’ Association").
    if (
      /s$/iu.test(word.text) &&
      (next?.text === "'" || next?.text === '’') &&
      next.start === word.end &&
      after !== undefined &&
      after.start > next.end &&
      /^\p{Ll}/u.test(after.text)
    ) {
      words.push({ text: masked.slice(word.start, next.end), start: word.start, end: next.end });
      index++;
      continue;
    }
    if (word.text === '(') {
      const close = raw.findIndex((other, at) => at > index && other.text === ')');
      if (close > index && close - index <= MAX_PARENTHETICAL_WORDS + 1) {
        const end = (raw[close] as Word).end;
        words.push({ text: masked.slice(word.start, end), start: word.start, end });
        index = close;
        continue;
      }
    }
    words.push(word);
  }
  return words;
}

function isAbbreviatedTitle(word: string): boolean {
  return TITLE_ABBREVIATIONS.has(word) || UPPER_LETTER.test(word) || DOTTED_INITIALS.test(word);
}

export function isParenthetical(word: Word): boolean {
  return word.text.startsWith('(');
}

/** A word that may be part of a subject noun phrase. */
export function isPhraseWord(word: Word): boolean {
  if (isParenthetical(word) || NUMBER_MODIFIER.test(word.text) || SLASHED_NUMBER.test(word.text)) return true;
  if (SHARE.test(word.text)) return true;
  if (CLAUSE_OPENERS.has(word.text) && !SUBJECT_OPENERS.has(word.text)) return false;
  return LETTER.test(word.text[0] ?? '') && !PHRASE_BOUNDARIES.has(word.text.toLowerCase());
}

export function isTimeWord(word: Word | undefined): boolean {
  return word !== undefined && TIME_WORDS.has(word.text.toLowerCase());
}

/**
 * The noun phrase right before a verb, read backwards: "China’s foreign ministry [wrote]", "Rep. Gwen Moore
 * (D-Wis.) [said]", "a spokesman for the agency [said]". Adverbs and a time adjunct between the phrase and
 * the verb ("also", "on Friday") are skipped; a passive verb ("was called") has no subject phrase.
 */
export function phraseBefore(words: readonly Word[], verb: number): Word[] {
  let index = skipBackOver(words, verb - 1);
  if (PASSIVE_AUXILIARIES.has(words[index]?.text.toLowerCase() ?? '')) return [];
  const phrase: Word[] = [];
  for (; index >= 0 && phrase.length < MAX_SUBJECT_WORDS; index--) {
    const word = words[index] as Word;
    if (!isPhraseWord(word) && !joinsNames(words, index)) break;
    phrase.unshift(word);
    if (opensRunOnSentence(words, index)) {
      index--;
      break;
    }
  }
  const firstRole = coordinatedRole(words, index, phrase);
  if (firstRole.length > 0) {
    phrase.unshift(...firstRole, words[index] as Word);
    index -= firstRole.length + 1;
  }
  const preposition = words[index];
  const role = words[index - 1];
  if (
    phrase.length > 0 &&
    preposition !== undefined &&
    AFFILIATION_PREPOSITIONS.has(preposition.text) &&
    role !== undefined &&
    PERSON_ROLE_NOUNS.has(role.text.toLowerCase().replace(/s$/u, ''))
  ) {
    return [...phraseBefore(words, index), preposition, ...phrase];
  }
  return phrase;
}

/**
 * "[the former first lady] and U.S. senator [said]", "[the former secretary of state] and current nominee": one
 * person with two roles, when the words after "and" (read so far) have no determiner of their own and end on a
 * role noun, and the words before it open with "the" and two words or more. "The mayor and the governor" and "the
 * mayor and police chief" stay apart. Returns the first role, or nothing.
 */
function coordinatedRole(words: readonly Word[], and: number, second: readonly Word[]): Word[] {
  const opening = second[0]?.text.toLowerCase() ?? '';
  const head = second.at(-1)?.text ?? '';
  if (words[and]?.text !== 'and' || DETERMINERS.has(opening) || !PERSON_ROLE_NOUNS.has(head)) return [];
  for (let start = and - 1; start >= Math.max(0, and - MAX_FIRST_ROLE_WORDS); start--) {
    const word = words[start] as Word;
    if (!isPhraseWord(word)) return [];
    if (word.text.toLowerCase() === 'the') return and - start > 2 ? words.slice(start, and) : [];
  }
  return [];
}

/**
 * "… backed Rodgers to stay at Anfield [The former Liverpool defender] added": a capitalised article after a word that
 * could not lead into it (no preposition, article or conjunction) opens a sentence whose stop was lost, as after a
 * photo caption; "a reporter for The New York Times" goes on.
 */
function opensRunOnSentence(words: readonly Word[], index: number): boolean {
  const before = words[index - 1]?.text ?? '';
  return (
    SENTENCE_ARTICLES.has((words[index] as Word).text) &&
    /[\p{L}\p{N}]$/u.test(before) &&
    !LEADS_INTO_NAME.has(before.toLowerCase())
  );
}

/** "Pence and Ryan [said]": an "and" between two capitalised words joins one subject. */
function joinsNames(words: readonly Word[], index: number): boolean {
  return (
    words[index]?.text === 'and' &&
    isCapitalised(words[index - 1]?.text ?? '') &&
    isCapitalised(words[index + 1]?.text ?? '')
  );
}

/** Skips adverbs and a time adjunct ("on Friday", "last week") read backwards; returns the next index. */
export function skipBackOver(words: readonly Word[], from: number): number {
  let index = from;
  for (;;) {
    const word = words[index];
    if (word === undefined) return index;
    const lower = word.text.toLowerCase();
    if (ADVERBS.has(lower) || isAdverbInLy(word.text) || isTimeWord(word)) index--;
    else if (lower === 'on' && isTimeWord(words[index + 1])) index--;
    else return index;
  }
}

/** "forcefully", "sharply": a lowercase -ly word, bar the nouns and adjectives that end so ("family"). */
export function isAdverbInLy(word: string): boolean {
  return LY_ADVERB.test(word) && !LY_NOT_ADVERBS.has(word);
}

/** The noun phrase right after a verb: "[said] the State Department [on Monday]"; a time adjunct first is skipped. */
export function phraseAfter(words: readonly Word[], from: number): Word[] {
  let index = from;
  while (isTimeWord(words[index]) || (words[index]?.text === 'on' && isTimeWord(words[index + 1]))) index++;
  const phrase: Word[] = [];
  for (; index < words.length && phrase.length < MAX_SUBJECT_WORDS; index++) {
    const word = words[index] as Word;
    if (!isPhraseWord(word)) break;
    phrase.push(word);
  }
  return phrase;
}

/** Where the sentence holding `position` starts, looking back at most CONTEXT_WINDOW characters. */
export function sentenceStart(masked: string, position: number): number {
  const limit = Math.max(0, position - CONTEXT_WINDOW);
  for (let index = position - 1; index >= limit; index--) {
    const char = masked[index] as string;
    if (char === '\n') return index + 1;
    if (TERMINAL.has(char) && endsSentence(masked, index)) return index + 1;
  }
  return limit;
}

/** Where the sentence holding `position` ends, looking ahead at most CONTEXT_WINDOW characters. */
export function sentenceEnd(masked: string, position: number): number {
  const limit = Math.min(masked.length, position + CONTEXT_WINDOW);
  for (let index = position; index < limit; index++) {
    const char = masked[index] as string;
    if (char === '\n') return index;
    if (TERMINAL.has(char) && endsSentence(masked, index)) return index;
  }
  return limit;
}

/** A . ! ? ends a sentence when whitespace follows (after any closing marks) and it ends no abbreviation. */
function endsSentence(masked: string, index: number): boolean {
  let next = index + 1;
  while (CLOSERS.has(masked[next] ?? '')) next++;
  if (next < masked.length && !SPACE.test(masked[next] as string)) return false;
  if (masked[index] !== '.') return true;
  let wordStart = index;
  while (wordStart > 0 && LETTER.test(masked[wordStart - 1] as string)) wordStart--;
  const word = masked.slice(wordStart, index);
  const initial = word.length === 1 && word === word.toUpperCase();
  return !initial && !ABBREVIATIONS.has(word);
}
