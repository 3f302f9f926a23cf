import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';
import { buildEntities } from '#shared/facts/entities.ts';
import { extractFacts } from '#shared/facts/extract-facts.ts';
import { findNumbers } from '#shared/facts/numbers.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from './tagged-mentions.ts';

const ONE_MB = 1 << 20;
const fill = (unit: string) => unit.repeat(Math.ceil(ONE_MB / unit.length)).slice(0, ONE_MB);

/**
 * Inputs built to make a backtracking regex or a quadratic scan blow up: long runs of the characters the
 * patterns look for, with no way to complete a match. A catastrophic case would hang past the test timeout.
 * Each input takes a few CPU seconds; on a loaded 2-core machine that is up to 40 s of wall time, so these tests
 * get a generous timeout of their own (exponential backtracking would still run far past it).
 */
const ADVERSARIAL_TIMEOUT_MS = 180_000;
const INPUTS: ReadonlyArray<readonly [string, string]> = [
  ['digits and separators', fill('1,2.3,')],
  ['dollar signs and digits', fill('$1 ')],
  ['month names without days', fill('June ')],
  ['weekday and month words', fill('Monday, June ')],
  ['open curly quotes', fill('“a ')],
  ['straight quotes', fill('" ')],
  ['capitalised words', fill('Secretary Of State ')],
  ['spelled numbers', fill('twenty-one hundred and ')],
  ['year ranges', fill('1990-91–')],
  ['numeric dates', fill('11/06/2023/')],
  ['spelled years', fill('nineteen ninety nineteen ')],
  ['quarter words', fill('the latest year-ago fiscal ')],
  ['day ranges', fill('June 19–20 and ')],
  ['letters without spaces', fill('a')],
  ['a paragraph of quotes and verbs', fill('“We will win,” he said. ')],
];

describe('facts extraction on 1 MB adversarial inputs', () => {
  it(
    'returns for cents after a foreign dollar, 5 MB: the cents do not each read back to the one "$" amount',
    () => {
      const cents = 750_000;
      const text = `It closed at C$1 ${'1 cent '.repeat(cents)}`;

      const money = findNumbers(text).filter((fact) => fact.kind === 'money');

      expect(money).toHaveLength(cents + 1);
      // The first cents share the "C$1" sentence (no stop between); a sentence does not run for megabytes.
      expect(money[1]?.unit).toBe('CAD');
      expect(money.at(-1)?.unit).toBe('USD');
    },
    ADVERSARIAL_TIMEOUT_MS,
  );

  it.each(INPUTS)(
    'returns for %s',
    (_name, text) => {
      const dates = findDates(text, { publishedAt: '2023-06-19' });
      const numbers = findNumbers(text, { exclude: dates });
      const quotes = findQuotes(text, []);

      expect(Array.isArray(dates) && Array.isArray(numbers) && Array.isArray(quotes)).toBe(true);
    },
    ADVERSARIAL_TIMEOUT_MS,
  );

  it(
    'attributes 1 MB of quotes inside attributed quotes',
    () => {
      const text = fill('"Yes “Ann Lee said so,” Omar Haddad said. ');
      const mentions = taggedMentions(text, [
        ['PER', 'Ann Lee'],
        ['PER', 'Omar Haddad'],
      ]);

      const quotes = findQuotes(text, buildEntities(text, mentions));

      expect(quotes.some((quote) => quote.text === 'Ann Lee said so')).toBe(true);
    },
    ADVERSARIAL_TIMEOUT_MS,
  );

  it(
    'groups 1 MB of tagged mentions',
    () => {
      const text = fill('Antony Blinken met Xi Jinping and Blinken left. ');
      const mentions = taggedMentions(text, [
        ['PER', 'Antony Blinken'],
        ['PER', 'Xi Jinping'],
        ['PER', 'Blinken'],
      ]);

      const entities = buildEntities(text, mentions);

      expect(entities.map((entity) => entity.name).sort()).toEqual(['Antony Blinken', 'Xi Jinping']);
    },
    ADVERSARIAL_TIMEOUT_MS,
  );
});

describe('extractFacts on a wall of capitalised words', () => {
  it('returns names of a few words, not the whole wall, when given 120 KB of "Ab Cd "', () => {
    const text = 'Ab Cd '.repeat(20_000);

    const facts = extractFacts({ text });

    expect(Math.max(0, ...facts.entities.map((entity) => entity.name.length))).toBeLessThan(200);
  });
});
