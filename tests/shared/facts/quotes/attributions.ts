import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/**
 * For the quote tests: each quote's speaker and the words of its speakerMention, in a text whose named entities
 * are the given surfaces (written for the tests, so the tagger's guesses do not move them).
 */
export function attributionsWith(surfaces: ReadonlyArray<readonly [NerType, string]>) {
  return (text: string) =>
    findQuotes(text, buildEntities(text, taggedMentions(text, surfaces))).map((quote) => [
      quote.speaker,
      quote.speakerMention && text.slice(quote.speakerMention.start, quote.speakerMention.end),
    ]);
}
