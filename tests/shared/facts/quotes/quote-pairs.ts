import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { entitiesOf } from '../tagged-mentions.ts';

/** [quoted words, speaker] of each quote precis finds in `text` when the tagger returns the listed surfaces. */
export const quotePairs = (text: string, surfaces: ReadonlyArray<readonly [NerType, string]>) =>
  findQuotes(text, entitiesOf(text, surfaces)).map((quote) => [quote.text, quote.speaker]);
