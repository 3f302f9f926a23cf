/**
 * A clock time written with a day: "9 a.m. Tuesday", "4 a.m. EDT Thursday", "noon Friday", "Tuesday at
 * 9 a.m.", "June 5 at 3:30 p.m.". The day and its time become one date, valued as TIMEX3 writes it: the day
 * and the local time as written, `2000-04-04T09:00` (a zone such as EDT stays in the span, not in the value),
 * granularity `time`. A time with no day beside it ("at 10 p.m.", "6 a.m. ten days before") is not a date.
 */
import type { DateFact } from '../../result.ts';

/**
 * "9 a.m.", "10:30 pm", "4 p.m", "noon": hour, minutes, a or p, or the word. The full stop after "pm" (no stop
 * inside) ends the sentence and stays out: "on Nov. 9 at 6 pm."
 */
const CLOCK = '(?:(\\d{1,2})(?::([0-5]\\d))?\\s?([ap])(?:\\.\\s?m\\.?|\\s?m)|(noon))(?![\\p{L}\\p{N}])';
/** A time zone written after the time ("EDT", "GMT"); kept in the span only. */
const ZONE = '(?:\\s(?:[ECMP][SD]T|GMT|UTC|BST|CET))?';
/** The time just before the day: "until 9 a.m. EST Tuesday", "at noon on Friday". */
const TIME_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}:.])${CLOCK}${ZONE},?\\s(?:on\\s)?$`, 'iu');
/** The time just after the day: "Tuesday at 9 a.m.", "Nov. 6, 5 p.m. EST". */
const TIME_AFTER = new RegExp(`^(?:,\\s|\\s)(?:at\\s)?${CLOCK}${ZONE}(?![\\p{L}\\p{N}])`, 'iu');
/** How far before a day a time may start ("10:30 a.m. EDT on " is 19 characters). */
const LOOK_BEHIND = 24;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** `HH:MM` of a matched clock, or undefined when the hour is not one ("13 p.m."). */
function clockOf(match: RegExpExecArray): string | undefined {
  const [, hourText, minutes = '00', half, word] = match;
  if (word !== undefined) return '12:00';
  const hour = Number(hourText);
  if (!(hour >= 1 && hour <= 12)) return undefined;
  const hour24 = (hour % 12) + (half?.toLowerCase() === 'p' ? 12 : 0);
  return `${String(hour24).padStart(2, '0')}:${minutes}`;
}

/**
 * `dates` (sorted, non-overlapping) with a clock time written beside a day joined to it: its span grows over
 * the time and its value gains `THH:MM`. Dates that are not a single day (weeks, ranges) are left alone.
 */
export function withTimesOfDay(text: string, dates: readonly DateFact[]): DateFact[] {
  // Pushed into an array literal, not mapped: findDates returns this array, and an article without dates then
  // gets an empty array of the same elements kind as one with dates (see foldCapitals in entity-types.ts).
  const out: DateFact[] = [];
  for (let index = 0; index < dates.length; index++) out.push(withTimeOfDay(text, dates, index));
  return out;
}

/** The date at `index`, with the clock time written beside it joined to it if it is a day. */
function withTimeOfDay(text: string, dates: readonly DateFact[], index: number): DateFact {
  const date = dates[index] as DateFact;
  if (date.granularity !== 'day' || date.value === undefined || !ISO_DAY.test(date.value) || date.range) {
    return date;
  }
  const previousEnd = dates[index - 1]?.end ?? 0;
  const nextStart = dates[index + 1]?.start ?? text.length;
  const windowStart = Math.max(previousEnd, date.start - LOOK_BEHIND);
  const before = TIME_BEFORE.exec(text.slice(windowStart, date.start));
  const after = before ? null : TIME_AFTER.exec(text.slice(date.end, nextStart));
  const match = before ?? after;
  const clock = match ? clockOf(match) : undefined;
  if (!match || clock === undefined) return date;
  const start = before ? windowStart + before.index : date.start;
  const end = after ? date.end + after[0].length : date.end;
  return {
    ...date,
    start,
    end,
    text: text.slice(start, end),
    value: `${date.value}T${clock}`,
    granularity: 'time',
  };
}
