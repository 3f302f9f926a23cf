/**
 * How business and local news write a name beside what it is, read on real pages (session 15):
 * - a stock ticker in brackets after a name makes it a company, in every mention: "Brindle (NYSE: BRD)",
 *   "Quarrow Foods (NASDAQ: QRW)" (read as a person or a place by the tagger), and so is its first word written
 *   alone ("Quarrow");
 * - a name before a US state's abbreviation, the way AP style writes a town, is a place: "the Stamford,
 *   Conn.-based company", "Moonachie, N.J., maker" (read as an organisation or a person), unless it is a
 *   person's full name, an organisation by one of its words ("Yale University, Conn.") or a name the article
 *   makes speak ("Oneida said" beside "the Oneida, N.Y., maker"); so is a known town before a state written in
 *   full ("his Albuquerque, New Mexico, company"), but not an unknown name ("Jayark, New York, distributes");
 * - the name of a law or a treaty is an other: "the Volcker Rule", "the Paris Climate Accord" (read as a person
 *   and a place);
 * - a word ending in "-based" is an adjective, an other as CoNLL marks it ("the Boston-based institute",
 *   "Conn.-based"), not an organisation or a place;
 * - web platforms and device makers that no person or place is named after are organisations where the
 *   tagger read a person or a place ("Instagram", "Tumblr", "Lenovo").
 */
