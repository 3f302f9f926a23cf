/**
 * "the day before last Tuesday's hearing", "the day after Christmas", "the night before Thanksgiving", "the week
 * before Easter": a day counted from the date written right after it, not from the date mentioned before it.
 * The phrase and the date become one date: "the day after Christmas" is 2023-12-26.
 */
import type { DateFact } from '../../result.ts';
import { addDays, day, parseDay, type Resolved, week } from './calendar.ts';

const BEFORE_DATE = /(?<![\p{L}])[Tt]he\s(day|night|morning|afternoon|evening|week)\s(before|after)\s$/u;
/** How far before a date the phrase may start ("the afternoon before " is 21 characters). */
const LOOK_BEHIND = 24;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

function shifted(date: Date, unit: string, direction: string): Resolved | undefined {
  const sign = direction === 'before' ? -1 : 1;
  if (unit === 'week') return week(addDays(date, 7 * sign));
  const next = addDays(date, sign);
  return day(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** `dates` (sorted, non-overlapping) with "the day before" joined to the day written after it. */
export function withDayBefore(text: string, dates: readonly DateFact[]): DateFact[] {
  const out: DateFact[] = [];
  for (const date of dates) {
    const windowStart = Math.max(0, date.start - LOOK_BEHIND);
    const phrase = BEFORE_DATE.exec(text.slice(windowStart, date.start));
    const isDay = date.granularity === 'day' && ISO_DAY.test(date.value ?? '');
    const written = phrase && isDay ? parseDay(date.value ?? '') : undefined;
    const resolved = phrase && written ? shifted(written, phrase[1] ?? '', phrase[2] ?? '') : undefined;
    if (!phrase || !resolved) {
      out.push(date);
      continue;
    }
    const start = windowStart + phrase.index;
    // "the day before" may have been read on its own, from the date before it
    while ((out.at(-1)?.end ?? 0) > start) out.pop();
    out.push({
      ...date,
      start,
      text: text.slice(start, date.end),
      value: resolved.value,
      granularity: resolved.granularity,
    });
  }
  return out;
}
