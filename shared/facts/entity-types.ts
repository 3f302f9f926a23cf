/**
 * One type per name per article. The tagger types each mention from its context, so a name may come out
 * as a place once and a person once ("Boise, Idaho" and "Miss Idaho"). Here the article's evidence decides
 * once: what the name is known to be (a news outlet is an organisation; "Ben Gurion Airport" is a place by
 * its last word; "Trenton, New Jersey" is a place by the state after it; "the Rodong Sinmun said" is not a
 * person; a surname or first name of a person named in full is that person, even after a list cue;
 * "companies like Elbit, Candiru and Rafael" are organisations; "Oakland" read as a person is a place beside
 * "North Oakland", and "Socotra" beside "Socotra Island"; a country or a continent read as a person is the place,
 * "southeast Asia"), else the type the tagger gave it
 * most often, else, on a tie, a place if the gazetteers know one by that name, else the first type seen.
 * In a sports report a name tagged at least twice with each of two types is two entities ("Seattle" the city
 * and the team); elsewhere it is one, the company when the article names it in full with a company word
 * ("Telerate" beside "Telerate Inc."), else the majority.
 */
import { isSpace } from '../clean/text-context.ts';
import type { EntityType } from '../result.ts';
import { administrationTypes } from './entity-administrations.ts';
import { bracketTypes } from './entity-brackets.ts';
import { businessTypes, COMPANY_WORDS, shortCompanyTypes } from './entity-business.ts';
import { describedTypes, type Fixed, fixEvery, headType, schoolTypes } from './entity-cues.ts';
import { listingTypes } from './entity-listings.ts';
import type { NameMention } from './entity-mentions.ts';
import { nationalityTypes } from './entity-nationalities.ts';
import { productTypes } from './entity-products.ts';
import { referenceTypes } from './entity-references.ts';
import { clubTypes, coordinationTypes, groupTypes, placeStructureTypes } from './entity-structure.ts';
import { followsTitle } from './entity-title-heads.ts';
import { useTypes } from './entity-uses.ts';
import type { KnownNames } from './ner/known-names.ts';
import { FOLDS_TO_ASCII, wordBefore } from './words.ts';

