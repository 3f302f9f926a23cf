/**
 * A source named by "according to" at the end of a quote's sentence, with other words between: “walk-in” at more
 * than 2,000 schools, according to the organiser (find-quotes.ts, when nothing else in the sentence attributes it).
 */
import { isCapitalised, type Word } from '../words.ts';
import { attributionWords, isParenthetical, phraseAfter, sentenceEnd } from './phrases.ts';
import { QUOTATION_MARK, type QuoteMarks } from './quote-marks.ts';
import type { Attribution, SpeakerContext } from './speaker-context.ts';
import { resolvePhrase } from './speakers.ts';

/** After the closing mark, a lowercase word or a comma: the quote's sentence goes on. */
const SENTENCE_GOES_ON = /^\s*[\p{Ll},;]/u;
/** Small words inside a name: "Alliance to Reclaim Our Schools", "Bank for International Settlements". */
const NAME_JOINTS = new Set(['to', 'for', 'and', 'on']);

/**
 * "… chants of “Bobby!” at a conference last month, according to union president Doris Crouse-Mays.": the source
 * after ", according to", when the quote's sentence goes on after it, no other quotation stands between, and the
 * source names someone.
 */
export function attributeAccordingTo(context: SpeakerContext, quote: QuoteMarks): Attribution | undefined {
  const from = quote.close + 1;
  // Its sentence runs on after the quote: “It moved so slowly.” The boat capsized …, according to Jordan. is not.
  if (!SENTENCE_GOES_ON.test(context.masked.slice(from, from + 3))) return undefined;
  const words = attributionWords(context.masked, from, sentenceEnd(context.masked, from));
  const at = words.findIndex(
    (word, index) =>
      word.text.toLowerCase() === 'according' &&
      words[index + 1]?.text.toLowerCase() === 'to' &&
      words[index - 1]?.text === ',',
  );
  if (at < 0 || words.slice(0, at).some((word) => QUOTATION_MARK.test(word.text))) return undefined;
  const source = resolvePhrase(context, withNameJoints(words, phraseAfter(words, at + 2)), 'according to');
  return source?.speaker === undefined ? undefined : source;
}

/**
 * "the organizer Alliance [to Reclaim Our Schools (AROS)]": a name goes on across a small lowercase word between
 * capitalised ones, which ends the phrase that phraseAfter reads.
 */
function withNameJoints(words: readonly Word[], phrase: readonly Word[]): readonly Word[] {
  const first = phrase[0];
  if (first === undefined) return phrase;
  let end = words.indexOf(first) + phrase.length;
  while (
    NAME_JOINTS.has(words[end]?.text ?? '') &&
    isCapitalised(words[end - 1]?.text ?? '') &&
    isCapitalised(words[end + 1]?.text ?? '')
  ) {
    end += 2;
    while (
      isCapitalised(words[end]?.text ?? '') ||
      (words[end] !== undefined && isParenthetical(words[end] as Word))
    )
      end++;
  }
  return words.slice(words.indexOf(first), end);
}
