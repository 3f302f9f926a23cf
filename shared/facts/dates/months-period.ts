/**
 * Reporting periods longer than a quarter: "the first nine months", "the nine months", "the six months ended
 * Aug. 12", "the first half", "the nine-month period". They are durations, not dates, so they are not found as
 * dates; but they change what a later "a year earlier" means. "For the nine months, net was $9 million,
 * compared with $8 million a year earlier": the year before is the nine months of last year, which no TIMEX3
 * value holds more closely than last year's, not the third quarter of last year that the article spoke of
 * before.
 */
import { type Resolved, year } from './calendar.ts';

/** The period, and the year written after it ("of 1997", "of fiscal 1990"), if any. */
const MONTHS_PERIOD =
  /(?<![\p{L}])the\s(?:(?:first|latest|same)\s)?(?:(?:six|nine|6|9)[\s-]months?(?:\speriod)?|half)(?:\sof\s(?:fiscal\s)?([12]\d{3}))?(?![\p{L}\p{N}])/giu;

export interface MonthsPeriod {
  readonly start: number;
  /** The year written with the period; else the period is in the year of the dates around it. */
  readonly year?: Resolved;
}

/** Every reporting period longer than a quarter in `text`, in order. */
export function monthsPeriodsIn(text: string): MonthsPeriod[] {
  return [...text.matchAll(MONTHS_PERIOD)].map((match) => {
    const written = match[1] === undefined ? undefined : year(Number(match[1]));
    return { start: match.index, ...(written ? { year: written } : {}) };
  });
}
