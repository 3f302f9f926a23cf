/**
 * Subjects between a quote and its verb that run long: an appositive left open, a name with its affiliation
 * (attributeAfter in attribute-after.ts).
 */
import { isCapitalised, type Word } from '../words.ts';
import { PHRASE_BOUNDARIES } from './lexicon.ts';
import { isAdverbInLy, isPhraseWord } from './phrases.ts';
import { QUOTATION_MARK } from './quote-marks.ts';
import type { Attribution, SpeakerContext } from './speaker-context.ts';
import { resolvePhrase } from './speakers.ts';

const MAX_SUBJECT_WORDS = 9;
const MAX_APPOSITIVE_WORDS = 30;
/** How many words a subject that names no one known may run: longer, it is no subject. */
const MAX_UNREAD_SUBJECT_WORDS = 20;
/** A word, not punctuation: a subject's words. */
const SUBJECT_WORD = /^[\p{L}\p{N}]/u;
/** Words that open an appositive: "Erik Vandermeer, [an] oceanographer". */
const APPOSITIVE_DETERMINERS = new Set(['a', 'an', 'the']);
/** How many words a description of no known kind may have, its determiner included: "a particularly nasty troll". */
const MAX_DESCRIPTION_WORDS = 5;
const LOWERCASE_WORD = /^\p{Ll}+(?:-\p{Ll}+)*$/u;
const CAPITALISED_WORD = /^\p{Lu}[\p{L}.-]*$/u;
/** What opens a description kept as written: "a", "the", "one [floor trader]", "another [dealer]". */
const DESCRIPTION_DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another']);
/** Heads that describe no one: "the rest said", "the other replied", "“…” says a lot about". */
const NO_ONE = new Set(
  'rest other others same latter former first last one ones thing things lot bit little few'.split(' '),
);

/** Prepositions between a name and where the person works: "Nora Quill [with] the Boston Police Department". */
const AFFILIATION_WORDS = new Set(['with', 'at', 'from', 'of']);

/**
 * "“…,” Erik Vandermeer, an oceanographer at the University of Tasmania in Hobart told Reuters": an appositive
 * whose closing comma the writer left out. Only after a name that resolves to a person or organisation, and
 * an appositive that opens with "a", "an" or "the" and lists no one else ("Smith, the mayor and the governor").
 */
export function unclosedAppositive(
  context: SpeakerContext,
  head: readonly Word[],
  appositive: readonly Word[],
  verb: string,
): Attribution | undefined {
  if (head.length === 0 || head.length > MAX_SUBJECT_WORDS || !head.every(isPhraseWord)) return undefined;
  if (appositive.length > MAX_APPOSITIVE_WORDS || !APPOSITIVE_DETERMINERS.has(appositive[0]?.text ?? ''))
    return undefined;
  if (appositive.some((word) => word.text === ',' || word.text === 'and' || QUOTATION_MARK.test(word.text)))
    return undefined;
  const named = resolvePhrase(context, head, verb);
  return named?.entity === undefined ? undefined : named;
}

/**
 * "“…,” Deputy Chief Nora Quill with the Boston Police Department said": a name, an affiliation and the
 * organisation; the name says it (resolvePhrase takes a person before an organisation).
 */
export function nameWithAffiliation(
  context: SpeakerContext,
  core: readonly Word[],
  preposition: number,
  verb: string,
): Attribution | undefined {
  const name = core.slice(0, preposition);
  if (!AFFILIATION_WORDS.has(core[preposition]?.text ?? '') || name.length === 0) return undefined;
  if (name.length > MAX_SUBJECT_WORDS || !name.every(isPhraseWord) || !isCapitalised(name.at(-1)?.text ?? ''))
    return undefined;
  const affiliation = core.slice(preposition + 1);
  if (
    affiliation.length > MAX_SUBJECT_WORDS ||
    !affiliation.every((_word, index) => isAffiliationWord(affiliation, index))
  )
    return undefined;
  const named = resolvePhrase(context, core, verb);
  return named?.speakerType === 'person' ? named : undefined;
}

/**
 * "“…,” the voice asked", "“…,” said the architect", "“…,” a particularly nasty troll wrote": right by a quote,
 * the subject of a verb that reports speech is a speaker even when its noun is none of the lexicon's, kept as
 * written (resolvePhrase resolves the ones it knows). Only a/an/the/one/another, then lowercase words or a capitalised
 * modifier ("a Texas trader"), the last a lowercase noun, no adverb.
 */
