/**
 * A day word explained by the day written right after it: "it had to be tonight – Dec. 30", "tickets go on sale
 * today, December 29", "the game today (Dec. 27)". The writer names the day that "today" is, so "today" takes that
 * day's value, not the publication date's: a text message or a statement quoted from another day speaks of its own
 * day. The written day must be a day with its value; the two are apart only by a comma, a dash or an opening bracket.
 */
import type { DateFact } from '../../result.ts';

const DAY_WORD = /^(?:today|tonight|yesterday|tomorrow)$/iu;
const APPOSITION = /^\s?(?:,|[–—-]|\()\s?$/u;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;
const WITH_NUMBER = /\d/u;

/** `dates` (sorted, non-overlapping) with a day word given the value of the day written right after it. */
export function withApposedDays(text: string, dates: readonly DateFact[]): DateFact[] {
  return dates.map((date, index) => {
    const next = dates[index + 1];
    if (!next || !DAY_WORD.test(date.text) || !APPOSITION.test(text.slice(date.end, next.start))) return date;
    // a weekday ("today, Monday,") is itself read from the publication date: only a day written with its number
    if (!WITH_NUMBER.test(next.text) || next.granularity !== 'day' || !ISO_DAY.test(next.value ?? ''))
      return date;
    if (next.value === date.value) return date;
    return { ...date, value: next.value ?? '', granularity: 'day' as const };
  });
}
