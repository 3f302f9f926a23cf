import { attributionWords } from './phrases.ts';
import type { QuoteMarks } from './quote-marks.ts';
import type { Attribution, SpeakerContext } from './speaker-context.ts';
import { resolvePhrase } from './speakers.ts';

/** A transcript's speaker label at the start of a quotation: "PENCE: Well, look, …". */
const SPEAKER_LABEL = /^(\p{Lu}[\p{Lu}'’.-]+(?:\s\p{Lu}[\p{Lu}'’.-]+){0,2}):\s+/u;

/** A transcript's label opening a quotation, "PENCE: …": the speaker, and where the quoted words begin. */
export function attributeLabel(
  context: SpeakerContext,
  quote: QuoteMarks,
): { attribution: Attribution; start: number } | undefined {
  const match = SPEAKER_LABEL.exec(context.text.slice(quote.inner.start, quote.inner.end));
  if (match === null) return undefined;
  const label = attributionWords(
    context.text,
    quote.inner.start,
    quote.inner.start + (match[1] ?? '').length,
  );
  const attribution = resolvePhrase(context, label, ':');
  return attribution && { attribution, start: quote.inner.start + match[0].length };
}