export function descriptionAsWritten(
  context: SpeakerContext,
  phrase: readonly Word[],
  verb: string,
): Attribution | undefined {
  const first = phrase[0];
  const head = phrase.at(-1);
  if (first === undefined || head === undefined || phrase.length < 2 || phrase.length > MAX_DESCRIPTION_WORDS)
    return undefined;
  if (!DESCRIPTION_DETERMINERS.has(first.text.toLowerCase()) || !LOWERCASE_WORD.test(head.text))
    return undefined;
  // "a Texas trader", "one floor trader": lowercase words, or a capitalised one that modifies the noun after it.
  if (
    !phrase.slice(1, -1).every((word) => LOWERCASE_WORD.test(word.text) || CAPITALISED_WORD.test(word.text))
  )
    return undefined;
  if (NO_ONE.has(head.text) || isAdverbInLy(head.text)) return undefined;
  return {
    speaker: context.text.slice(first.start, head.end),
    mention: { start: first.start, end: head.end },
    verb,
  };
}

/**
 * A subject right by its quote that no rule reads, too long for a name ("“…,” the chairman of the board of directors of
 * the regional water authority said") or naming no one known ("“…,” said the 104th-ranked Tarango"): the quote is
 * attributed, so it does not take the speaker of the quote before. A description that opens with a/an/the and ends on a
 * lowercase noun is kept as written; one that ends on a capitalised word says no one known.
 */
export function unreadSubject(
  context: SpeakerContext,
  subject: readonly Word[],
  verb: string,
): Attribution | undefined {
  const first = subject[0];
  const last = subject.at(-1);
  if (first === undefined || last === undefined || subject.length > MAX_UNREAD_SUBJECT_WORDS)
    return undefined;
  if (
    !subject.every((word) => SUBJECT_WORD.test(word.text) && !PHRASE_BOUNDARIES.has(word.text.toLowerCase()))
  )
    return undefined;
  if (NO_ONE.has(last.text) || isAdverbInLy(last.text)) return undefined;
  const mention = { start: first.start, end: last.end };
  if (DESCRIPTION_DETERMINERS.has(first.text.toLowerCase()) && LOWERCASE_WORD.test(last.text))
    return { speaker: context.text.slice(mention.start, mention.end), mention, verb };
  return isCapitalised(last.text) && /^\p{L}/u.test(last.text) ? { mention, verb } : undefined;
}

/** The words after an inverted verb up to the first that ends a subject: "[said] the 104th-ranked Tarango [after]". */
export function subjectWords(words: readonly Word[], from: number): Word[] {
  const subject: Word[] = [];
  for (let at = from; at < words.length; at++) {
    const word = words[at] as Word;
    if (!SUBJECT_WORD.test(word.text) || PHRASE_BOUNDARIES.has(word.text.toLowerCase())) break;
    subject.push(word);
  }
  return subject;
}

/** A word of an affiliation, which may say where the place is: "the University of Otago [in] Dunedin". */
function isAffiliationWord(words: readonly Word[], index: number): boolean {
  const word = words[index] as Word;
  return isPhraseWord(word) || (word.text === 'in' && isCapitalised(words[index + 1]?.text ?? ''));
}

/**
 * "Wray Keene of the University of Otago in Dunedin, New Zealand,": a name and its affiliation whose place is written
 * with commas ("in Dunedin, New Zealand,"), read as that name with its affiliation, the commas left out. Undefined
 * when the words are not so.
 */
export function affiliationWithPlace(
  context: SpeakerContext,
  core: readonly Word[],
  verb: string,
): Attribution | undefined {
  const place = core.findLastIndex((word) => word.text === 'in');
  if (place < 0) return undefined;
  const after = core.slice(place + 1);
  if (!after.every((word) => word.text === ',' || isCapitalised(word.text))) return undefined;
  if (!after.some((word) => word.text === ',') || !isCapitalised(after[0]?.text ?? '')) return undefined;
  const words = [...core.slice(0, place + 1), ...after.filter((word) => word.text !== ',')];
  const preposition = words.findIndex((word) => AFFILIATION_WORDS.has(word.text));
  return preposition > 0 ? nameWithAffiliation(context, words, preposition, verb) : undefined;
}
