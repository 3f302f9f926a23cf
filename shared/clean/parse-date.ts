/** Dates as news pages write them, to ISO 8601. Returns undefined when unsure: a wrong date is worse than none. */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  januar: 1,
  februar: 2,
  märz: 3,
  mai: 5,
  juni: 6,
  juli: 7,
  oktober: 10,
  dezember: 12,
};
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?)?/;
/** "2014-12-22 17:43:29 UTC": a zone named after the time that is UTC. */
const UTC_NAME = /^\s*(?:UTC|GMT)\b/;
const MONTH_NAME = '([A-Za-zä]{3,9})\\.?';
/** "June 19, 2023", "Jun. 19 2023". */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`);
/** "19 June 2023", "19. Juni 2023", "24 July, 2013". */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`);
/** "19.06.2023" (European numeric). */
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthNumber(name: string | undefined): number | undefined {
  if (!name) return undefined;
  const key = name.toLowerCase();
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

/**
 * An ISO 8601 date-time string keeps its time and offset ("UTC" or "GMT" after it is `Z`; another zone name, such
 * as "EST", is left out, as no offset is written); a date alone becomes YYYY-MM-DD. No space is left in the value.
 */
function fromIso(match: RegExpMatchArray, text: string): string | undefined {
  const [whole, year, month, day, hour, , , zone] = match;
  const date = isoDate(Number(year), Number(month), Number(day));
  if (!date) return undefined;
  if (hour === undefined) return date;
  const value = whole.replace(' ', 'T').replace(/\s+/g, '');
  return zone === undefined && UTC_NAME.test(text.slice(whole.length)) ? `${value}Z` : value;
}

export function parseDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  const iso = trimmed.match(ISO_DATE_TIME);
  if (iso) return fromIso(iso, trimmed);
  const monthFirst = trimmed.match(MONTH_DAY_YEAR);
  const monthFirstValue = monthFirst && monthNumber(monthFirst[1]);
  if (monthFirst && monthFirstValue)
    return isoDate(Number(monthFirst[3]), monthFirstValue, Number(monthFirst[2]));
  const dayFirst = trimmed.match(DAY_MONTH_YEAR);
  const dayFirstValue = dayFirst && monthNumber(dayFirst[2]);
  if (dayFirst && dayFirstValue) return isoDate(Number(dayFirst[3]), dayFirstValue, Number(dayFirst[1]));
  const dotted = trimmed.match(DOTTED);
  if (dotted) return isoDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  return undefined;
}
