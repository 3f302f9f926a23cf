/**
 * Whether a word is a reporting verb in a form that takes a subject ("said", "they say", not "his claims"), and the
 * agent of a passive one: shared by the attribution after a quote (attribute-after.ts) and before it
 * (attribute-before.ts).
 */
import { isCapitalised, isPossessive, type Word } from '../words.ts';
import {
  BASE_FORM_SUBJECTS,
  DOCUMENT_NOUNS,
  PASSIVE_AUXILIARIES,
  type ReportingVerb,
  reportingVerb,
  reportingVerbAfterPronoun,
} from './lexicon.ts';
import { phraseAfter, phraseBefore } from './phrases.ts';
import type { Attribution, SpeakerContext } from './speaker-context.ts';
import { resolvePhrase } from './speakers.ts';

/** Words before a verb form that make it a noun: "his claims", "the report", "Clinton's tweets". */
const HE_OR_SHE = /^(?:he|she)$/iu;
const NOUN_MARKERS = new Set('the a an his her their its our my your these those this that of'.split(' '));

export function verbAt(words: readonly Word[], index: number): ReportingVerb | undefined {
  const word = words[index];
  if (word === undefined || isCapitalised(word.text)) return undefined;
  const verb = reportingVerb(word.text);
  if (verb !== undefined) return verb;
  return HE_OR_SHE.test(words[index - 1]?.text ?? '') ? reportingVerbAfterPronoun(word.text) : undefined;
}

export function isFiniteSpeechVerb(words: readonly Word[], index: number): boolean {
  if (words[index]?.text === 'put') return words[index + 1]?.text === 'it';
  const verb = verbAt(words, index);
  if (verb?.rank !== 2) return false;
  if (verb.form === 'ing') return false;
  if (verb.form === 'base') return hasBaseFormSubject(words, index);
  return true;
}

/**
 * "they say", "officials say", "Obama and Clinton call": a plural subject, or a modal ("will say"); and
 * "the article read", where the base is the past.
 */
export function hasBaseFormSubject(words: readonly Word[], index: number): boolean {
  const before = words[index - 1]?.text ?? '';
  const lower = before.toLowerCase();
  if (BASE_FORM_SUBJECTS.has(lower)) return true;
  // "the article read", "the sign read": the past of "read", which only a text does to a quotation.
  if (words[index]?.text === 'read' && DOCUMENT_NOUNS.has(lower)) return true;
  if (lower.endsWith('s') && !isPossessive(before) && !lower.endsWith('ss')) return true;
  return (
    isCapitalised(before) &&
    words.slice(Math.max(0, index - 4), index - 1).some((word) => word.text === 'and')
  );
}

/** "He’s claiming", "they’re saying": a pronoun with its contracted auxiliary, before an -ing form. */
const CONTRACTED_PRONOUN = /^(he|she|they|we|you|i)['’](?:s|re|m)$/iu;

/** The pronoun of a contracted progressive ("He’s [claiming]"), as a word of its own; not "it’s" (often "it’s called"). */
export function contractedPronoun(word: Word | undefined): Word | undefined {
  const pronoun = word === undefined ? undefined : CONTRACTED_PRONOUN.exec(word.text)?.[1];
  if (word === undefined || pronoun === undefined) return undefined;
  return { text: pronoun, start: word.start, end: word.start + pronoun.length };
}

export function isNounUse(before: Word | undefined): boolean {
  if (before === undefined) return false;
  return NOUN_MARKERS.has(before.text.toLowerCase()) || isPossessive(before.text);
}

/** A passive reporting verb's agent: "[was written] by Springsteen", "[is described] by the agency as". */
export function passiveAgent(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
  verb: string,
): Attribution | undefined {
  const auxiliary = words[index - 1]?.text.toLowerCase() ?? '';
  if (!PASSIVE_AUXILIARIES.has(auxiliary) || words[index + 1]?.text !== 'by') return undefined;
  // "he was quoted by The Canadian Press": the one quoted is the speaker, the agent only reports it.
  if (verb.toLowerCase() === 'quoted') {
    const subject = phraseBefore(words, index - 1);
    return subject.length === 0 ? undefined : resolvePhrase(context, subject, verb);
  }
  const agent = resolvePhrase(context, phraseAfter(words, index + 2), verb);
  return agent?.speaker === undefined ? undefined : agent;
}
