/**
 * Ranges: "from 2014 to 2019", "between 2014 and 2019", "June 19–20", "19-20 June", "2019-20", "March to
 * May 2023". Each end stays a date of its own (so "2019" is still found as 2019), and both carry `range`: the
 * span of the whole range and the values of its start and end. An end written short ("20" in "June 19–20",
 * "20" in "2019-20") becomes a date of its own, completed from the other end; an end without a year ("March"
 * in "March to May 2023", "Jan. 3" in "from Dec. 5, 1998 to Jan. 3") takes the other end's year (or the next).
 */
import type { DateFact } from '../../result.ts';
import { addDays, day, formatDay, parseDay, type Resolved } from './calendar.ts';
import { MONTH, WEEKDAY } from './vocabulary.ts';

type Range = NonNullable<DateFact['range']>;

/** What may stand between the two ends of a range, and what may open it. */
const RANGE_JOINER = /^\s*(?:[-–—]|to|through|thru|until|till|and)\s*$/iu;
const DASH_OR_WORD = /^\s*(?:[-–—]|to|through|thru|until|till)\s*$/iu;
const BETWEEN_BEFORE = /(?<![\p{L}])between\s$/iu;
/** "from" or "between" just before the first end belongs to the range's span. */
const OPENER = /(?<![\p{L}])(?:from|between)\s$/iu;
/** "June 19–20", "Aug. 7 and 8, 1998": a day number after a day, and the year that may follow it. */
const DAY_AFTER =
  /^(\s*(?:[-–—]|to|through|thru|until|till|and|or|&)\s*)(\d{1,2})(?:st|nd|rd|th)?(?![\p{L}\p{N}])(?:,?\s([12]\d{3})(?!\p{N}))?/iu;
/** "19–20 June": a day number before a day written day first. */
const DAY_BEFORE = /(?<![\p{L}\p{N}])((\d{1,2})(?:st|nd|rd|th)?)(\s*(?:[-–—]|to|through|and|or|&)\s*)$/iu;
/** "2019-20", "1990–95", "1990-1995". */
const YEAR_AFTER = /^([-–—/])(\d{2}|[12]\d{3})(?![\p{L}\p{N}])/u;
const ENDS_WITH_DAY = /\d(?:st|nd|rd|th)?$/u;
const STARTS_WITH_DAY = /^(?:the\s)?\d/iu;
const WEEKDAY_ONLY = new RegExp(`^(?:${WEEKDAY})$`, 'u');
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;
const WRITTEN_YEAR = /(?<!\p{N})[12]\d{3}(?!\p{N})/u;
/** An end written as a month name and maybe a day, with no year: "June", "Jan. 3", "3 January". */
const MONTH_WITHOUT_YEAR = new RegExp(
  `^(?:\\d{1,2}(?:st|nd|rd|th)?\\s(?:of\\s)?)?(?:${MONTH})(?:\\s\\d{1,2}(?:st|nd|rd|th)?)?$`,
  'u',
);

/** Links the ends of ranges among `dates` (sorted, non-overlapping) and adds the ends written short. */
export function linkRanges(text: string, dates: readonly DateFact[]): DateFact[] {
  const out = withShortEnds(text, dates);
  for (let i = 0; i + 1 < out.length; i++) {
    const first = out[i] as DateFact;
    const second = out[i + 1] as DateFact;
    if (first.range || second.range) continue;
    const between = text.slice(first.end, second.start);
    if (!RANGE_JOINER.test(between)) continue;
    const before = text.slice(Math.max(0, first.start - 8), first.start);
    const isAnd = !DASH_OR_WORD.test(between);
    if (isAnd && !BETWEEN_BEFORE.test(before)) continue;
    const from = first.kind === 'relative' && second.kind === 'absolute' ? withYearOf(first, second) : first;
    const to = WEEKDAY_ONLY.test(second.text)
      ? weekAfter(from, second)
      : first.kind === 'absolute' && second.kind === 'relative'
        ? withYearAfter(second, first)
        : second;
    if (!isRange(from, to)) continue;
    const opener = OPENER.exec(before);
    const range: Range = {
      start: opener ? first.start - opener[0].length : first.start,
      end: second.end,
      from: from.value as string,
      to: to.value as string,
    };
    out[i] = { ...from, range };
    out[i + 1] = { ...to, range };
  }
  return out;
}

/** "Monday to Friday" ends on the Friday after the Monday. */
function weekAfter(first: DateFact, second: DateFact): DateFact {
  const [from, to] = [parseDay(first.value ?? ''), parseDay(second.value ?? '')];
  if (first.granularity !== 'day' || !from || !to || to >= from) return second;
  return { ...second, value: formatDay(addDays(to, 7)) };
}

/** Two ends make a range when both have values of the same precision and the first comes first. */
function isRange(first: DateFact, second: DateFact): boolean {
  if (first.value === undefined || second.value === undefined) return false;
  return first.granularity === second.granularity && first.value < second.value;
}