import type { EntityType } from '../result.ts';
import type { Fixed } from './entity-cues.ts';
import { keyOf, type NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';

/**
 * "(NYSE: BRD)", "(NASDAQ: QRW )", "(Nasdaq:QRW)", "(NYSE MKT: X)", "(LSE: X)", "(TSX: X)", "(OTC: X)"; and a
 * wire's instrument code, the ticker and the exchange's letters after a stop: "(BRD.N)", "(QRWL.NS)", "(7203.T)".
 */
const TICKER_AFTER =
  /^(?:['’]s)?\s*\((?:(?:NYSE(?:\s?(?:MKT|American|Arca))?|NASDAQ|Nasdaq|AMEX|OTC|OTCQB|OTCQX|LSE|TSX|TSXV|ASX|HKEX|TYO|FRA|ETR|XETRA|BSE|NSE|SIX|JSE)\s*:\s*[\p{Lu}\d.]{1,8}\s*|[\p{Lu}\d]{2,6}\.\p{Lu}{1,2})\)/u;
/** A US state as AP style abbreviates it after a town: "Stamford, Conn.", "Trenton, N.J.". */
const STATES =
  '(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|' +
  'N\\.H|N\\.J|N\\.M|N\\.Y|N\\.C|N\\.D|Okla|Ore|Pa|R\\.I|S\\.C|S\\.D|Tenn|Tex|Vt|Va|Wash|W\\.Va|Wis|Wyo|D\\.C)';
/** A state's AP abbreviation as a name of its own, after a town and a comma: "Colo." of "Boulder, Colo.". */
const STATE_ALONE = new RegExp(`^${STATES}\\.?$`, 'u');
const TOWN_BEFORE = /\p{L},[ \t]+$/u;
const STATE_AFTER = new RegExp(`^,\\s+${STATES}\\.(?=-based\\b|[\\s,;:)]|$)`, 'u');
/** A US state written in full after a town: "his Albuquerque, New Mexico, contracting company". */
const FULL_STATE_AFTER =
  /^,\s+(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)(?=-based\b|[,;:)]|\s+\p{Ll}|$)/u;
/** Last words of the names of laws and treaties: "the Volcker Rule", "the Paris Climate Accord". */
const LAW_LAST_WORDS = new Set(
  'Rule Act Accord Accords Treaty Agreement Amendment Protocol Pact Doctrine'.split(' '),
);
/** A town and its state read as one name: "Danbury, Conn.". */
const TOWN_AND_STATE = new RegExp(`^\\p{Lu}[^,]*,\\s+${STATES}\\.?$`, 'u');
/** Words of organisation names that may stand before a town: "Yale University, Conn.", "Bank of Somerset, N.J.". */
const ORGANISATION_LAST_WORDS = new Set(
  (
    'University College Institute School Hospital Inc Inc. Corp Corp. Co Co. Company LLC Ltd Group Bank ' +
    'Association Foundation Center Centre Council Department'
  ).split(' '),
);
const BASED = /-based$/u;
/** Platforms and makers named by a coined word, never a person's or a place's name. */
const PLATFORMS = new Set(
  (
    'Google Facebook Instagram Twitter YouTube Tumblr TikTok Snapchat WhatsApp LinkedIn Pinterest Reddit ' +
    'Netflix Spotify Tinder Airbnb Uber Lyft eBay PayPal Craigslist Yelp Etsy Hulu Skype Zoom Microsoft ' +
    'Samsung Lenovo Huawei Xiaomi Qualcomm Nvidia Intel Motorola Nokia Toshiba Panasonic'
  ).split(' '),
);

/** "Washington DC-based Center for ...": the adjective, then the name of what is based there. */
const BASED_INSIDE = /^(\S.*?-based)\s+(\p{Lu}.*)$/u;

/**
 * Splits a name the tagger ran across "-based": "Tel Aviv-based NSO Group" -> "Tel Aviv-based" (an other, by
 * listingTypes) and "NSO Group", an organisation where the tagger read the whole as a place; what follows
 * "-based" is kept when it has two words or more or the article names it alone ("Ontario-based Magna" beside
 * "Magna"), not otherwise ("Washington DC-based Center" loses "Center", whose name went on past the span).
 */
export function splitBasedNames(mentions: readonly NameMention[]): NameMention[] {
  const keys = new Set(mentions.map((mention) => mention.key));
  const split: NameMention[] = [];
  for (const mention of mentions) {
    const match = mention.text.includes('-based ') ? BASED_INSIDE.exec(mention.text) : null;
    const [, left, right] = match ?? [];
    if (left === undefined || right === undefined) {
      split.push(mention);
      continue;
    }
    split.push({ ...mention, end: mention.start + left.length, text: left, key: keyOf(left) });
    if (!(right.includes(' ') || keys.has(keyOf(right)))) continue;
    const start = mention.end - right.length;
    const type = mention.type === 'place' ? 'organization' : mention.type;
    split.push({ ...mention, type, start, text: right, key: keyOf(right) });
  }
  return split;
}

/** "Colo." after "Boulder, ": the state, whatever the tagger read ("Colo." as a person took a "he"). */
function isStateAfterTown(text: string, mention: NameMention): boolean {
  if (!STATE_ALONE.test(mention.text)) return false;
  const stop = mention.text.endsWith('.') || text.charCodeAt(mention.end) === FULL_STOP;
  return stop && TOWN_BEFORE.test(text.slice(Math.max(0, mention.start - 4), mention.start));
}

const FULL_STOP = 0x2e;

const isFullPersonName = (mention: NameMention) => mention.type === 'person' && mention.key.includes(' ');

function listingType(text: string, mention: NameMention, known: KnownNames): EntityType | undefined {
  if (BASED.test(mention.key)) return 'other';
  if (TOWN_AND_STATE.test(mention.text)) return 'place';
  if (isStateAfterTown(text, mention)) return 'place';
  const after = text.slice(mention.end, mention.end + 40);
  if (TICKER_AFTER.test(after)) return 'organization';
  const personOrPlace = mention.type === 'person' || mention.type === 'place';
  if (personOrPlace && PLATFORMS.has(mention.key)) return 'organization';
  const space = mention.key.lastIndexOf(' ');
  const last = mention.key.slice(space + 1);
  if (personOrPlace && space > 0 && LAW_LAST_WORDS.has(last)) return 'other';
  if (mention.type === 'place' || mention.type === 'other' || isFullPersonName(mention)) return undefined;
  // "Starpointe Savings Bank of Somerset, N.J.": an organisation's word anywhere in the name.
  if (mention.key.split(' ').some((word) => ORGANISATION_LAST_WORDS.has(word))) return undefined;
  if (STATE_AFTER.test(after)) return 'place';
  // A state in full follows a company too ("Jayark, New York, distributes"): only a known town is one there.
  return space < 0 && known.isPlace(mention.key) && FULL_STATE_AFTER.test(after) ? 'place' : undefined;
}

const SPEAKS_AFTER = /^\s+(?:said|says|reported|reports|announced|added|agreed)\b/u;

/** "Oneida said": a company named after its town ("the Oneida, N.Y., maker") is no place. */
function speaks(text: string, key: string): boolean {
  for (let start = text.indexOf(key); start >= 0; start = text.indexOf(key, start + 1))
    if (SPEAKS_AFTER.test(text.slice(start + key.length, start + key.length + 12))) return true;
  return false;
}

/** Types the listings cues give: each holds for every mention of the name the article writes that way. */
export function listingTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
): void {
  const types = new Map<string, EntityType>();
  for (const mention of mentions) {
    const type = listingType(text, mention, known);
    if (type === undefined || types.has(mention.key)) continue;
    types.set(mention.key, type);
    // "WhiteWave" beside "WhiteWave Foods (NYSE: WWAV)": the company by its first word.
    const space = mention.key.indexOf(' ');
    const first = mention.key.slice(0, space);
    if (type === 'organization' && space > 0 && !known.isPlace(first) && !known.isFirstName(first))
      types.set(first, type);
  }
  for (const [key, type] of types) if (type === 'place' && speaks(text, key)) types.delete(key);
  if (types.size === 0) return;
  for (const mention of mentions) {
    const type = types.get(mention.key);
    if (type !== undefined && !fixed.has(mention)) fixed.set(mention, type);
  }
}