/** News outlets and agencies, often written where a dateline puts places: "(CNN)", "SEOUL (Yonhap)". */
const OUTLETS = new Set(
  (
    'cnn|bbc|reuters|ap|associated press|afp|agence france-presse|yonhap|xinhua|kcna|tass|itar-tass|ria novosti|' +
    'kyodo|bloomberg|cnbc|nbc|cbs|abc|fox news|msnbc|npr|pbs|al jazeera|dpa|ansa|efe|upi|aap|sky news|' +
    'the guardian|guardian|the new york times|new york times|washington post|wall street journal|financial times|' +
    'the times|le monde|der spiegel|axios|politico|the hill|wired|time|newsweek|usa today|los angeles times|' +
    "rodong sinmun|global times|people’s daily|people's daily|haaretz|times of israel|nhk|yomiuri|asahi shimbun|" +
    'ynet|times of india|dawn|straits times|south china morning post|anadolu|irna|wafa'
  ).split('|'),
);
/** Last words of place names: "Ben Gurion Airport", "George Washington Bridge", "Jo Daviess County". */
const PLACE_HEADS = new Set(
  (
    'Airport Station Bridge Street Avenue Road Boulevard Square Plaza Island Islands River Lake Mountain ' +
    'Mountains Valley Beach Bay County Province District Region Peninsula Strait Canal Harbour Harbor Port ' +
    'Desert Forest Ocean Sea Gulf Coast Highway Tunnel Dam Park Heights Hills Township Village'
  ).split(' '),
);
/** Words before a place's name that name a part of it: "North Oakland", "Old Delhi". */
const PLACE_PARTS = new Set('North South East West Old Downtown Central Greater Upper Lower'.split(' '));
/** Last words of organisation names that a tagger reads as people ("Nancy Paulsen Books", "Burton Albion"). */
const ORGANISATION_HEADS = new Set(
  (
    'Books Press Publishing Media News Times Post Journal Inc Inc. Corp Corp. Ltd LLC Group Company Bank ' +
    'University College Institute Foundation Association Party Ministry Agency Council Committee Commission ' +
    'United Utd Albion Rovers Wanderers Hotspur FC'
  ).split(' '),
);
const isOrganisationHead = (word: string) => ORGANISATION_HEADS.has(word) || COMPANY_WORDS.has(word);
/** Nouns that announce a list of names of one type: "companies (making drones,) like A, B and C". */
const LIST_CUES: ReadonlyArray<readonly [RegExp, EntityType]> = [
  [
    /\b(?:companies|firms|groups|organi[sz]ations|NGOs|agencies|banks|newspapers|outlets|broadcasters|parties|universities|manufacturers|contractors|brands|startups|websites|sites|search engines|publishers|magazines|retailers|airlines|charities)\b[^.;:!?]{0,50}?\s(?:such as|like|including)\s+$/u,
    'organization',
  ],
  [
    /\b(?:cities|countries|towns|states|nations|regions|provinces|villages)\s+(?:such as|like|including)\s+$/u,
    'place',
  ],
];
/** The last words of every list cue: a window that does not end with one of them is not tried. */
const LIST_CUE_ENDS = new Set(['as', 'like', 'including']);
const LIST_SEPARATOR = /^(?:,\s+|,?\s+and\s+|,?\s+or\s+)$/u;
const CUE_WINDOW = 80;
const TWO_ENTITIES = 2;
const THE_BEFORE = /\bthe\s+$/u;
const REPORTS_AFTER =
  /^\s+(?:said|says|reported|reports|wrote|writes|quoted|added|stated|claimed|warned|published|commented)\b/u;
const PLACE_AFTER = /^,\s+(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)(?=[,.;:)]|\s+\p{Ll}|$)/u;
const ALL_CAPS_WORD = /^[^\p{Ll}]{4,}$/u;
/** The stop of an abbreviation, then a capitalised word: "U.S. Senator". */
const DOTTED_BEFORE_NAME = /^\.\s+\p{Lu}/u;

/**
 * "SEOUL" -> "Seoul" when the article also writes "Seoul": the same name.
 * The passes below all read this array, so it is built by `push` into an array literal, not by `map`: the
 * literal's allocation site learns that it holds objects, so an article without mentions gets an empty array of
 * the same elements kind, where `map` gives an empty one a kind (and a map) of its own, and every pass
 * optimised on articles with mentions was deoptimised ("wrong map") by the first article without.
 */
function foldCapitals(mentions: readonly NameMention[]): NameMention[] {
  const keys = new Set(mentions.map((mention) => mention.key));
  const folded: NameMention[] = [];
  for (const mention of mentions) {
    if (!ALL_CAPS_WORD.test(mention.key)) {
      folded.push(mention);
      continue;
    }
    const titled = mention.key.toLowerCase().replace(/(^|\s)\p{Ll}/gu, (letter) => letter.toUpperCase());
    folded.push(keys.has(titled) ? { ...mention, key: titled } : mention);
  }
  return folded;
}

