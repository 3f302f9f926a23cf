/**
 * A quotation inside a quotation: whose words they are. The outer quote may name who spoke them ('Billy then told
 * June, "If you go, I go."'): then that person's; else the outer speaker's (“…what he calls “hell” than…”, 'My
 * mother used to say "never give up"').
 */
import { attributeAfter } from './attribute-after.ts';
import { attributeBefore } from './attribute-before.ts';
import { isNested, maskQuotes, type QuoteMarks } from './quote-marks.ts';
import type { Attribution, SpeakerContext } from './speaker-context.ts';

const NOT_NEWLINE = /[^\n]/gu;

export function nestedAttribution(
  context: SpeakerContext,
  quote: QuoteMarks,
  outer: QuoteMarks,
  marks: readonly QuoteMarks[],
  outerAttribution: Attribution | undefined,
): Attribution | undefined {
  const inside = { ...context, masked: insideOnly(context.text, outer, marks) };
  const own = attributeAfter(inside, quote) ?? attributeBefore(inside, quote);
  // Only a speaker the article names: a description inside a quote ("my mother said") is the outer speaker's.
  return own?.entity !== undefined ? own : outerAttribution;
}

/**
 * The outer quotation's words as the text its attributions are read from: everything outside its marks blanked,
 * and the quotations inside it blanked as `maskQuotes` blanks them (offsets kept).
 */
function insideOnly(text: string, outer: QuoteMarks, marks: readonly QuoteMarks[]): string {
  const masked = maskQuotes(
    text,
    marks.filter((mark) => isNested(mark, outer)),
  );
  const blank = (part: string) => part.replace(NOT_NEWLINE, ' ');
  return (
    blank(masked.slice(0, outer.open + 1)) +
    masked.slice(outer.open + 1, outer.close) +
    blank(masked.slice(outer.close))
  );
}
