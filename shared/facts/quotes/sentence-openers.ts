/**
 * Who opens a sentence: the person or organisation written first, after an opening adverbial ("In recent weeks,
 * Reid has …", "On “Face the Nation,” Sen. Bernie Sanders …"), or a he/she resolved. Quotes whose own sentence names
 * no speaker are attributed to it (find-quotes.ts, previous-sentence.ts).
 */
import type { Entity } from '../../result.ts';
import { CLAUSE_OPENERS, isCapitalised, lastIndexStartingBefore, type Word } from '../words.ts';
import { roleHolderAfter } from './he-she.ts';
import { PERSON_PRONOUNS, reportingVerb } from './lexicon.ts';
import { attributionWords, phraseAfter, sentenceStart } from './phrases.ts';
import { QUOTATION_MARK } from './quote-marks.ts';
import { type Attribution, entityAttribution, type SpeakerContext } from './speaker-context.ts';
import { resolvePhrase } from './speakers.ts';

/** How far into a sentence its opening name may start, past titles ("Senate Minority Leader Harry Reid"). */
const MAX_TITLE_LENGTH = 40;
/** A participle that opens a sentence: "Asked", "Pressed", "Speaking", "Responding". */
const OPENING_PARTICIPLE = /^\p{Lu}\p{Ll}+(?:ed|ing)$/u;

/**
 * The person or organisation that opens the sentence holding `position`, after an opening adverbial ("In
 * recent weeks, Reid has …"): a he/she resolved, or a name written first (titles before it allowed).
 */
export function sentenceOpener(context: SpeakerContext, position: number): Entity | undefined {
  return openerAttribution(context, position)?.entity;
}

/** The attribution to whoever opens the sentence holding `position` (see sentenceOpener). */
function openerAttribution(context: SpeakerContext, position: number): Attribution | undefined {
  const words = attributionWords(context.masked, sentenceStart(context.masked, position), position);
  let index = words.findIndex((word) => /\p{L}/u.test(word.text));
  const first = words[index];
  if (first === undefined) return undefined;
  if (opensAdverbial(context, first)) {
    index = words.findIndex((word, at) => at > index && word.text === ',') + 1;
    // On “Face the Nation,” Sen. Bernie Sanders …: the comma was the quoted title's.
    while (QUOTATION_MARK.test(words[index]?.text ?? '')) index++;
  }
  const word = words[index];
  if (word === undefined) return undefined;
  if (PERSON_PRONOUNS.has(word.text.toLowerCase())) return resolvePhrase(context, [word], '');
  const at = lastIndexStartingBefore(context.mentions, word.start) + 1;
  const mention = context.mentions[at];
  if (mention === undefined || mention.start >= word.start + MAX_TITLE_LENGTH) return undefined;
  const before = context.text.slice(word.start, mention.start).trim();
  if (before !== '' && !before.split(/\s+/u).every(isCapitalised)) return undefined;
  // "U.S. Senator John Cornyn", "Kellogg Chairman William LaMothe": the person after a name and a role.
  return entityAttribution(roleHolderAfter(context, at) ?? mention, '');
}

/**
 * "On TV, Sen. Ann Reyes named jobs as the reason. “…”": the person who opens a sentence that ends with a full stop,
 * as its subject: not a possessor ("Reyes's lawyer, …"), and not in a list of names ("Reyes, A.; Tran, L.").
 */
export function openingPersonOf(
  context: SpeakerContext,
  words: readonly Word[],
  end: number,
): Attribution | undefined {
  if (context.masked[end - 1] !== '.' || words.some((word) => word.text === ';')) return undefined;
  const opener = openerAttribution(context, end - 1);
  if (opener?.entity?.type !== 'person') return undefined;
  const after = context.text.slice(opener.mention.end, opener.mention.end + 2);
  return /^['’]/u.test(after) ? undefined : opener;
}

/** The phrase that opens a sentence, after an opening adverbial ("In a statement, President Obama …"). */
export function openingSubject(
  context: SpeakerContext,
  words: readonly Word[],
  until: number,
): Attribution | undefined {
  let index = 0;
  while (index < until && !/\p{L}/u.test((words[index] as Word).text)) index++;
  const first = words[index];
  if (first === undefined || index >= until) return undefined;
  if (opensAdverbial(context, first)) {
    index = words.findIndex((word, at) => at > index && at < until && word.text === ',') + 1;
    // On “Face the Nation,” Sen. Bernie Sanders …: the comma was the quoted title's.
    while (QUOTATION_MARK.test(words[index]?.text ?? '')) index++;
    // "On July 6, 2015, Sanders …": the year is the adverbial's too.
    while (/^\p{N}+$/u.test(words[index]?.text ?? '') && words[index + 1]?.text === ',') index += 2;
  }
  const phrase = subjectPhrase(words.slice(0, until), index);
  return phrase.length > 0 ? resolvePhrase(context, phrase, '') : undefined;
}

/** The words that open a clause up to its verb: a phrase that stops at a reporting verb or a past form. */
function subjectPhrase(words: readonly Word[], from: number): Word[] {
  const phrase = phraseAfter(words, from);
  // "He went on to add that …", "She made the following comment:": a he/she is the whole subject.
  if (PERSON_PRONOUNS.has(phrase[0]?.text.toLowerCase() ?? '')) return phrase.slice(0, 1);
  const verb = phrase.findIndex(
    (word, at) => at > 0 && !isCapitalised(word.text) && (reportingVerb(word.text) || /ed$/u.test(word.text)),
  );
  return verb > 0 ? phrase.slice(0, verb) : phrase;
}

/**
 * A word that opens an adverbial before the subject: "In recent weeks, …", or a participle that opens a clause
 * ("Asked about the vote, Holt said …", "Speaking to reporters, …"), unless it starts a name.
 */
function opensAdverbial(context: SpeakerContext, first: Word): boolean {
  if (CLAUSE_OPENERS.has(first.text)) return !isSubjectWord(first.text);
  if (!OPENING_PARTICIPLE.test(first.text)) return false;
  const at = lastIndexStartingBefore(context.mentions, first.start + 1);
  return context.mentions[at]?.start !== first.start;
}

function isSubjectWord(word: string): boolean {
  return word === 'He' || word === 'She' || word === 'It' || word === 'The' || word === 'A' || word === 'An';
}
