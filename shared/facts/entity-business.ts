/**
 * Words that only an organisation takes around its name: "the CEO of Evergreen", "shareholders of Elbit",
 * "Taulbee's headquarters", "Secunia shares". A name the tagger read as a person or a place is an organisation
 * there, and in every mention, unless it is a known place or a country's short form ("the chief executive of
 * China", "a U.S. subsidiary": a state's or a country's), a place with its state ("the chairman of the Moonachie,
 * N.J., maker") or a person's full name as the tagger read it. A person has a spokesman too ("spokesman for
 * Elian's relatives"), so that is no cue; nor is a word before a name that owns what follows ("the chairwoman
 * of the White House's Council").
 * A name the tagger read as a person in full is an organisation only by words no person takes ("Bill Gates shares
 * his views" keeps its person): an executive's title after it and then another person's name ("Wells Fargo CEO
 * John Stumpf"; not "Mr. David Morales CEO in UC Global"), after its possessive ("JPMorgan Chase's chief
 * executive") or before it ("the CEO of Wells Fargo"). The web address a company is named by ("Amazon.com") and a
 * quarter's results ("JPMorgan Chase earned $4.9 billion in the fourth quarter") make an organisation of any name
 * read as a person or a place. The first word alone of a person-read name made so is the company too ("JPMorgan"),
 * unless it is a first name or a place the gazetteers know.
 */
