/**
 * The attribution that closes a quote's sentence after other words: "… suggests “that job markets have been lousy”
 * except in a few areas, Burtless said.", "there has been “very little investment” in new plants, said Joseph Seneca, an
 * economist." (find-quotes.ts, when nothing right after or before the quote attributes it).
 */
import type { Word } from '../words.ts';
import {
  attributionWords,
  isPhraseWord,
  phraseAfter,
  phraseBefore,
  sentenceEnd,
  skipBackOver,
} from './phrases.ts';
import { QUOTATION_MARK, type QuoteMarks } from './quote-marks.ts';
import { isFiniteSpeechVerb, isNounUse, verbAt } from './reporting-verb-forms.ts';
import type { Attribution, SpeakerContext } from './speaker-context.ts';
import { resolvePhrase } from './speakers.ts';

/** After the closing mark, a lowercase word or a comma: the quote's sentence goes on. */
const SENTENCE_GOES_ON = /^\s*[\p{Ll},;]/u;
/** Words after the verb of a closing "…, Burtless said": "in a statement", "to reporters on Friday". */
const MAX_WORDS_AFTER_VERB = 4;
const TERMINAL = new Set(['.', '!', '?']);

/**
 * The speaker of a clause set off by a comma at the end of the quote's sentence: a subject and a speech verb ("…,
 * Burtless said.", "…, she told reporters."), or a speech verb and its subject, up to two appositives allowed after it
 * ("…, said Joseph Seneca, an economist."). Only when the sentence goes on after the quote, no other quotation
 * stands between, and the clause names someone.
 */
export function attributeClosingClause(context: SpeakerContext, quote: QuoteMarks): Attribution | undefined {
  const from = quote.close + 1;
  if (!SENTENCE_GOES_ON.test(context.masked.slice(from, from + 3))) return undefined;
  const words = attributionWords(context.masked, from, sentenceEnd(context.masked, from) + 1);
  let end = words.length;
  while (end > 0 && TERMINAL.has((words[end - 1] as Word).text)) end--;
  if (words.slice(0, end).some((word) => QUOTATION_MARK.test(word.text))) return undefined;
  const commas = words.flatMap((word, index) => (word.text === ',' && index < end ? [index] : []));
  const last = commas.at(-1);
  if (last === undefined) return undefined;
  let attribution =
    subjectAndVerb(context, words.slice(last + 1, end)) ??
    verbAndSubject(context, words.slice(last + 1, end));
  // "…, said Michael Slater, editor of the Microprocessor Report, an industry newsletter.": appositives after it.
  for (let at = commas.length - 2; attribution === undefined && at >= Math.max(0, commas.length - 3); at--)
    attribution = verbAndSubject(context, words.slice((commas[at] as number) + 1, commas[at + 1]));
  return attribution?.speaker === undefined ? undefined : attribution;
}

/** "Burtless said", "she told reporters", "the economist said on Friday": the whole clause. */
function subjectAndVerb(context: SpeakerContext, clause: readonly Word[]): Attribution | undefined {
  const verb = clause.findIndex((_, at) => isFiniteSpeechVerb(clause, at) && !isNounUse(clause[at - 1]));
  if (verb <= 0 || clause.length - verb - 1 > MAX_WORDS_AFTER_VERB) return undefined;
  const phrase = phraseBefore(clause, verb);
  const subjectEnd = skipBackOver(clause, verb - 1) + 1;
  if (phrase.length === 0 || phrase.length !== subjectEnd) return undefined;
  return resolvePhrase(context, phrase, (clause[verb] as Word).text);
}

/** "said Joseph Seneca": the verb opens the clause and its subject fills the rest of it. */
function verbAndSubject(context: SpeakerContext, clause: readonly Word[]): Attribution | undefined {
  const verb = verbAt(clause, 0);
  if (verb?.rank !== 2 || verb.form === 'ing' || verb.form === 'base') return undefined;
  const phrase = phraseAfter(clause, 1);
  if (phrase.length === 0 || phrase.at(-1) !== clause.at(-1) || !phrase.every(isPhraseWord)) return undefined;
  return resolvePhrase(context, phrase, (clause[0] as Word).text);
}
