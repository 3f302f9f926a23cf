import type { Facts, Result } from '../result.ts';
import { findDates } from './dates/find-dates.ts';
import { buildEntities } from './entities.ts';
import { groundFacts } from './ground.ts';
import { type EntityMention, tagEntities } from './ner/tag-entities.ts';
import { findNumbers } from './numbers.ts';
import { pageMoneyOf } from './numbers-currency.ts';
import { findQuotes } from './quotes/find-quotes.ts';

/**
 * Real names are a few words long ("United Nations Educational, Scientific and Cultural Organization" has
 * seven). A longer tagged run is a wall of capitalised words (a title-case dump, a list of names the tagger
 * glued together): not a name, and matching its every suffix later would cost memory with the square of its
 * length.
 */
const MAX_NAME_WORDS = 12;
const MAX_NAME_CHARS = 150;
/** More than MAX_NAME_WORDS runs of non-space: tested, not matched, so no array of words is built per mention. */
const TOO_MANY_WORDS = new RegExp(String.raw`(?:\S+\s+){${MAX_NAME_WORDS}}\S`);

function isNameLength(mention: EntityMention): boolean {
  return mention.text.length <= MAX_NAME_CHARS && !TOO_MANY_WORDS.test(mention.text);
}

export interface FactsInput {
  readonly text: string;
  readonly title?: string;
  /** ISO 8601 publication date or time from the article's metadata: the anchor for relative dates. */
  readonly publishedAt?: string;
  /** Where publishedAt came from: `url` when only the article's address dated it. */
  readonly publishedAtSource?: Result['publishedAtSource'];
  /** The page's language or locale ("en-GB") and address: the order of day and month in numeric dates. */
  readonly language?: string;
  readonly sourceUrl?: string;
  /**
   * The region of the page's declared locale ("CA" of en-CA; `language` is the detected "en"): with the address,
   * what "$" means on the page and the order of day and month in its numeric dates.
   */
  readonly region?: string;
}

/**
 * Who, where, when, how much and who said what, every fact grounded to spans of `text`: tagged entities
 * grouped with their aliases and roles, dates (relative ones resolved against the publication date),
 * numbers (not those inside dates), and quotes with their speakers. Facts whose spans do not match the
 * text are dropped at the end. `tag` is the committed tagger; training and benchmarks pass fold models.
 */
export function extractFacts(input: FactsInput, tag: (text: string) => EntityMention[] = tagEntities): Facts {
  const { text } = input;
  const mentions = tag(text).filter(isNameLength);
  const entities = buildEntities(text, mentions, { title: input.title });
  const dates = findDates(text, {
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
    ...(input.publishedAtSource === 'url' ? { publishedFromUrl: true } : {}),
    ...(input.language ? { locale: input.language } : {}),
    ...(input.region ? { region: input.region } : {}),
    ...(input.sourceUrl ? { url: input.sourceUrl } : {}),
  });
  const numbers = findNumbers(text, { exclude: dates, money: pageMoneyOf(input.region, input.sourceUrl) });
  const quotes = findQuotes(text, entities);
  return groundFacts(text, { entities, dates, numbers, quotes });
}
