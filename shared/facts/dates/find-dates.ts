import type { DateFact } from '../../result.ts';
import { ABSOLUTE_RULES } from './absolute-rules.ts';
import { withApposedDays } from './apposed-day.ts';
import { parseDay, type Resolved, year, yearOf } from './calendar.ts';
import { isCitationPage } from './citation-page.ts';
import { isContractMonth } from './contract-month.ts';
import { withDayBefore } from './day-before.ts';
import { isSpokenInSight } from './future-of-past.ts';
import { isBareMonthOrDay, isEventTime, listAnchorOf } from './listed-date.ts';
import { MONTH_OF_YEAR_RULE } from './month-of-year.ts';
import { monthsPeriodsIn } from './months-period.ts';
import { isNumberRange } from './number-range.ts';
import { dateOrderOf, numericRules, orderInText } from './numeric.ts';
import { isPeriodOfPlay } from './period-of-play.ts';
import { isPhoneNumber } from './phone-number.ts';
import { linkRanges } from './ranges.ts';
import { REFERENCE_RULES } from './reference-rules.ts';
import { RELATIVE_RULES } from './relative-rules.ts';
import { type Candidate, type Context, findCandidates, leftmostLongest, type Rule } from './rule.ts';
import { isStreetNumber } from './street-number.ts';
import { isTableValue } from './table-value.ts';
import { continuesList, type Tense, tenseAt } from './tense.ts';
import { withTimesOfDay } from './time-of-day.ts';

type Anchor = NonNullable<DateFact['anchor']>;

export interface DateOptions {
  /** The article's publication date or time (ISO 8601) from its metadata. */
  readonly publishedAt?: string;
  /** publishedAt is the day the article's address files it under (`/2015/04/03/`): the anchor says `url`. */
  readonly publishedFromUrl?: boolean;
  /** The page's locale or language (BCP 47, "en-GB"): the order of day and month in 11/06/2023. */
  readonly locale?: string;
  /** The region of the page's declared locale ("GB" of en-GB), when `locale` is only its language ("en"). */
  readonly region?: string;
  /** The page's address: its country domain (.uk) tells the order of day and month when the locale does not. */
  readonly url?: string;
}

/** Absolute patterns first (numeric ones before these): of two matches with the same span, the earlier rule wins. */
const RULES: readonly Rule[] = [...ABSOLUTE_RULES, ...REFERENCE_RULES, ...RELATIVE_RULES, MONTH_OF_YEAR_RULE];
/** Granularities that later dates may be placed from ("a year earlier" follows the last of these). */
const CALENDAR_GRANULARITIES = new Set(['day', 'week', 'month', 'quarter', 'half', 'season', 'year']);

/**
 * Dates in `text`, as TIMEX3 values: absolute ones as written, relative ones ("Monday", "last week",
 * "in May", "the third quarter") resolved against the publication date, else the latest absolute day
 * written in the text; "a year earlier" and "the quarter" against the date mentioned before them, and so a
 * month or a day listed after a dated one ("in March 2021, the Senate in May"; see listed-date.ts); "now",
 * "recently", "the future" as PRESENT_REF, PAST_REF, FUTURE_REF. An expression that cannot be placed
 * (a weekday with nothing to anchor it) keeps its span without a value. Durations are numbers, not dates
 * (see numbers.ts).
 */
