import type { Word } from '../words.ts';
import { firstMention } from './appositives.ts';
import { NOT_SPEAKERS, PERSON_PRONOUNS } from './lexicon.ts';
import { sentenceEnd, skipBackOver } from './phrases.ts';
import type { QuoteMarks } from './quote-marks.ts';
import { isNounUse, verbAt } from './reporting-verb-forms.ts';
import { openingSubject } from './sentence-openers.ts';
import { type Attribution, entityAttribution, type SpeakerContext } from './speaker-context.ts';

/** "Reading from the ruling:": a participle opens the clause, and names no one. */
const PARTICIPLE_OPENER = /^\p{Lu}\p{Ll}+ing\b/u;
/** The writer or the reader as a subject: "I", "we". */
const NARRATORS = new Set(['I', 'we', 'We']);
/** How many words may open a sentence before the person who is its subject ("And President Bush"). */
const OPENING_WORDS = 4;

/**
 * "Sanders made the following comment: “…”": the subject that opens the sentence, or a person named in its first
 * words. Not when the sentence has a
 * reporting verb whose subject is a pronoun or "someone" ("someone would have said: “…”"), and a bare name before the
 * colon ("Prelogar: “…”") only when the quote ends the sentence: "Hollywood Reporter: “Mad Men” return" is
 * a headline, not a quotation.
 */
export function colonSubject(
  context: SpeakerContext,
  words: readonly Word[],
  quote: QuoteMarks,
): Attribution | undefined {
  const colon = words.length - 1;
  if (words.some((_, index) => index < colon && hasUnnamedSubject(words, index))) return undefined;
  const subject = openingSubject(context, words, colon) ?? openingPerson(context, words, colon);
  if (subject?.speaker === undefined || PARTICIPLE_OPENER.test(subject.speaker)) return undefined;
  // "She became upset, so that I had to change my answer: “…”": the narrator's clause is the colon's, not hers.
  if (words.some((word) => word.start >= subject.mention.end && NARRATORS.has(word.text))) return undefined;
  const label = subject.mention.end >= (words[colon - 1] as Word).end;
  return label && !endsSentenceAfter(context.masked, quote) ? undefined : { ...subject, verb: ':' };
}

/** A person named in the first words of the sentence: "And President Bush yesterday, asked whether …, replied:". */
function openingPerson(
  context: SpeakerContext,
  words: readonly Word[],
  until: number,
): Attribution | undefined {
  const first = words[0];
  const last = words[Math.min(until, OPENING_WORDS) - 1];
  const person = first && last && firstMention(context, first, last, 'person');
  return person && entityAttribution(person, '');
}

/** A verb of speech in a finite form whose subject is a pronoun or "someone": "he told", "someone would have said". */
function hasUnnamedSubject(words: readonly Word[], index: number): boolean {
  const verb = verbAt(words, index);
  if (verb?.rank !== 2 || verb.form === 'base' || verb.form === 'ing' || isNounUse(words[index - 1]))
    return false;
  const subject = words[skipBackOver(words, index - 1)]?.text.toLowerCase() ?? '';
  return NOT_SPEAKERS.has(subject) || PERSON_PRONOUNS.has(subject);
}

/** The quote ends its sentence: with its own full stop, or with nothing but punctuation after it. */
function endsSentenceAfter(masked: string, quote: QuoteMarks): boolean {
  if (/[.!?]$/u.test(masked.slice(quote.open + 1, quote.close).trimEnd())) return true;
  const from = quote.close + 1;
  return /^[\s.!?]*$/u.test(masked.slice(from, sentenceEnd(masked, from) + 1));
}