/** Types the article's own words fix for a mention, whatever the tagger said. */
function fixedType(text: string, mention: NameMention, known: KnownNames): EntityType | undefined {
  if (OUTLETS.has(mention.key.toLowerCase())) return 'organization';
  const head = headType(mention);
  if (head || mention.type !== 'person') return head;
  // One word alone after a title is a surname ("President Park"), not a head ("Research Park").
  const space = mention.key.lastIndexOf(' ');
  const last = space < 0 && followsTitle(text, mention.start) ? '' : mention.key.slice(space + 1);
  if (PLACE_HEADS.has(last)) return 'place';
  if (ORGANISATION_HEADS.has(last) || COMPANY_WORDS.has(last)) return 'organization';
  const before = text.slice(Math.max(0, mention.start - 5), mention.start);
  const after = text.slice(mention.end, mention.end + 40);
  if (THE_BEFORE.test(before) && REPORTS_AFTER.test(after)) return 'organization';
  const match = PLACE_AFTER.exec(after);
  const place = match?.[1];
  if (place === undefined || !known.isPlace(place)) return undefined;
  // "John Cornyn, U.S. Senator": the stop of "U.S." was left out of the match, and a name follows it.
  const rest = after.slice((match?.index ?? 0) + (match?.[0].length ?? 0));
  if (place.includes('.') && DOTTED_BEFORE_NAME.test(rest)) return undefined;
  return 'place';
}

/** A capitalised name the tagger missed, then a list separator: "Elbit, " of "like Elbit, Candiru and Rafael". */
export const UNTAGGED_ITEM =
  /(?<=\s)\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’.-]*){0,2}(?:,\s+|,?\s+and\s+|,?\s+or\s+)$/u;
const UNTAGGED_ITEMS = 3;
const COMMA = 0x2c;

/**
 * UNTAGGED_ITEM's match in `window`, or null. The expression ends in `$`, so V8 tries it from every position of the
 * window; it is run only when the window ends as every match must, in a list separator (white space after a comma,
 * `and` or `or`), which the text before most names ("said ", "of ") does not.
 */
export function untaggedItem(window: string): RegExpExecArray | null {
  let end = window.length;
  while (end > 0 && isSpace(window.charCodeAt(end - 1))) end--;
  if (end === window.length) return null;
  const separator =
    window.charCodeAt(end - 1) === COMMA ||
    (window.endsWith('and', end) && end > 3 && isSpace(window.charCodeAt(end - 4))) ||
    (window.endsWith('or', end) && end > 2 && isSpace(window.charCodeAt(end - 3)));
  return separator ? UNTAGGED_ITEM.exec(window) : null;
}

/**
 * The text before a mention up to a list cue's last word, passing over up to three list items the tagger did not
 * tag: "companies like Elbit, " before "Candiru" ends at "like ".
 */
function cueWindow(text: string, start: number): string {
  let window = text.slice(Math.max(0, start - CUE_WINDOW * 2), start);
  for (let item = 0; item < UNTAGGED_ITEMS && !LIST_CUE_ENDS.has(wordBefore(window) ?? ''); item++) {
    const match = untaggedItem(window);
    if (match === null) break;
    window = window.slice(0, match.index);
  }
  return window.slice(-CUE_WINDOW);
}

/**
 * Mentions in a list after a cue ("companies such as A, B and C") take the cue's type, also where the tagger
 * missed the first names of the list.
 */
function listTypes(text: string, mentions: readonly NameMention[], fixed: Fixed): void {
  let listType: EntityType | undefined;
  mentions.forEach((mention, index) => {
    const previous = mentions[index - 1];
    const between = previous ? text.slice(previous.end, mention.start) : '';
    if (!(listType && previous && LIST_SEPARATOR.test(between))) {
      const window = cueWindow(text, mention.start);
      const mayCue = LIST_CUE_ENDS.has(wordBefore(window) ?? '');
      listType = mayCue ? LIST_CUES.find(([cue]) => cue.test(window))?.[1] : undefined;
    }
    if (listType && !fixed.has(mention)) fixed.set(mention, listType);
  });
}