import { type Fixed, fixEvery } from './entity-cues.ts';
import type { NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';
import { wordBefore } from './words.ts';

const BUSINESS_BEFORE =
  /\b(?:CEO|CFO|COO|chief\s+executive(?:\s+officer)?|founder|co-?founder|chairman|chairwoman|shareholders|stockholders|shares|stock|employees|subsidiary|division|executives|board\s+of\s+directors)\s+(?:of|for|at|in)\s+(?:the\s+)?$/u;
const BUSINESS_AFTER =
  /^(?:['’]s)?\s+(?:CEO|CFO|COO|chief\s+executive|shares|stock|shareholders|stockholders|headquarters|subsidiary|board\s+of\s+directors)\b/u;
/** Words around a name that no person's full name takes (see the module comment). */
const EXECUTIVE_BEFORE =
  /\b(?:CEO|CFO|COO|chief\s+executive(?:\s+officer)?|shareholders|stockholders|board\s+of\s+directors)\s+(?:of|at)\s+(?:the\s+)?$/u;
const EXECUTIVE_AFTER =
  /^(?:['’]s\s+(?:CEO|CFO|COO|chief\s+executive|shareholders|stockholders|board\s+of\s+directors)\b|\s+(?:CEO|CFO|COO|chief\s+executive(?:\s+officer)?)\s+\p{Lu}\p{Ll}+\s+\p{Lu})/u;
/** A company's web address written as its name: "Amazon.com said", "at Overstock.com". */
const WEB_ADDRESS_AFTER = /^\.com\b/u;
/** A quarter's results, which only a company reports: "X earned $4.9 billion in the fourth quarter". */
const QUARTER_AFTER =
  /^\s+(?:earned|reported|posted|booked|lost|made)\s(?:[^.!?;]|\.(?=\d)){0,50}?\b(?:in|for)\s+(?:the|its)\s+(?:first|second|third|fourth|latest)(?:\s+|-)quarter\b/u;
/**
 * The words BUSINESS_BEFORE can end with, before its closing white space: the window is tried only when the
 * last word before the name is one of them (see wordBefore).
 */
const BUSINESS_BEFORE_LAST_WORDS = new Set(['of', 'for', 'at', 'in', 'the']);
const POSSESSIVE_AFTER = /^['’]s\b/u;
/** A country's short form in capitals: "US", "U.K.", "UAE" (keys drop the periods). */
const COUNTRY_SHORT_FORM = /^\p{Lu}{2,4}$/u;

function mayBeOrganisation(mention: NameMention, known: KnownNames): boolean {
  if (mention.type === 'organization' || mention.type === 'other') return false;
  if (mention.type === 'person') return true;
  return !known.isPlace(mention.key) && !COUNTRY_SHORT_FORM.test(mention.key) && !mention.key.includes(',');
}

/** Whether the words around one mention make it an organisation (see the module comment). */
function isBusiness(text: string, mention: NameMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 40), mention.start);
  const after = text.slice(mention.end, mention.end + 30);
  if (WEB_ADDRESS_AFTER.test(after) || QUARTER_AFTER.test(text.slice(mention.end, mention.end + 90)))
    return true;
  const lastWord = BUSINESS_BEFORE_LAST_WORDS.has(wordBefore(before) ?? '');
  if (mention.type === 'person' && mention.key.includes(' '))
    return (lastWord && EXECUTIVE_BEFORE.test(before)) || EXECUTIVE_AFTER.test(after);
  const owned = POSSESSIVE_AFTER.test(after);
  return (lastWord && BUSINESS_BEFORE.test(before) && !owned) || BUSINESS_AFTER.test(after);
}

/** Characters that may not stand right before a web address's name ("MyAmazon.com") or right after ".com" (".community"). */
const ADDRESS_BEFORE = /[\p{L}\p{N}-]/u;
const ADDRESS_AFTER = /[\p{L}\p{N}]/u;

/**
 * Whether the article writes a one-word name as a web address anywhere, tagged there or not: "found that Amazon.com
 * can be held liable" makes every "Amazon" of the article the company.
 */
function writtenAsWebAddress(text: string, key: string): boolean {
  if (key.includes(' ')) return false;
  const address = `${key}.com`;
  for (let start = text.indexOf(address); start >= 0; start = text.indexOf(address, start + 1)) {
    const end = start + address.length;
    if (!ADDRESS_BEFORE.test(text[start - 1] ?? '') && !ADDRESS_AFTER.test(text[end] ?? '')) return true;
  }
  return false;
}

export function businessTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
): void {
  const organisations = new Set<string>();
  const addressed = new Map<string, boolean>();
  for (const mention of mentions) {
    if (!mayBeOrganisation(mention, known) || known.isPlace(mention.key)) continue;
    if (!addressed.has(mention.key)) addressed.set(mention.key, writtenAsWebAddress(text, mention.key));
    if (!addressed.get(mention.key) && !isBusiness(text, mention)) continue;
    organisations.add(mention.key);
    // "JPMorgan" beside "JPMorgan Chase" read as a person: the company's short name, not a first name.
    const space = mention.key.indexOf(' ');
    const first = mention.key.slice(0, space);
    if (mention.type === 'person' && space > 0 && !known.isFirstName(first) && !known.isPlace(first))
      organisations.add(first);
  }
  fixEvery(mentions, fixed, organisations, 'organization');
}

/**
 * Words that, after a company's first word, make its full name: "Elbit Systems", "Harland International Corp.",
 * "Quarrow Pharmaceuticals". The first word alone is the company's short name (`shortCompanyTypes`, and grouping
 * in `entities.ts`); a name read as a person that ends in one is the company ("Caribou Biosciences", "Polaris
 * Partners": `fixedType` in `entity-types.ts`).
 */
export const COMPANY_WORDS = new Set(
  (
    'Inc Corp Corporation Co Company Ltd LLC plc PLC AG SA NV Group Holdings Systems Technologies Technology ' +
    'Industries International Motors Motor Airlines Airways Pharmaceuticals Therapeutics Electronics Semiconductor ' +
    'Communications Networks Software Labs Petroleum Enterprises Partners Aerospace Automotive Ventures Biosciences ' +
    'Analytics'
  ).split(' '),
);

const OWNER = /^(\p{Lu}\p{L}+)['’]s$/u;

/** "Moody" of "Moody’s", the name a possessive is trimmed to (a company named so); undefined for a word that is none. */
export function ownerOf(word: string): string | undefined {
  return OWNER.exec(word)?.[1];
}

/**
 * "Harland" of "Harland International Corp." (keys drop the stops): the first word, when every other is a company's;
 * "Moody" of "Moody’s Analytics Inc.", as "Moody’s said" is trimmed.
 */
function companyShortName(key: string): string | undefined {
  const words = key.split(' ');
  if (words.length < 2 || !words.slice(1).every((word) => COMPANY_WORDS.has(word))) return undefined;
  const first = words[0] ?? '';
  return ownerOf(first) ?? first;
}

/**
 * A one-word name that the article also writes in full with company words only after it ("Elbit" beside "Elbit
 * Systems", "Harland" beside "Harland International Corp.") is the company where the tagger read a person or a
 * place ("In 2009, Harland employed 600 people"), unless it is a place the gazetteers know or the surname or first
 * name of a person named in full (fixed before this pass).
 */
export function shortCompanyTypes(mentions: readonly NameMention[], fixed: Fixed, known: KnownNames): void {
  const shortNames = new Set<string>();
  for (const mention of mentions) {
    const organisation = (fixed.get(mention) ?? mention.type) === 'organization';
    const short = organisation ? companyShortName(mention.key) : undefined;
    if (short !== undefined && !known.isPlace(short)) shortNames.add(short);
  }
  for (const mention of mentions) {
    const readAs = mention.type === 'person' || mention.type === 'place';
    if (readAs && !fixed.has(mention) && shortNames.has(mention.key)) fixed.set(mention, 'organization');
  }
}
