/**
 * "as Trump went on about “how the system is rigged,” and “wounded families,” Melanie said yes": words in marks that are
 * the object of "about" after a verb of speech are that verb's subject's, whatever attributes the sentence after them.
 */
import type { Word } from '../words.ts';
import { reportingVerb } from './lexicon.ts';
import { attributionWords, phraseBefore, sentenceStart } from './phrases.ts';
import type { QuoteMarks } from './quote-marks.ts';
import type { Attribution, SpeakerContext } from './speaker-context.ts';
import { resolvePhrase } from './speakers.ts';

/** Forms of "go" in "went on about", "goes on about". */
const GO_FORMS = new Set(['go', 'goes', 'went', 'gone', 'going']);

/** The subject of "<verb of speech> about" or "went on about" right before the marks, resolved; else undefined. */
export function aboutObjectAttribution(context: SpeakerContext, quote: QuoteMarks): Attribution | undefined {
  const { masked, text } = context;
  const words = attributionWords(masked, sentenceStart(masked, quote.open), quote.open);
  const about = words.length - 1;
  if (words[about]?.text.toLowerCase() !== 'about') return undefined;
  let verb = about - 1;
  const before = words[verb];
  if (before === undefined) return undefined;
  if (before.text.toLowerCase() === 'on' && GO_FORMS.has(words[verb - 1]?.text.toLowerCase() ?? '')) verb--;
  else {
    const form = reportingVerb(before.text.toLowerCase())?.form;
    if (form !== 'past' && form !== 'third') return undefined;
  }
  const phrase = phraseBefore(words, verb);
  if (phrase.length === 0) return undefined;
  const verbText = text.slice((words[verb] as Word).start, (words[about] as Word).end);
  const attribution = resolvePhrase(context, phrase, verbText);
  return attribution?.speaker === undefined ? undefined : attribution;
}