export function findDates(text: string, options: DateOptions = {}): DateFact[] {
  const order = dateOrderOf(options.locale, options.url, options.region) ?? orderInText(text);
  const candidates = leftmostLongest(findCandidates(text, [...numericRules(order), ...RULES]));
  const anchor = anchorOf(text, options, candidates);
  const anchorDate = anchor === undefined ? undefined : parseDay(anchor.value);
  const dates: DateFact[] = [];
  let reference: Resolved | undefined;
  let referenceEnd: number | undefined;
  let lastQuarter: Resolved | undefined;
  const periods = monthsPeriodsIn(text);
  let nextPeriod = 0;
  let monthsPeriod: Resolved | undefined;
  let monthsPeriodEnd = 0;
  let previous: { end: number; tense: () => Tense; listAnchor: Date | undefined } | undefined;
  for (const candidate of candidates) {
    const { start, end, kind } = candidate;
    // A period of months written since the last quarter puts its year in focus ("For the nine months, …"); after
    // its paragraph, the quarter spoken of before it is in focus again (see months-period.ts).
    for (let period = periods[nextPeriod]; period && period.start < start; period = periods[++nextPeriod]) {
      const periodYear = yearOf(lastQuarter) ?? anchorDate?.getUTCFullYear();
      monthsPeriod = period.year ?? (periodYear === undefined ? undefined : year(periodYear));
      monthsPeriodEnd = period.paragraphEnd;
    }
    if (start > monthsPeriodEnd && lastQuarter !== undefined) monthsPeriod = undefined;
    let tense: Tense | undefined;
    // an item of a list with no tense cue of its own takes the tense of the item before it
    const listed = previous && continuesList(text, previous.end, start) ? previous : undefined;
    const context: Context = {
      ...(anchorDate ? { anchor: anchorDate } : {}),
      ...(reference ? { reference, referenceEnd } : {}),
      ...(lastQuarter ? { lastQuarter } : {}),
      ...(monthsPeriod ? { monthsPeriod } : {}),
      // Read only by the rules that need them: a scan of the text before each date is not free.
      get referenceInSight() {
        const inSight = referenceEnd !== undefined && isSpokenInSight(text, referenceEnd, start);
        return inSight ? reference : undefined;
      },
      get tense() {
        if (tense === undefined) {
          tense = tenseAt(text, start, end);
          if (tense === 'unknown' && listed) tense = listed.tense();
        }
        return tense;
      },
    };
    let resolved = candidate.resolve(context);
    // "in March 2021, the Senate in May": a month or a day of no year listed after a dated one follows it
    const written = text.slice(start, end);
    const listAnchor = listed ? previous?.listAnchor : undefined;
    const eventTime = isEventTime(text, start);
    const placedInList =
      kind === 'relative' && listAnchor !== undefined && eventTime && isBareMonthOrDay(written);
    if (placedInList)
      resolved = candidate.resolve({ ...context, anchor: listAnchor, tense: 'future' }) ?? resolved;
    const explicit = (kind === 'absolute' && !isYearless(resolved?.value ?? 'X')) || placedInList;
    // the item's tense as its rule read it (so a list passes it on), else its own: no chain of calls down a long list
    const ownTense = () => tense ?? tenseAt(text, start, end);
    previous = {
      end,
      tense: ownTense,
      listAnchor: explicit && eventTime ? listAnchorOf(resolved) : undefined,
    };
    // "during much of the year" with no year in sight: no date, not even a span.
    if (resolved === undefined && candidate.noValueIsNoDate) continue;
    // "going into the last quarter" of a match: no date, not even a span.
    if (resolved?.granularity === 'quarter' && isPeriodOfPlay(text, start, end)) continue;
    // "The December calendar spread", "October crude rose": a futures contract's month, no date.
    if ((resolved === undefined || resolved.granularity === 'month') && isContractMonth(text, start, end))
      continue;
    // "for women only 1380-2075", "2500-4600 Kr.": a range of prices or counts, no year.
    if (resolved?.granularity === 'year' && isNumberRange(text, start, end)) continue;
    // "Journal of Things. 23 (7): 1739–1752": the pages of a journal reference, no years.
    if (resolved?.granularity === 'year' && isCitationPage(text, start)) continue;
    // "the bank at 2015 Washtenaw Avenue", "in 2100 block of Washtenaw": a house number.
    if (resolved?.granularity === 'year' && isStreetNumber(text, start, end)) continue;
    // "please call 0800 138 1016": the last group of a telephone number.
    if (resolved?.granularity === 'year' && isPhoneNumber(text, start)) continue;
    // "Calories from Fat 1782" in a list of "Total Fat 16g", "Sodium 310mg": a table's value, no year.
    if (resolved?.granularity === 'year' && isTableValue(text, start, end)) continue;
    if (
      resolved &&
      candidate.isReference &&
      CALENDAR_GRANULARITIES.has(resolved.granularity) &&
      !isYearless(resolved.value)
    ) {
      reference = resolved;
      referenceEnd = end;
      if (resolved.granularity === 'quarter') {
        lastQuarter = resolved;
        monthsPeriod = undefined;
      }
    }
    dates.push({
      start,
      end,
      text: text.slice(start, end),
      ...(resolved ? { value: resolved.value, granularity: resolved.granularity } : {}),
      kind,
      ...(kind === 'relative' && anchor ? { anchor } : {}),
    });
  }
  return withTimesOfDay(text, linkRanges(text, withApposedDays(text, withDayBefore(text, dates))));
}

