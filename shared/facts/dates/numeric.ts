/**
 * Numeric dates: 11/06/2023, 11.06.2023, 11-06-2023, 2023/06/11, 11/06/23. Whether 11/06 is the 11th of June
 * or the 6th of November depends on where the page is from: the order comes from the page's locale (en-US
 * writes month first, en-GB day first), else its country's domain (.uk, .au, .in ...; see dateOrderOf), else from
 * a numeric date in the same text that only reads one way (25/12/2023). With none of these an ambiguous date
 * keeps its span and gets no value.
 */

import { countryDomainOf } from '../page-country.ts';
import { day, type Resolved } from './calendar.ts';
import type { Resolver, Rule } from './rule.ts';

export type DateOrder = 'DMY' | 'MDY';

/** English-speaking regions that write the month first; every other region writes the day first. */
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI']);
/** Regions where both orders are common, or where the year comes first (2023/06/11): no order for 11/06/2023. */
const UNSETTLED_REGIONS = new Set(['CA', 'CN', 'JP', 'KR', 'TW', 'HU', 'MN', 'KP', 'IR']);
const LOCALE = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?/iu;

/** The order that `region` writes day and month in; undefined when unknown or unsettled. */
function orderOfRegion(region: string | undefined): DateOrder | undefined {
  if (region === undefined || UNSETTLED_REGIONS.has(region)) return undefined;
  return MONTH_FIRST_REGIONS.has(region) ? 'MDY' : 'DMY';
}

/**
 * The day-month order of a page; undefined when unknown. It is the order of the region of the page's declared
 * locale ("en-GB" in the locale, or `region` when the locale is only the detected language "en"); else day first
 * when its language is not English; else the order of its address's country (countryDomainOf: .co.uk, .com.au,
 * .gov). A declared region whose order the address contradicts gives none: WordPress declares "en-US" by default
 * wherever a site is, and a .co.uk page that says "en-US" is no US page.
 */
export function dateOrderOf(
  locale: string | undefined,
  url: string | undefined,
  region?: string,
): DateOrder | undefined {
  const match = locale ? LOCALE.exec(locale.trim()) : null;
  const language = match?.[1]?.toLowerCase();
  const declared = (match?.[3] ?? region)?.toUpperCase();
  const fromAddress = orderOfRegion(countryDomainOf(url));
  if (declared) {
    const fromLocale = orderOfRegion(declared);
    return fromAddress === undefined || fromAddress === fromLocale ? fromLocale : undefined;
  }
  if (language && language !== 'en') return 'DMY';
  return fromAddress;
}

/** Day and month in either order, then a four-digit year (or a two-digit one after a slash). */
const DAY_MONTH_NUMBERS =
  /(?<![\p{L}\p{N}.,/:-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|(?<=\/)\d{2})(?![\p{L}\p{N}]|[/.,:-]\d)/gu;
const YEAR_FIRST = /(?<![\p{L}\p{N}.,/:-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\p{L}\p{N}]|[/.,:-]\d)/gu;
/** What every numeric date holds (see Rule.hint): its second number between separators, or a year and one. */
const DAY_MONTH_HINT = /\d[/.-]\d{1,2}[/.-]\d/u;
const YEAR_FIRST_HINT = /\d{4}[/.-]\d/u;

/** The only order in which `first/second` is a real day, if just one is. */
function onlyOrder(first: number, second: number, yearValue: number): DateOrder | undefined {
  const dayFirst = day(yearValue, second, first) !== undefined;
  const monthFirst = day(yearValue, first, second) !== undefined;
  if (dayFirst && !monthFirst) return 'DMY';
  if (monthFirst && !dayFirst) return 'MDY';
  return undefined;
}

function fullYear(text: string, anchor: Date | undefined): number {
  if (text.length === 4) return Number(text);
  const short = Number(text);
  const pivot = (anchor?.getUTCFullYear() ?? new Date().getUTCFullYear()) + 20;
  const candidate = 2000 + short;
  return candidate > pivot ? 1900 + short : candidate;
}

/** The order the text itself settles: the first numeric date that reads only one way. */
export function orderInText(text: string): DateOrder | undefined {
  for (const match of text.matchAll(DAY_MONTH_NUMBERS)) {
    const order = onlyOrder(Number(match[1]), Number(match[3]), fullYear(match[4] ?? '', undefined));
    if (order) return order;
  }
  return undefined;
}

/** The rules of each order, made once: findDates asks for them for every text. */
const rulesByOrder = new Map<DateOrder | undefined, readonly Rule[]>();

/**
 * The rules for numeric dates of a page written in `order` (undefined: unknown). A date that only reads one
 * way is read that way whatever the order.
 */
export function numericRules(order: DateOrder | undefined): readonly Rule[] {
  let rules = rulesByOrder.get(order);
  if (rules === undefined) {
    rules = rulesFor(order);
    rulesByOrder.set(order, rules);
  }
  return rules;
}

function rulesFor(order: DateOrder | undefined): readonly Rule[] {
  return [
    {
      name: 'numeric-day-month-year',
      pattern: () => DAY_MONTH_NUMBERS,
      hint: DAY_MONTH_HINT,
      // the day's or month's first digit before the hint's
      reach: 1,
      kind: 'absolute',
      read: ([, first, , second, yearText]): Resolver | undefined => {
        const a = Number(first);
        const b = Number(second);
        if (!day(2000, b, a) && !day(2000, a, b)) return undefined;
        return ({ anchor }): Resolved | undefined => {
          const yearValue = fullYear(yearText ?? '', anchor);
          const settled = onlyOrder(a, b, yearValue) ?? (a === b ? 'DMY' : order);
          if (settled === undefined) return undefined;
          return settled === 'DMY' ? day(yearValue, b, a) : day(yearValue, a, b);
        };
      },
    },
    {
      name: 'numeric-year-month-day',
      pattern: () => YEAR_FIRST,
      hint: YEAR_FIRST_HINT,
      reach: 0,
      kind: 'absolute',
      read: ([, y, , m, d]) => {
        const resolved = day(y, m, d);
        return resolved && (() => resolved);
      },
    },
  ];
}