const POSSESSIVE_AFTER = /^['’]s?\b/u;
/**
 * Words before a name that make it a place where it stands: "in Jordan", "flew to Jordan"; "to" alone does not
 * ("closer to Hamilton than he has").
 */
const LOCATIVE_BEFORE =
  /\b(?:in|at|from|into|across|near|inside|outside|throughout|visit|visited|visiting|(?:flew|fly|flying|travell?ed|went|go|going|returned|moved|fled|headed|sent|deported|trip|journey|way|back)\s+to)\s+$/iu;

/**
 * Whether the article's mentions of `key` all stand where a person may stand, never after a word that makes them a
 * place ("in Jordan", "flew to Jordan"; "in Hamilton’s car" owns, and is none), and one stands where a person does:
 * before "said" or the like ("Jordan said"), or before a verb and "his" or "her" ("Hamilton celebrates his third
 * pole"). Only the name's own mentions count: "the Football Association of Wales said" says nothing of "Wales".
 */
function writtenAsPerson(text: string, mentions: readonly NameMention[], key: string): boolean {
  let asPerson = false;
  for (const { start, end, key: other } of mentions) {
    if (other !== key) continue;
    const after = text.slice(end, end + 40);
    // "a threat to Hamilton’s supremacy": the word before governs what the name owns, not the name.
    const owns = POSSESSIVE_AFTER.test(after);
    if (!owns && LOCATIVE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return false;
    asPerson ||= REPORTS_AFTER.test(after) || PERSON_AFTER.test(after);
  }
  return asPerson;
}

/**
 * A one-word name that is the surname of a person named in full is that person ("Loewenstein"), and so is
 * one the tagger typed a person that is the first name of one ("Mitchell" beside "Mitchell Roberts"). A mention
 * the gazetteers know as a place is the person's where the tagger read it as a person ("Reno agreed" beside "Janet
 * Reno"), else only where the article writes it as a person's and never as a place's ("Jordan said" beside "Rep. Jim
 * Jordan", but not "in Jordan"; not "Ipswich" beside "North Ipswich"; not "beaten Holland on penalties" beside a
 * player "Nathan Holland"). Outside a sports report, a country that is the surname of a person named in full after a
 * known first name is the person where the article writes it alone only after that name and never after "in", "to" or
 * "of" ("Trevor Holland" then "recognised Holland in a shop"); in a sports report a country stands for a team.
 */
function surnameTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
  sports: boolean,
): void {
  const surnames = new Set<string>();
  const firstNames = new Set<string>();
  // A country that is the surname of a person named in full after a known first name, with that name's first start.
  const countrySurnames = new Map<string, number>();
  for (const mention of mentions) {
    const { type, key } = mention;
    // "Orkem S.A." read as a person but fixed as a company names no person "Orkem".
    if (type !== 'person' || !key.includes(' ') || (fixed.get(mention) ?? 'person') !== 'person') continue;
    const surname = key.slice(key.lastIndexOf(' ') + 1);
    const firstName = key.slice(0, key.indexOf(' '));
    surnames.add(surname);
    firstNames.add(firstName);
    if (!sports && known.isFirstName(firstName) && known.isCountry(surname) && !countrySurnames.has(surname))
      countrySurnames.set(surname, mention.start);
  }
  const personFirstNames = new Set(
    mentions.filter((m) => m.type === 'person' && firstNames.has(m.key)).map((m) => m.key),
  );
  for (const key of personFirstNames) surnames.add(key);
  for (const [key, start] of countrySurnames)
    if (writtenAsPlace(text, mentions, key, start)) countrySurnames.delete(key);
  for (const mention of mentions) {
    if (fixed.has(mention) || !surnames.has(mention.key)) continue;
    if (
      mention.type !== 'person' &&
      known.isPlace(mention.key) &&
      !countrySurnames.has(mention.key) &&
      !writtenAsPerson(text, mentions, mention.key)
    )
      continue;
    fixed.set(mention, 'person');
  }
}

/** "of" before a name: "the Prince of Wales", "the people of Jordan". */
const OF_BEFORE = /\bof\s+$/u;

/**
 * Whether one of the article's mentions of `key` comes before `first` (the person's full name: a surname follows it)
 * or stands after a word that makes it a place ("in Holland", "of Wales").
 */
function writtenAsPlace(text: string, mentions: readonly NameMention[], key: string, first: number): boolean {
  return mentions.some(({ start, key: other }) => {
    if (other !== key) return false;
    if (start < first) return true;
    const before = text.slice(Math.max(0, start - 12), start);
    return LOCATIVE_BEFORE.test(before) || OF_BEFORE.test(before);
  });
}

/**
 * A name the gazetteers know as a country or a continent that the tagger read as a person is the place ("falls in
 * southeast Asia" read as a person), unless a person named in full has it as a surname or first name (fixed before
 * this pass) or the article writes it only where a person stands ("Jordan said", never "in Jordan").
 */
function countryTypes(text: string, mentions: readonly NameMention[], fixed: Fixed, known: KnownNames): void {
  const places = new Set<string>();
  // "Jordan" beside "Neil Jordan": the person's, as the tagger read it, even where the gazetteers know no person.
  const nameWords = new Set<string>();
  for (const { type, key } of mentions)
    if (type === 'person' && key.includes(' ')) for (const word of key.split(' ')) nameWords.add(word);
  for (const mention of mentions) {
    const { type, key } = mention;
    if (
      type !== 'person' ||
      fixed.has(mention) ||
      places.has(key) ||
      nameWords.has(key) ||
      !known.isCountry(key)
    )
      continue;
    if (!writtenAsPerson(text, mentions, key)) places.add(key);
  }
  fixEvery(mentions, fixed, places, 'place');
}

/** Words of sports reports: where a name is both a place and its team, or a player and a place. */
const SPORTS_WORDS =
  /\b(?:match|matches|league|season|coach|goals?|striker|midfielder|defender|goalkeeper|innings|wickets?|tournament|championship|play-?offs?|half-?time|quarter-?finals?|semi-?finals?|scored|stadium|referee|fixtures?|seeded|batsman|bowler|pitcher|touchdowns?|rebounds)\b/giu;
/** The same search without the `u` flag, about 3x faster, for a text without FOLDS_TO_ASCII's characters. */
const SPORTS_WORDS_ASCII = new RegExp(SPORTS_WORDS.source, 'gi');
const SPORTS_REPORT = 3;

/**
 * An article that uses at least three sports words: there a name may stay two entities ("Seattle"). With `distinct`,
 * three different words: a film review that says "scored" twice and "coach" once is none.
 */
function isSportsReport(text: string, distinct = false): boolean {
  const words = FOLDS_TO_ASCII.test(text) ? SPORTS_WORDS : SPORTS_WORDS_ASCII;
  const seen = new Set<string>();
  let count = 0;
  words.lastIndex = 0;
  for (let match = words.exec(text); match !== null; match = words.exec(text)) {
    if (distinct) seen.add(match[0].toLowerCase());
    if ((distinct ? seen.size : ++count) >= SPORTS_REPORT) return true;
  }
  return false;
}

/** Last words of companies' names: "Telerate Inc.", "Ford Motor Co.", "Sansui Electric Co.". */
const COMPANY_LAST_WORDS = new Set(
  'Inc Inc. Corp Corp. Co Co. Company Corporation Ltd Ltd. LLC plc PLC AG SA NV Group Holdings'.split(' '),
);

/** The names an organisation's name with a company's last word is written short as: its first word, and less that last word. */
function companyNames(mentions: readonly NameMention[]): Set<string> {
  const names = new Set<string>();
  for (const { type, key } of mentions) {
    const lastSpace = key.lastIndexOf(' ');
    if (type !== 'organization' || lastSpace < 0 || !COMPANY_LAST_WORDS.has(key.slice(lastSpace + 1)))
      continue;
    names.add(key.slice(0, lastSpace));
    names.add(key.slice(0, key.indexOf(' ')));
  }
  return names;
}

/**
 * The one type of a name's mentions, or undefined when the name is two entities: tagged at least
 * TWO_ENTITIES times with each of two types in a sports report, "Seattle" the city and the team.
 */
function decide(
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
  sports: boolean,
  companies: ReadonlySet<string>,
): EntityType | undefined {
  const first = mentions[0] as NameMention;
  const pinned = mentions.map((mention) => fixed.get(mention)).find((type) => type !== undefined);
  if (pinned) return pinned;
  const counts = new Map<EntityType, number>();
  for (const mention of mentions) counts.set(mention.type, (counts.get(mention.type) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (second && second[1] >= TWO_ENTITIES && sports) return undefined;
  // "Telerate" read as a person and as an organisation beside "Telerate Inc.": the company.
  if (second && counts.has('organization') && companies.has(first.key)) return 'organization';
  if (best && (!second || best[1] > second[1])) return best[0];
  if (counts.has('place') && known.isPlace(first.key)) return 'place';
  return first.type;
}

/**
 * A one-word name the tagger read as a person is a place when the article names a place after it:
 * "Oakland has" beside "North Oakland" and "West Oakland", "Socotra is" beside "Socotra Island".
 */
function placeTypes(mentions: readonly NameMention[], fixed: Fixed): void {
  const placeNames = namesInPlaces(mentions, fixed);
  for (const mention of mentions) {
    if (fixed.has(mention) || mention.type !== 'person' || mention.key.includes(' ')) continue;
    if (placeNames.has(mention.key)) fixed.set(mention, 'place');
  }
}

/**
 * The keys that a place's key holds after a part ("Oakland" in "North Oakland") or before a head ("Jo Daviess"
 * in "Jo Daviess County"): neither has a space, so it is the place's first or last word.
 */
function namesInPlaces(mentions: readonly NameMention[], fixed: Fixed): Set<string> {
  const names = new Set<string>();
  for (const mention of mentions) {
    const { key } = mention;
    // "Camden County" read as an organisation and fixed as a place counts ("his focus on Camden").
    if ((fixed.get(mention) ?? mention.type) !== 'place') continue;
    const firstSpace = key.indexOf(' ');
    if (firstSpace < 0) continue;
    if (PLACE_PARTS.has(key.slice(0, firstSpace))) names.add(key.slice(firstSpace + 1));
    const lastSpace = key.lastIndexOf(' ');
    if (PLACE_HEADS.has(key.slice(lastSpace + 1))) names.add(key.slice(0, lastSpace));
  }
  return names;
}

/** Holidays and feasts: never a person, a place or an organisation ("Christmas seemed the natural choice"). */
const HOLIDAYS = new Set(
  (
    'Christmas|Christmas Eve|Christmas Day|Easter|Easter Sunday|Good Friday|Thanksgiving|Ramadan|Hanukkah|' +
    'Chanukah|Diwali|Halloween|Passover|Yom Kippur|Rosh Hashanah|Eid|Eid al-Fitr|Eid al-Adha|Kwanzaa|Purim|' +
    "Holi|Nowruz|Lunar New Year|New Year's Day|New Year's Eve|New Year’s Day|New Year’s Eve|Boxing Day|" +
    "Valentine's Day|Valentine’s Day|Mardi Gras|Labor Day|Memorial Day|Veterans Day"
  ).split('|'),
);

/**
 * A holiday's name is an other, unless a person named in full has it as a surname (set before this pass) or
 * another cue of the article fixed it.
 */
function holidayTypes(mentions: readonly NameMention[], fixed: Fixed): void {
  fixEvery(mentions, fixed, HOLIDAYS, 'other');
}

/** "Byron received his early education": a verb (and perhaps one more word) then "his" or "her" after the name. */
const PERSON_AFTER = /^\s+(\p{Ll}+)(?:\s+\p{Ll}+)?\s+(?:his|her|himself|herself)\b/u;
/**
 * Words that are no verb there ("Moravia and his"), and words before a name that make it no subject ("tests in
 * Cologne proved his", "the Bronx until her").
 */
const NOT_VERBS = new Set(
  (
    'and or but nor to of in on at by for with from into during after before than as about until while when ' +
    'out up off down over back away because since though although through like near within without among ' +
    'between against toward towards upon via'
  ).split(' '),
);
const PREPOSITION_BEFORE =
  /\b(?:the|in|at|from|to|of|on|near|into|across|outside|inside|around|through|old)\s+$/u;
/** A plain capitalised word: "Byron", not "N.Y." or "U.S.". */
const PLAIN_NAME = /^\p{Lu}\p{Ll}+$/u;

/**
 * A one-word name is a person when the article makes it the subject of a verb followed by "his" or "her"
 * ("Byron received his early education"), however the tagger read its other mentions, if the tagger read it
 * there as a place or read it as a person somewhere ("would Pachomius fully trust his", beside mentions typed as
 * an organisation): an organisation may be the subject ("Neighbors said his"). Names the gazetteers know as
 * places keep their type.
 */
function pronounTypes(text: string, mentions: readonly NameMention[], fixed: Fixed, known: KnownNames): void {
  const isSubject = (mention: NameMention) => {
    const verb = PERSON_AFTER.exec(text.slice(mention.end, mention.end + 40))?.[1];
    if (verb === undefined || NOT_VERBS.has(verb)) return false;
    return !PREPOSITION_BEFORE.test(text.slice(Math.max(0, mention.start - 12), mention.start));
  };
  const readAsPerson = new Set(mentions.filter((m) => m.type === 'person').map((m) => m.key));
  const people = new Set(
    mentions
      .filter(
        (mention) =>
          (mention.type === 'place' || readAsPerson.has(mention.key)) &&
          PLAIN_NAME.test(mention.key) &&
          !known.isPlace(mention.key) &&
          isSubject(mention),
      )
      .map((mention) => mention.key),
  );
  fixEvery(mentions, fixed, people, 'person');
}

/** Every mention of a name (same key) gets the one type the article's evidence gives it. */
export function decideTypes(
  text: string,
  mentions: readonly NameMention[],
  known: KnownNames,
): NameMention[] {
  const folded = foldCapitals(mentions);
  const sports = isSportsReport(text);
  const fixed: Fixed = new Map();
  for (const mention of folded) {
    const type = fixedType(text, mention, known);
    if (type) fixed.set(mention, type);
  }
  nationalityTypes(folded, fixed, known, sports);
  listingTypes(text, folded, fixed, known);
  productTypes(text, folded, fixed, known);
  describedTypes(text, folded, fixed, known);
  referenceTypes(text, folded, fixed, known);
  bracketTypes(text, folded, fixed, known, sports && isSportsReport(text, true), isOrganisationHead);
  businessTypes(text, folded, fixed, known);
  schoolTypes(folded, fixed, known);
  surnameTypes(text, folded, fixed, known, sports);
  administrationTypes(text, folded, fixed, known);
  countryTypes(text, folded, fixed, known);
  shortCompanyTypes(folded, fixed, known);
  placeStructureTypes(text, folded, fixed, sports);
  clubTypes(text, folded, fixed, sports);
  groupTypes(text, folded, fixed, known);
  holidayTypes(folded, fixed);
  placeTypes(folded, fixed);
  pronounTypes(text, folded, fixed, known);
  useTypes(text, folded, fixed, known);
  listTypes(text, folded, fixed);
  coordinationTypes(text, folded, fixed, known);
  const byKey = new Map<string, NameMention[]>();
  for (const mention of folded) {
    const group = byKey.get(mention.key);
    if (group) group.push(mention);
    else byKey.set(mention.key, [mention]);
  }
  const companies = companyNames(folded);
  const types = new Map(
    [...byKey].map(([key, group]) => [key, decide(group, fixed, known, sports, companies)]),
  );
  // Pushed, as in foldCapitals: grouping and the search for more mentions read this array.
  const typed: NameMention[] = [];
  for (const mention of folded) {
    const type = types.get(mention.key) ?? mention.type;
    typed.push(type === mention.type ? mention : { ...mention, type });
  }
  return typed;
}
