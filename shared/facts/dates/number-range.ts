/**
 * A four-digit number in a range of numbers is no year when the range is not a range of years: "for women only
 * 1380-2075" and "2500-4600 Kr." (prices on a travel guide) are no 1380 and no 2500. A range of two four-digit
 * numbers is a range of years only when both ends are years (1000 to 2100), the end is not before the start, a
 * range that ends in 2000 or later spans at most three centuries ("1380-2075" spans 695, "the years 1800-2000" 200), and nothing marks it as money
 * or a measure: a currency or a price word before it ("SEK 1200-1500", "costs 1500-2000"), a currency or a unit
 * after it ("1200-1500 kr", "1500-2000 metres", "1900-2000 people"). A year with an end written short ("2019-20")
 * or with a number of fewer digits beside it is left as it was. "for" before a range is no mark: "programmes for
 * 2015-2018" is a range of years.
 */
import { COUNTED_NOUNS } from './absolute-rules.ts';

/**
 * What joins the ends: a dash (spaced in tokenised text), or "to", which only a mark of money or a measure makes a
 * range of numbers ("costs 1500 to 2000 kr"; "from 2019 to 2014 levels" are years).
 */
const JOINER = '\\s?[-–—]\\s?|\\sto\\s';
/** The other end after the number: digits, perhaps with separators ("2.075"). */
const END_AFTER = new RegExp(`^(?:${JOINER})(\\d+(?:[.,]\\d+)*)(?![\\p{N}])`, 'u');
/** The other end before the number. */
const END_BEFORE = new RegExp(`(?<![\\p{N}.,])(\\d+(?:[.,]\\d+)*)(?:${JOINER})$`, 'u');
/** A currency or a price word just before the range ("USD 1200", "SEK 1200", "costs 1500", "prices from 1500"). */
const MONEY_BEFORE =
  /(?:(?:[$£€¥₹]|(?<![\p{L}])(?:US\$|USD|EUR|GBP|SEK|NOK|DKK|ISK|CHF|INR|JPY|Rs\.?|Kr\.?|kr\.?))\s?|(?<![\p{L}])(?:costs?|costing|prices?|priced|fees?|charges?|rents?|fares?|pp?\.|pages)(?:\s(?:from|about|around|roughly|only|just|of|is|are|at|between))?:?\s)$/iu;
/** A currency or a unit just after the range ("1200-1500 kr", "Kr.", "€", "euros", "metres", "people"). */
const MEASURE_AFTER = new RegExp(
  `^\\s?(?:[$£€¥₹%]|(?:US\\$|USD|EUR|GBP|SEK|NOK|DKK|ISK|CHF|INR|JPY|Rs\\.?|Kr\\.?|kr\\.?|euros?|dollars?|rupees?|yen|yuan|francs?|crowns?|kronor|kroner|krona|krone|kronur|m|cm|mm|km|kg|ft|ha|mph|kcal|sq|${COUNTED_NOUNS})(?![\\p{L}]))`,
  'iu',
);
const FOUR_DIGITS = /^\d{4}$/u;
const LATEST_YEAR = 2100;
const EARLIEST_YEAR = 1000;
/** The longest span of a range of years that ends in 2000 or later: three centuries ("the years 1800-2000"). */
const LONGEST_RECENT_SPAN = 300;

/** Whether the four-digit number at `start`..`end` is an end of a range of numbers that are no years. */
export function isNumberRange(text: string, start: number, end: number): boolean {
  const written = text.slice(start, end);
  if (!FOUR_DIGITS.test(written)) return false;
  const after = END_AFTER.exec(text.slice(end, end + 24));
  const before = after ? null : END_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  const other = after?.[1] ?? before?.[1];
  if (other === undefined) return false;
  const byDash = !/to\s$|^\sto/u.test((after ?? before)?.[0] ?? '');
  // "1380-2.075", "1500-25000": the other end is no year. After "to" it may be a count ("in 2019 to 25,000").
  if (!FOUR_DIGITS.test(other)) return byDash && other.replace(/\D/gu, '').length >= 4;
  const [first, second] = after ? [Number(written), Number(other)] : [Number(other), Number(written)];
  // "from 2019 to 2014 levels": after "to" only a mark of money or a measure tells.
  if (byDash && !isYearRange(first, second)) return true;
  const rangeStart = after ? start : start - (before?.[0].length ?? 0);
  const rangeEnd = after ? end + after[0].length : end;
  return (
    MONEY_BEFORE.test(text.slice(Math.max(0, rangeStart - 24), rangeStart)) ||
    MEASURE_AFTER.test(text.slice(rangeEnd, rangeEnd + 24))
  );
}

/** Two four-digit numbers that may be a range of years: "1939-1945", "2014-2019", "1066-1485", "1800-2000". */
function isYearRange(first: number, second: number): boolean {
  if (first < EARLIEST_YEAR || second > LATEST_YEAR || second < first) return false;
  return second < 2000 || second - first <= LONGEST_RECENT_SPAN;
}
