import type { Facts } from '../result.ts';
import { findDates } from './dates.ts';
import { buildEntities } from './entities.ts';
import { groundFacts } from './ground.ts';
import { tagEntities } from './ner/tag-entities.ts';
import { findNumbers } from './numbers.ts';
import { findQuotes } from './quotes.ts';

export interface FactsInput {
  readonly text: string;
  readonly title?: string;
  /** ISO 8601 publication date or time from the article's metadata: the anchor for relative dates. */
  readonly publishedAt?: string;
}

/**
 * Who, where, when, how much and who said what, every fact grounded to spans of `text`: tagged entities
 * grouped with their aliases and roles, dates (relative ones resolved against the publication date),
 * numbers (not those inside dates), and quotes with their speakers. Facts whose spans do not match the
 * text are dropped at the end.
 */
export function extractFacts(input: FactsInput): Facts {
  const { text } = input;
  const entities = buildEntities(text, tagEntities(text), { title: input.title });
  const dates = findDates(text, { publishedAt: input.publishedAt });
  const numbers = findNumbers(text, { exclude: dates });
  const quotes = findQuotes(text, entities);
  return groundFacts(text, { entities, dates, numbers, quotes });
}
