/**
 * A month or a day of no year listed after a date that has its year ("passed the House in March 2021, the Senate
 * in May"; "closed on Sept. 4, 2019, and reopened Nov. 2"): a list of events runs forward in time, so the item
 * is the first such month or day after the date before it, not the one nearest the article's date.
 */
import { parseDay, type Resolved } from './calendar.ts';
import { MONTH, ORDINAL_SUFFIX } from './vocabulary.ts';

/** "May", "early May", "Nov. 2", "2 November", "the 2nd of November": a month or a day, and nothing that places it. */
const BARE_MONTH_OR_DAY = new RegExp(
  `^(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[\\s-]+)?(?:(?:the\\s)?\\d{1,2}${ORDINAL_SUFFIX}\\s(?:of\\s)?)?(?:${MONTH})(?:\\s\\d{1,2}${ORDINAL_SUFFIX})?$`,
  'u',
);

export function isBareMonthOrDay(written: string): boolean {
  return BARE_MONTH_OR_DAY.test(written);
}

/** "in" or "on" right before the date: the time of an event, not a deadline or the edge of a period ("through February 2015"). */
const EVENT_TIME = /(?<![\p{L}])(?:in|on)\s$/iu;

export function isEventTime(text: string, start: number): boolean {
  return EVENT_TIME.test(text.slice(Math.max(0, start - 4), start));
}

/**
 * The day a later item of the list is placed after: the first day of a month or a day written with its year
 * ("March 2021", "Sept. 4, 2019"), or of an item placed so itself.
 */
export function listAnchorOf(resolved: Resolved | undefined): Date | undefined {
  if (resolved?.granularity === 'day') return parseDay(resolved.value);
  if (resolved?.granularity === 'month') return parseDay(`${resolved.value}-01`);
  return undefined;
}
