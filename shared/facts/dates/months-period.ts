/**
 * Reporting periods longer than a quarter: "the first nine months", "the nine months", "the six months ended
 * Aug. 12", "the first half", "the nine-month period". They are durations, not dates, so they are not found as
 * dates; but they change what a later "a year earlier" means. "For the nine months, net was $9 million,
 * compared with $8 million a year earlier": the year before is the nine months of last year, which no TIMEX3
 * value holds more closely than last year's, not the third quarter of last year that the article spoke of
 * before. Where the story spoke of a quarter before the period, the period stays in focus to the end of its
 * paragraph: an earnings story gives each unit's figures in a paragraph of their own, quarter first ("At GMAC, net
 * dropped 3.1% … compared with a year earlier", after a paragraph on GM Hughes's nine months, is the quarter again).
 * A story about a half year and no quarter ("the six months ended Oct. 1") keeps the period in focus throughout.
 */
import { type Resolved, year } from './calendar.ts';

/** The period, and the year written after it ("of 1997", "of fiscal 1990"), if any. */
const MONTHS_PERIOD =
  /(?<![\p{L}])the\s(?:(?:first|latest|same)\s)?(?:(?:six|nine|6|9)[\s-]months?(?:\speriod)?|half)(?:\sof\s(?:fiscal\s)?([12]\d{3}))?(?![\p{L}\p{N}])/giu;

export interface MonthsPeriod {
  readonly start: number;
  /** Where its paragraph ends (the next line break, else the end of the text). */
  readonly paragraphEnd: number;
  /** The year written with the period; else the period is in the year of the dates around it. */
  readonly year?: Resolved;
}

/**
 * Every reporting period longer than a quarter in `text`, in order. One object shape (`year` undefined rather
 * than missing) in an array pushed into a literal: most articles have none, and an empty array from `map` has an
 * elements kind of its own, which deoptimised findDates' loop over the periods ("wrong map").
 */
export function monthsPeriodsIn(text: string): MonthsPeriod[] {
  const periods: MonthsPeriod[] = [];
  for (const match of text.matchAll(MONTHS_PERIOD)) {
    const lineBreak = text.indexOf('\n', match.index);
    periods.push({
      start: match.index,
      paragraphEnd: lineBreak < 0 ? text.length : lineBreak,
      year: match[1] === undefined ? undefined : year(Number(match[1])),
    });
  }
  return periods;
}
