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

/**
 * How many quotations inside quotations in one article get a speaker of their own. Each reads a copy of the whole
 * text with all but its outer quotation blanked, so the cost is this many copies of the text, not one per nested
 * quotation: an input made of thousands of them stays linear in its length. The rest are the outer speaker's.
 */
export const MAX_NESTED_ATTRIBUTIONS = 50;

export type NestedAttribution = (
  context: SpeakerContext,
  quote: QuoteMarks,
  outer: QuoteMarks,
  outerAttribution: Attribution | undefined,
) => Attribution | undefined;

/** Attributes the quotations inside quotations of one article's `text`, whose quotation marks are `marks`. */
export function nestedAttributions(text: string, marks: readonly QuoteMarks[]): NestedAttribution {
  let blankText: string | undefined;
  let attributed = 0;
  return (context, quote, outer, outerAttribution) => {
    attributed++;
    if (attributed > MAX_NESTED_ATTRIBUTIONS) return outerAttribution;
    blankText ??= text.replace(NOT_NEWLINE, ' ');
    const inside = { ...context, masked: insideOnly(text, blankText, outer, marks) };
    const own = attributeAfter(inside, quote) ?? attributeBefore(inside, quote);
    // Only a speaker the article names: a description inside a quote ("my mother said") is the outer speaker's.
    return own?.entity !== undefined ? own : outerAttribution;
  };
}

/**
 * The outer quotation's words as the text its attributions are read from: everything outside its marks blanked
 * (newlines kept), and the quotations inside it blanked as `maskQuotes` blanks them (offsets kept).
 */
function insideOnly(
  text: string,
  blankText: string,
  outer: QuoteMarks,
  marks: readonly QuoteMarks[],
): string {
  const start = outer.open + 1;
  const inner = marks
    .filter((mark) => isNested(mark, outer))
    .map((mark) => ({ ...mark, open: mark.open - start, close: mark.close - start }));
  return (
    blankText.slice(0, start) +
    maskQuotes(text.slice(start, outer.close), inner) +
    blankText.slice(outer.close)
  );
}