/** A day of no year ("September 7 in history", XXXX-09-07): no anchor and no reference for the dates after it. */
const isYearless = (value: string) => value.startsWith('X');

/** How far into the text a dateline may start (after a headline and a byline). */
const DATELINE_REACH = 600;
/** What stands before a dateline's day on its line: a place in capitals and its country ("KHASAVYURT , Russia "). */
const DATELINE_PLACE = /^\p{Lu}[\p{Lu}\p{M} .'’-]*(?:\s?,\s?\p{L}[\p{L}\p{M} .'’-]*)?,?\s$/u;
/** What follows it: the end of the line, a wire's name, a dash ("LONDON, Aug. 20, 1996 (Reuters) -"). */
const DATELINE_END = /^\s*(?:\([^()\n]{1,30}\)\s*)?(?:--|[-–—]|\n|$)/u;
/**
 * A headline run into its dateline and lead on one line, as tokenised wire text is ("ATHLETICS - BERLIN GRAND PRIX
 * RESULTS . BERLIN 1996-08-30 Leading results at …"): the place after the headline's full stop, the lead's first
 * word after the day.
 */
const AFTER_HEADLINE = /^.*\s\.\s/u;
const LEAD_AFTER = /^\s\p{Lu}\p{Ll}/u;

/**
 * The day that relative dates are read against: the publication date; else the day of the article's dateline
 * ("KHASAVYURT , Russia 1996-08-31"), the day it was filed; else the latest day written on a line of its own
 * (see isDateLine). A day written in the story ("independent until December 31 , 2001", "the bombing on April 15,
 * 2013, killed three") is not the article's day: with none of these, relative dates keep their spans with no
 * value, as a wrong value is worse than none.
 */
function anchorOf(
  text: string,
  { publishedAt, publishedFromUrl }: DateOptions,
  candidates: readonly Candidate[],
): Anchor | undefined {
  const published = publishedAt === undefined ? undefined : parseDay(publishedAt);
  if (publishedAt !== undefined && published) {
    return { value: publishedAt.slice(0, 10), from: publishedFromUrl ? 'url' : 'metadata' } satisfies Anchor;
  }
  let latest: string | undefined;
  for (const candidate of candidates) {
    if (candidate.kind !== 'absolute') continue;
    const resolved = candidate.resolve({ tense: 'past' });
    if (resolved?.granularity !== 'day' || isYearless(resolved.value)) continue;
    if (isDateline(text, candidate)) return { value: resolved.value, from: 'text' } satisfies Anchor;
    if (!isDateLine(text, candidate)) continue;
    if (latest === undefined || resolved.value > latest) latest = resolved.value;
  }
  return latest === undefined ? undefined : ({ value: latest, from: 'text' } satisfies Anchor);
}

/** A weekday and a comma before the day ("Thursday, March 15, 2012"): the way a page writes its own date. */
const WITH_WEEKDAY = /^\p{L}+day,\s/u;

/**
 * A day on a line of its own, as a page writes the date it was published or posted: one that ends its line
 * ("Tuesday, September 1, 2015" under a headline, "— Jennifer Lawrence (@JenniferUpdates) December 27, 2014" under
 * a post), or that opens a line near the top written with its weekday ("Thursday, March 15, 2012 Wikinews
 * interviewed …"). Not a day inside a sentence ("on April 15, 2013, two bombs", "Oct. 12, 2006.").
 */
function isDateLine(text: string, { start, end }: Candidate): boolean {
  const endsLine = /^[ \t]*(?:\n|$)/u.test(text.slice(end, end + 80));
  if (endsLine) return true;
  if (start > DATELINE_REACH) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return lineStart === start && WITH_WEEKDAY.test(text.slice(start, end));
}

function isDateline(text: string, { start, end }: Candidate): boolean {
  if (start > DATELINE_REACH) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const line = text.slice(lineStart, start);
  const after = text.slice(end, end + 40);
  if (DATELINE_PLACE.test(line) && DATELINE_END.test(after)) return true;
  const place = line.replace(AFTER_HEADLINE, '');
  return place !== line && DATELINE_PLACE.test(place) && LEAD_AFTER.test(after);
}