/** A relative month or day ("March" in "March to May 2023") placed in the year of the absolute end after it. */
function withYearOf(first: DateFact, second: DateFact): DateFact {
  const secondYear = Number(second.value?.slice(0, 4));
  const rest = first.value?.slice(4);
  if (!Number.isFinite(secondYear) || !rest || first.granularity !== second.granularity) return first;
  let value = `${secondYear}${rest}`;
  if (value > (second.value as string)) value = `${secondYear - 1}${rest}`;
  const { anchor: _anchor, ...withoutAnchor } = first;
  return { ...withoutAnchor, value, kind: 'absolute' };
}

/**
 * An end written without a year after a start written with one ("from Dec. 5, 1998 to Jan. 3", "from March 2014 to
 * June"): the first day or month of that name after the start, not one read from the publication date.
 */
function withYearAfter(second: DateFact, first: DateFact): DateFact {
  const value = second.value;
  if (value === undefined || first.value === undefined || !WRITTEN_YEAR.test(first.text)) return second;
  if (!MONTH_WITHOUT_YEAR.test(second.text) || second.granularity !== first.granularity) return second;
  const firstYear = Number(first.value.slice(0, 4));
  const rest = value.slice(4);
  let placed = `${firstYear}${rest}`;
  if (placed <= first.value) placed = `${firstYear + 1}${rest}`;
  if (placed.endsWith('-02-29') || placed === value) return second;
  const { anchor: _anchor, ...withoutAnchor } = second;
  return { ...withoutAnchor, value: placed, kind: 'absolute' };
}

/** A date of its own for an end written short, placed by the full end beside it. */
function shortEnd(
  text: string,
  span: { start: number; end: number },
  resolved: Resolved | undefined,
  full: DateFact,
): DateFact | undefined {
  if (resolved === undefined) return undefined;
  const kind = full.kind;
  return {
    ...span,
    text: text.slice(span.start, span.end),
    value: resolved.value,
    kind,
    granularity: resolved.granularity,
    ...(kind === 'relative' && full.anchor ? { anchor: full.anchor } : {}),
  };
}

/**
 * Adds the ends written short: "19" in "19–20 June", "20" in "June 19–20" (taking the year that may follow,
 * "June 19–20, 2022", from the year date found after it), "20" in "2019-20".
 */
function withShortEnds(text: string, dates: readonly DateFact[]): DateFact[] {
  const out: DateFact[] = [];
  for (let index = 0; index < dates.length; index++) {
    const date = dates[index] as DateFact;
    const next = dates[index + 1];
    const parts = date.granularity === 'day' && date.value ? ISO_DAY.exec(date.value) : null;
    if (parts && STARTS_WITH_DAY.test(date.text)) {
      const match = DAY_BEFORE.exec(text.slice(out.at(-1)?.end ?? 0, date.start));
      const start = date.start - (match?.[0].length ?? 0);
      const added =
        match &&
        shortEnd(
          text,
          { start, end: start + (match[1]?.length ?? 0) },
          day(parts[1], parts[2], match[2]),
          date,
        );
      if (added) out.push(added);
    }
    if (parts && ENDS_WITH_DAY.test(date.text)) {
      // The year after a short end ("June 19–20, 2022") was found as a date of its own: take it in.
      const limit = next?.granularity === 'year' ? next.end : (next?.start ?? text.length);
      const match = DAY_AFTER.exec(text.slice(date.end, limit));
      if (match) {
        const yearText = match[3];
        const first = yearText ? inYear(date, yearText) : date;
        const start = date.end + (match[1]?.length ?? 0);
        const span = { start, end: date.end + match[0].length };
        const added = shortEnd(text, span, day(yearText ?? parts[1], parts[2], match[2]), first);
        out.push(first);
        if (added && (added.value as string) > (first.value as string)) out.push(added);
        if (yearText && next?.granularity === 'year') index += 1;
        continue;
      }
    }
    out.push(date);
    const match =
      date.granularity === 'year' && date.value
        ? YEAR_AFTER.exec(text.slice(date.end, next?.start ?? text.length))
        : null;
    const written = match?.[2];
    if (match && written) {
      const firstYear = Number(date.value);
      let secondYear =
        written.length === 4 ? Number(written) : Math.floor(firstYear / 100) * 100 + Number(written);
      if (secondYear <= firstYear && written.length === 2) secondYear += 100;
      const start = date.end + (match[1]?.length ?? 0);
      if (secondYear > firstYear && secondYear - firstYear < 100) {
        out.push({
          start,
          end: start + written.length,
          text: written,
          value: String(secondYear),
          kind: 'absolute',
          granularity: 'year',
        });
      }
    }
  }
  return out;
}

/** A day written without a year, placed in the year written after the range ("June 19–20, 2022"). */
function inYear(date: DateFact, yearText: string): DateFact {
  const value =
    date.kind === 'relative' && date.value
      ? day(yearText, date.value.slice(5, 7), date.value.slice(8, 10))
      : undefined;
  if (!value) return date;
  const { anchor: _anchor, ...rest } = date;
  return { ...rest, value: value.value, kind: 'absolute' };
}
