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
import { COUNTED_NOUNS, GLUED_UNIT } from './absolute-rules.ts';

/**
 * What joins the ends: a dash (spaced in tokenised text), or "to", which only a mark of money or a measure makes a
 * range of numbers ("costs 1500 to 2000 kr"; "from 2019 to 2014 levels" are years).
 */
const JOINER = '\\s?[-–—]\\s?|\\sto\\s';
/** The other end after the number: digits, perhaps with separators ("2.075"). */
const END_AFTER = new RegExp(`^(?:${JOINER})(\\d+(?:[.,]\\d+)*)(?![\\p{N}])`, 'u');
/** The other end before the number. */
const END_BEFORE = new RegExp(`(?<![\\p{N}.,])(\\d+(?:[.,]\\d+)*)(?:${JOINER})$`, 'u');
/**
 * "between 1500 and 2000 units": "and" joins the ends after "between", and, as "to" does, only a mark of money or a
 * measure makes them numbers ("between 1939 and 1945" are years).
 */
const BETWEEN_END_AFTER = /^\sand\s(\d+(?:[.,]\d+)*)(?![\p{N}])/u;
const BETWEEN_END_BEFORE = /(?<![\p{L}])between\s(\d+(?:[.,]\d+)*)\sand\s$/iu;
const BETWEEN = /(?<![\p{L}])between\s$/iu;
/**
 * A currency or a price word just before the range ("USD 1200", "SEK 1200", "costs 1500", "prices from 1500", "sold
 * for 1200", "fetched between 1500").
 */
const MONEY_BEFORE =
  /(?:(?:[$£€¥₹]|(?<![\p{L}])(?:US\$|USD|EUR|GBP|SEK|NOK|DKK|ISK|CHF|INR|JPY|Rs\.?|Kr\.?|kr\.?))\s?|(?<![\p{L}])(?:costs?|costing|prices?|priced|fees?|charges?|rents?|fares?|pp?\.|pages|sold|sells?|selling|bought|buys?|paid|pays?|paying|fetch(?:ed|es|ing)?|worth|valued|auctioned|went|goes)(?:\s(?:for|from|about|around|roughly|only|just|of|is|are|at|between))?:?\s)$/iu;
/** A currency or a unit just after the range ("1200-1500 kr", "Kr.", "€", "euros", "metres", "people", "1500cc"). */
const MEASURE_AFTER = new RegExp(
  `^(?:${GLUED_UNIT}|\\s?(?:[$£€¥₹%]|(?:US\\$|USD|EUR|GBP|SEK|NOK|DKK|ISK|CHF|INR|JPY|Rs\\.?|Kr\\.?|kr\\.?|euros?|dollars?|rupees?|yen|yuan|francs?|crowns?|kronor|kroner|krona|krone|kronur|m|cm|mm|km|kg|ft|ha|mph|kcal|sq|${COUNTED_NOUNS})(?![\\p{L}])))`,
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
  const range = otherEndOf(text, start, end);
  if (range === undefined) return false;
  const { other, isAfter, length, byDash } = range;
  // "1380-2.075", "1500-25000": the other end is no year. After "to" it may be a count ("in 2019 to 25,000").
  if (!FOUR_DIGITS.test(other)) return byDash && other.replace(/\D/gu, '').length >= 4;
  const [first, second] = isAfter ? [Number(written), Number(other)] : [Number(other), Number(written)];
  // "from 2019 to 2014 levels": after "to" only a mark of money or a measure tells.
  if (byDash && !isYearRange(first, second)) return true;
  const rangeStart = isAfter ? start : start - length;
  const rangeEnd = isAfter ? end + length : end;
  return (
    MONEY_BEFORE.test(text.slice(Math.max(0, rangeStart - 24), rangeStart)) ||
    MEASURE_AFTER.test(text.slice(rangeEnd, rangeEnd + 24))
  );
}

interface OtherEnd {
  /** The other end as written. */
  readonly other: string;
  /** Whether it comes after the number. */
  readonly isAfter: boolean;
  /** The length of the joiner and the other end (and "between" when it opens the range before the number). */
  readonly length: number;
  /** Whether a dash joins the ends. */
  readonly byDash: boolean;
}

/** The other end of a range the number at `start`..`end` is an end of: "1200-1500", "1500 to 2000", "between 1500 and 2000". */
function otherEndOf(text: string, start: number, end: number): OtherEnd | undefined {
  const following = text.slice(end, end + 24);
  const preceding = text.slice(Math.max(0, start - 32), start);
  const after =
    END_AFTER.exec(following) ?? (BETWEEN.test(preceding) ? BETWEEN_END_AFTER.exec(following) : null);
  if (after?.[1] !== undefined) {
    return { other: after[1], isAfter: true, length: after[0].length, byDash: /^\s?[-–—]/u.test(after[0]) };
  }
  const before = END_BEFORE.exec(preceding) ?? BETWEEN_END_BEFORE.exec(preceding);
  if (before?.[1] !== undefined) {
    return {
      other: before[1],
      isAfter: false,
      length: before[0].length,
      byDash: /[-–—]\s?$/u.test(before[0]),
    };
  }
  return undefined;
}

/** Two four-digit numbers that may be a range of years: "1939-1945", "2014-2019", "1066-1485", "1800-2000". */
function isYearRange(first: number, second: number): boolean {
  if (first < EARLIEST_YEAR || second > LATEST_YEAR || second < first) return false;
  return second < 2000 || second - first <= LONGEST_RECENT_SPAN;
}
