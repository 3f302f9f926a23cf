import type { Word } from '../words.ts';
import { bestCandidate } from './attribute-before.ts';
import { colonSubject } from './colon-subjects.ts';
import { attributionWords, sentenceEnd, sentenceStart } from './phrases.ts';
import { isTitleCase, QUOTATION_MARK, type QuoteMarks } from './quote-marks.ts';
import { verbAt } from './reporting-verb-forms.ts';
import { openingPersonOf } from './sentence-openers.ts';
import type { Attribution, SpeakerContext } from './speaker-context.ts';

/**
 * A quote that opens its sentence with no attribution of its own, after a sentence that names a speaker:
 * "Mr. Clarke said he had no doubts. “...”", or a paragraph ending "…, Pence said:" or "Sanders made the
 * following comment:" before it. A quote that is a whole sentence after one, in its paragraph, that opens with a
 * person and reports no one ("On TV, Sen. Ann Reyes named jobs as the reason. “…”") is that person's.
 */
export function attributePreviousSentence(
  context: SpeakerContext,
  quote: QuoteMarks,
): Attribution | undefined {
  const { masked } = context;
  const start = sentenceStart(masked, quote.open);
  if (masked.slice(start, quote.open).trim() !== '') return undefined;
  let end = start;
  while (end > 0 && /\s/u.test(masked[end - 1] as string)) end--;
  if (end === 0) return undefined;
  const crossesParagraph = masked.slice(end, quote.open).includes('\n');
  const words = attributionWords(masked, sentenceStart(masked, end - 1), end);
  if (crossesParagraph && masked[end - 1] !== ':' && !endsWithVerbAndComma(words)) return undefined;
  if (holdsQuotation(context.text, words)) return undefined;
  const best = bestCandidate(context, words)?.attribution;
  if (best === undefined && words.at(-1)?.text === ':') return colonSubject(context, words, quote);
  if (best === undefined && !crossesParagraph && isWholeSentence(masked, quote)) {
    return openingPersonOf(context, words, end);
  }
  return best?.speakerType === undefined ? undefined : best;
}

/** "Rathbun stated,¶“…”": a paragraph that ends on a reporting verb and a comma introduces the quote after it. */
function endsWithVerbAndComma(words: readonly Word[]): boolean {
  const verb = verbAt(words, words.length - 2);
  return words.at(-1)?.text === ',' && verb?.rank === 2 && verb.form !== 'ing' && verb.form !== 'base';
}

/** Nothing but punctuation follows the quote in its sentence: “Are you OK?” the voice asked. is not one. */
function isWholeSentence(masked: string, quote: QuoteMarks): boolean {
  const from = quote.close + 1;
  return /^[\s.!?]*$/u.test(masked.slice(from, sentenceEnd(masked, from) + 1));
}

function isClosingMark(text: string, mark: Word): boolean {
  return mark.text === '”' || (mark.text === '"' && /\S/u.test(text[mark.start - 1] ?? ' '));
}

/** A quotation among the words, not counting a quoted title ("On “Face the Nation,” Sen. …"). */
export function holdsQuotation(text: string, words: readonly Word[]): boolean {
  const marks = words.filter((word) => QUOTATION_MARK.test(word.text));
  // "….” Moran disagreed.": the mark that opens the words closes the quotation before them.
  if (marks[0] !== undefined && marks[0] === words[0] && isClosingMark(text, marks[0])) marks.shift();
  for (let index = 0; index < marks.length; index += 2) {
    const open = marks[index] as Word;
    const close = marks[index + 1];
    if (close === undefined || !isTitleCase(text.slice(open.end, close.start).trim())) return true;
  }
  return false;
}
