/**
 * Which currency a bare "$" and "cents" mean on a page. Newspapers write their own country's dollar as "$" and
 * mark the others ("US$", "(U.S.)", "C$"), so the page's country decides: its declared locale's region ("en-CA",
 * "en_AU"), else its address's country domain (.ca, .com.au, .nz). With neither, "$" is the US dollar, as English
 * news most often means it. A dateline is no guide: wire stories from Toronto or Sydney mark the local dollar
 * ("C$", "A$") and write "$" for the US one.
 */
import type { NumberFact } from '../result.ts';
import { countryDomainOf } from './page-country.ts';

/** Regions and country domains whose own money is written "$". */
const DOLLAR_REGIONS: Readonly<Record<string, string>> = {
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  SG: 'SGD',
  HK: 'HKD',
  TW: 'TWD',
};
/** Regions whose cents are euro cents. */
const EURO_REGIONS = new Set('IE DE FR ES IT NL BE PT AT FI GR LU MT CY SK SI EE LV LT HR'.split(' '));

/** The page's own money: what "$" (`dollar`) and "cents" (`cents`) are on it. */
export interface PageMoney {
  readonly dollar: string;
  readonly cents: string;
}

/** The page's money from its locale's region, else its address's country domain; USD when neither says. */
export function pageMoneyOf(region: string | undefined, url: string | undefined): PageMoney {
  const country = region ?? countryDomainOf(url);
  const dollar = (country && DOLLAR_REGIONS[country]) ?? 'USD';
  const cents = country && EURO_REGIONS.has(country) ? 'EUR' : dollar;
  return { dollar, cents };
}

/**
 * "$670-billion (U.S.)", "$40 US dollars", "80 cents US", "$5 U.S. a share": an amount the writer marks as the US
 * dollar ("US" after it, not before a name: "$5 US Steel" is unmarked).
 */
const US_MARK = /^\s*(?:\((?:U\.S\.|US)\$?\)|(?:U\.S\.|US)(?!\p{L})(?!\s+\p{Lu}))/u;

function isMarkedUs(text: string, end: number): boolean {
  return US_MARK.test(text.slice(end, end + 16));
}

/**
 * The page's money on the amounts written with a bare "$" and on cents, read as US dollars until now: "$5" on a
 * Canadian page is CAD, unless the writer marks it ("$5 (U.S.)"). Both ends of a range take the same currency.
 */
export function withPageMoney(
  text: string,
  facts: readonly NumberFact[],
  money: PageMoney | undefined,
): NumberFact[] {
  const units = new Map<string, string>();
  // A page whose "$" and cents are the US dollar's changes nothing: no copy of every amount ("$1 $1 …").
  const changes = money !== undefined && (money.dollar !== 'USD' || money.cents !== 'USD');
  for (const fact of changes ? facts : []) {
    if (money === undefined || fact.kind !== 'money' || fact.unit !== 'USD') continue;
    if (isMarkedUs(text, fact.range?.end ?? fact.end)) continue;
    const unit = CENTS.test(fact.text) ? money.cents : fact.text.startsWith('$') ? money.dollar : 'USD';
    if (unit !== 'USD') units.set(keyOf(fact), unit);
  }
  if (units.size === 0) return withCentsCurrency(text, facts);
  const paged = facts.map((fact) => {
    const unit = units.get(keyOf(fact));
    return unit === undefined || fact.kind !== 'money' || fact.unit !== 'USD' ? fact : { ...fact, unit };
  });
  return withCentsCurrency(text, paged);
}

const DOLLARS: ReadonlySet<string> = new Set(Object.values(DOLLAR_REGIONS));
const CENTS = /\bcents?$/iu;
const SENTENCE_END = /[.!?]["”’)]*\s|\n/u;
/** Characters from a "$" amount to cents that may still share its sentence. */
const MAX_SENTENCE_LENGTH = 500;

/**
 * "closed at C$35, up 12.5 cents": cents take the dollar of the nearest "$" amount before them in their sentence,
 * else they stay the page's. Both ends of a range of cents take it.
 */
function withCentsCurrency(text: string, facts: readonly NumberFact[]): NumberFact[] {
  const units = new Map<string, string>();
  let dollar: NumberFact | undefined;
  for (const fact of facts) {
    if (fact.kind !== 'money' || fact.unit === undefined) continue;
    if (!CENTS.test(fact.text)) {
      if (DOLLARS.has(fact.unit) && fact.text.includes('$')) dollar = fact;
      continue;
    }
    if (dollar === undefined || dollar.unit === fact.unit || isMarkedUs(text, fact.end)) continue;
    // Farther than a sentence runs, the "$" amount is not the cents' ("C$1" then a megabyte of "1 cent …" reads
    // each gap once, not the whole text per cent).
    if (fact.start - dollar.end > MAX_SENTENCE_LENGTH) continue;
    if (SENTENCE_END.test(text.slice(dollar.end, fact.start))) continue;
    units.set(keyOf(fact), dollar.unit as string);
  }
  if (units.size === 0) return [...facts];
  return facts.map((fact) => {
    const unit = units.get(keyOf(fact));
    return unit === undefined || fact.kind !== 'money' ? fact : { ...fact, unit };
  });
}

/** A fact's range, or the fact itself when it is no range's end: both ends of a range share the key. */
function keyOf(fact: NumberFact): string {
  const span = fact.range ?? fact;
  return `${span.start}:${span.end}`;
}
