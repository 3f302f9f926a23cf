/**
 * "Born on May 3, 1950, he moved to Paris on June 10", "the strike ran from Dec. 5, 1998 to Jan. 3", "from March
 * 2014 to June": a month, or a month and day, written without a year in the same sentence as a date written with
 * one (to the day or the month) is read from that date, as the one of that name nearest to it ("payable Dec. 1,
 * 2016, to holders of record Nov. 15"), not from the publication date.
 */
import type { DateFact } from '../../result.ts';
import { MONTH } from './vocabulary.ts';

/** A date written as a month name and maybe a day, with no year: "June", "June 10", "10 June", "Jan. 3". */
const MONTH_WITHOUT_YEAR = new RegExp(
  `^(?:(?:the\\s)?\\d{1,2}(?:st|nd|rd|th)?\\s(?:of\\s)?)?(?:${MONTH})(?:\\s\\d{1,2}(?:st|nd|rd|th)?)?$`,
  'u',
);
const WRITTEN_YEAR = /(?<!\p{N})[12]\d{3}(?!\p{N})/u;
/** A sentence ends between two dates: a full stop, "!" or "?" before a capital, or a line break. */
const SENTENCE_BREAK = /[.!?]["”’)]?\s+["“‘(]?\p{Lu}|\n/u;
const CALENDAR = new Set(['day', 'month']);

/** `dates` (sorted) with each month or day written without a year placed after the dated one before it. */
export function withSentenceYear(text: string, dates: readonly DateFact[]): DateFact[] {
  const out: DateFact[] = [];
  let dated: DateFact | undefined;
  for (const date of dates) {
    if (dated !== undefined && SENTENCE_BREAK.test(text.slice(dated.end, date.start))) dated = undefined;
    const placed = dated === undefined ? undefined : placedAfter(dated, date);
    out.push(placed ?? date);
    // A year written since ("in November 2023, … the 2020 election … the January 6 attack") is the one in focus.
    if (date.kind === 'absolute' && WRITTEN_YEAR.test(date.text))
      dated = CALENDAR.has(date.granularity ?? '') ? date : undefined;
  }
  return out;
}

function placedAfter(dated: DateFact, date: DateFact): DateFact | undefined {
  const value = date.value;
  if (date.kind !== 'relative' || value === undefined || !CALENDAR.has(date.granularity ?? ''))
    return undefined;
  if (!MONTH_WITHOUT_YEAR.test(date.text) || dated.value === undefined || value.endsWith('-02-29'))
    return undefined;
  const year = Number(dated.value.slice(0, 4));
  const rest = value.slice(4);
  const target = position(dated.value);
  const distance = (candidate: number) => Math.abs(position(`${candidate}${rest}`) - target);
  const nearest = [year - 1, year, year + 1].reduce((best, next) =>
    distance(next) < distance(best) ? next : best,
  );
  const placed = `${nearest}${rest}`;
  if (placed === value) return undefined;
  const { anchor: _anchor, ...withoutAnchor } = date;
  return { ...withoutAnchor, value: placed, kind: 'absolute' };
}

/** A day or month value as a count of months (a day as a fraction of its month), to measure how far apart two are. */
function position(value: string): number {
  const [year, month, day] = value.split('-').map(Number);
  return (year ?? 0) * 12 + (month ?? 1) - 1 + ((day ?? 15) - 1) / 31;
}
