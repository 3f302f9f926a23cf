/**
 * A month that names a futures contract is no date: "The December calendar spread continued to widen" (a Reuters
 * markets report of August 1996) speaks of the contract for December delivery, not of December 1995, and "silver,
 * basis the September contract" is no 1996-09. Markets reports write the contract month before the contract's noun
 * ("the September bond future", "for October delivery", "March futures") or before the traded good ("October
 * crude rose 44 cents", "December T-bonds ended below a trendline"). A month after a preposition of time ("In March
 * futures rose") is still the month.
 */
import { MONTH } from './vocabulary.ts';

/** The nouns of a contract: the month is its label. */
const CONTRACT = 'contracts?|futures?|spreads?|deliver(?:y|ies)|options?|expir(?:y|ies)';
/** Goods traded by contract month, written straight after it ("October crude", "December T-bonds"). */
const GOODS =
  'crude|Brent|WTI|gasoil|unleaded|heating\\soil|natural\\sgas|gold|silver|copper|aluminium|aluminum|platinum|palladium|wheat|corn|soybeans?|soymeal|soyoil|cotton|cocoa|coffee|sugar|cattle|hogs|T-bonds?|T-bills?|T-notes?|bunds?|gilts?';
/** Words that may stand between the month and the contract's noun: "long gilt", "calendar", "heating oil-to-crude crack". */
const MODIFIER =
  '(?!(?:the|a|an|and|or|but|to|of|in|on|at|for|with|was|were|is|are|be|been|will|would|has|had|have|as|that|which|when)(?![\\p{L}]))[\\p{L}][\\p{L}-]*';

/** What follows a contract month: another month of a spread ("-January"), a year, then the contract's noun or goods. */
const CONTRACT_AFTER = new RegExp(
  `^(?:\\s?[-/–]\\s?(?:${MONTH}))?(?:\\s(?:'\\d\\d|[12]\\d{3}))?(?:(?:\\s${MODIFIER}){0,3}\\s(?:${CONTRACT})|\\s(?:${GOODS}))(?![\\p{L}])`,
  'u',
);
/** A preposition of time before the month: "in March futures rose" is March. */
const TIME_BEFORE =
  /(?<![\p{L}])(?:in|since|until|till|during|through|before|after|from|by|on|early|late|mid)[\s-]$/iu;

/** A month's name alone, or with its year: the spans a contract month is written as. */
const MONTH_ONLY = new RegExp(`^(?:${MONTH})(?:\\s(?:'\\d\\d|[12]\\d{3}))?$`, 'u');

/** Whether the month at `start`..`end` (a month name, perhaps with a year) labels a futures contract. */
export function isContractMonth(text: string, start: number, end: number): boolean {
  if (!MONTH_ONLY.test(text.slice(start, end)) || !CONTRACT_AFTER.test(text.slice(end, end + 80)))
    return false;
  return !TIME_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}
