/**
 * The day a news address dates its article: `/2015/04/03/`, `/2015/apr/03/`, `/2015-04-03/` or `/20150403/` in
 * its path, as news sites file their stories. A Wayback Machine address
 * (`web.archive.org/web/20150724173558id_/http://…`) is read through to the page it archived: its own time is
 * when the page was captured, which may be months or years after it was published (the CNN/DM inputs were
 * captured 0 to 4 months after publication), so it is no publication date and no anchor for "on Friday".
 */

/** A Wayback Machine address: the capture time, then the archived page's own address. */
const WAYBACK = /^(?:https?:\/\/)?(?:web\.)?archive\.org\/web\/\d{4,14}[a-z]{0,2}_?\/(.+)$/i;
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * A date as path segments or one segment: year, month (number or a month's name) and day, each closed by the
 * end of its segment; a slug may follow the day of `2015-04-03-title`. Never inside a longer number: a
 * Wayback time, an article id.
 */
const PATH_DATES = [
  /\/((?:19|20)\d\d)\/(\d\d?|[a-z]{3})\/(\d\d?)(?=[/?#]|$)/giu,
  /\/((?:19|20)\d\d)-(\d\d)-(\d\d)(?=[/?#._-]|$)/gu,
  /\/((?:19|20)\d\d)(\d\d)(\d\d)(?=[/?#._-]|$)/gu,
];
/** Dates before the first news sites, or in years a page cannot have been written: an id, not a day. */
const FIRST_YEAR = 1994;

/** The archived page's address inside a Wayback Machine address; any other address as it is. */
export function archivedUrl(url: string): string {
  return url.match(WAYBACK)?.[1] ?? url;
}

/**
 * The publication day (YYYY-MM-DD) that `url`'s path gives, or undefined when it gives none or two different
 * ones. The host and the query are not read: only the path, where sites write a story's day.
 */
export function urlDate(url: string): string | undefined {
  const path = pathOf(archivedUrl(url));
  if (path === undefined) return undefined;
  const found = new Set<string>();
  for (const pattern of PATH_DATES) {
    for (const [, year, month, day] of path.matchAll(pattern)) {
      const date = dayOf(Number(year), monthOf(month), Number(day));
      if (date !== undefined) found.add(date);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function pathOf(url: string): string | undefined {
  const match = url.match(/^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*([^?#]*)/iu);
  return match?.[1];
}

function monthOf(month: string | undefined): number {
  if (month === undefined) return Number.NaN;
  const named = MONTH_NAMES.indexOf(month.toLowerCase());
  return named >= 0 ? named + 1 : Number(month);
}

function dayOf(year: number, month: number, day: number): string | undefined {
  if (year < FIRST_YEAR || !(month >= 1 && month <= 12) || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
