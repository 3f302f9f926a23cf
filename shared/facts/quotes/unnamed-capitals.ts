import type { Span } from '../../result.ts';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../dates/vocabulary.ts';
import type { Word } from '../words.ts';
import { sentenceStart } from './phrases.ts';
import type { SpeakerContext } from './speaker-context.ts';

/** Months and weekdays are dates, never speakers ("A paper in Nature in October argued"); "May" is also a name. */
const DATE_WORDS = new Set([...MONTH_NAMES, ...WEEKDAY_NAMES].filter((name) => name !== 'May'));
/** An adverb or an -ing form: "Nevertheless, …", "Speaking on the radio he said", "Eliminating it …". */
const NOT_A_NAME = /^\p{Lu}\p{Ll}+(?:ly|ing)$/u;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;
/** A plural that is not a word in -ss: "Demonstrators", not "Nevertheless". */
const PLURAL = /^\p{Lu}\p{Ll}+[^s]s$/u;
const ADVERBS_IN_S = new Set(['Thus', 'Perhaps', 'Always', 'Sometimes', 'Afterwards', 'Besides', 'Nowadays']);
/** What may stand between a sentence's start and its first word: marks, brackets, dashes. */
const OPENING_PUNCTUATION = /^[\s"“‘'([—–-]*$/u;
/** Characters after which a capital opens a sentence or a line, so says nothing of a name. */
const SENTENCE_OPENERS = /[.!?:\n"“‘'([—–-]$/u;

/**
 * A capitalised subject that the tagger saw no name in and that names no known role is a speaker only when it is
 * written as a name: not a date ("October"), not an adverb or an -ing form ("Nevertheless", "Speaking"), and not a
 * single word (bar one in capitals or a plural: "WALLACE:", "Demonstrators said") that is capitalised only because
 * it opens its sentence ("Psychiatric reports …", "Okay, …", "Neuroscience tells us …"), unless the article writes
 * it capitalised inside a sentence elsewhere.
 */
export function isWrittenAsName(context: SpeakerContext, words: readonly Word[]): boolean {
  const head = words.at(-1) as Word;
  if (DATE_WORDS.has(head.text)) return false;
  if (words.length > 1) return true;
  if (NOT_A_NAME.test(head.text)) return false;
  // "WALLACE:" (a transcript's label), "Demonstrators said": a name in capitals, or people in the plural.
  if (ALL_CAPITALS.test(head.text)) return true;
  if (PLURAL.test(head.text) && !ADVERBS_IN_S.has(head.text)) return true;
  const start = sentenceStart(context.masked, head.start);
  if (!OPENING_PUNCTUATION.test(context.text.slice(start, head.start))) return true;
  return isCapitalisedInside(context.text, head);
}

/** The answers of isCapitalisedInside for the last text read, so a page of such subjects is read once per word. */
let inside: { text: string; words: Map<string, boolean> } = { text: '', words: new Map() };

/** The word written, capitalised, after another word of its sentence somewhere else in the text. */
function isCapitalisedInside(text: string, word: Word): boolean {
  if (inside.text !== text) inside = { text, words: new Map() };
  let answer = inside.words.get(word.text);
  if (answer === undefined) {
    answer = findCapitalisedInside(text, word);
    inside.words.set(word.text, answer);
  }
  return answer;
}

function findCapitalisedInside(text: string, word: Word): boolean {
  for (let at = text.indexOf(word.text); at >= 0; at = text.indexOf(word.text, at + 1)) {
    if (at === word.start || /[\p{L}\p{N}]/u.test(text[at + word.text.length] ?? '')) continue;
    const before = text.slice(Math.max(0, at - 3), at).trimEnd();
    if (before !== '' && /[\p{L}\p{N},]$/u.test(before) && !SENTENCE_OPENERS.test(before)) return true;
  }
  return false;
}

/** Prepositions whose object is never the subject of the verb after it: "presented in [court] portrayed". */
const OBJECT_OF = /(?:^|\s)(?:in|on|at|into|onto|from|of|for|under|inside)\s+$/u;

/** A lone lowercase noun right after a preposition ("Reports presented in court portrayed him"): its object. */
export function isPrepositionObject(context: SpeakerContext, words: readonly Word[]): boolean {
  const only = words[0] as Word;
  if (words.length !== 1 || /^\p{Lu}/u.test(only.text)) return false;
  return OBJECT_OF.test(context.masked.slice(Math.max(0, only.start - 10), only.start));
}

/** After a name, where a speaker is based: "[Stamford], Conn.-based", "[Denver]-based", "[Stamford], Conn.based". */
const BASED_IN = /^(?:,\s*\p{Lu}[\p{L}.]*?)?[.-]?\s?based\b/u;

/** The name says where the speaker is based ("the Millbrook, Ore.-based company"): a place, whatever its type. */
export function isBasedIn(text: string, mention: Span): boolean {
  return BASED_IN.test(text.slice(mention.end, mention.end + 40));
}
