/**
 * Types the article's own words give a name, beside what the tagger read: a head word ("Harrow School" is
 * an organisation, "Bergen Blvd" a place), a noun set before the name ("the publishing giant Elsevier"), a
 * sentence that says what the name is ("Mérida is a city of contrasts", "the village of Clyst St. Mary"),
 * and a short form of a school or university the article names in full ("Harvard" beside "Harvard
 * University"). Each returns the mentions it fixes; `entity-types.ts` decides in what order they count.
 */
import type { EntityType, Span } from '../result.ts';
import type { NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';
import { wordBefore } from './words.ts';

/**
 * Last words that make a name an organisation even where the tagger read a place: none of them ends a
 * place's name in CoNLL or GUM ("Bank", "Church" and "Post" do: the West Bank, a church building, a post).
 */
const ORGANISATION_OVER_PLACE = new Set(
  (
    'University College School Academy Institute Society Laboratory Lab Foundation Association Party Ministry ' +
    'Agency Council Committee Commission Company Group Inc Inc. Corp Corp. Ltd LLC Club Gazette Press Media'
  ).split(' '),
);
/**
 * Last words that make a name a place even where the tagger read an organisation: none of them ends an
 * organisation's name in CoNLL or GUM ("County", "Coast", "Palace", "Forest", "Park" do: Durham County,
 * Ivory Coast, Crystal Palace and Nottingham Forest are teams; "Airport" the company that runs one).
 */
const PLACE_OVER_ORGANISATION = new Set(
  (
    'Street St. Avenue Ave Ave. Boulevard Blvd Blvd. Road Square Plaza Bridge Tunnel Highway Island Islands ' +
    'River Lake Bay Sea Ocean Gulf Strait Canal Harbour Harbor Beach Valley Mountains Heights Cliffs Swamp ' +
    'Desert Peninsula Township Village Station Building Tower Towers Mosque Cathedral Planetarium Museum'
  ).split(' '),
);
/** Nouns that say what a school's short form stands for: "Harvard" beside "Harvard University". */
const SCHOOL_HEADS = new Set(['University', 'College', 'School', 'Academy', 'Institute']);

/**
 * A noun for an organisation right before the name, after "the" and up to three modifiers: "the publishing
 * giant Elsevier", "the Internet security firm Secunia", "the social networking site Twitter" (not "a network
 * Russia has financed"; not "carrier": "the aircraft carrier John F. Kennedy" is a ship).
 */
const ORGANISATION_NOUNS = (
  'company|firm|giant|conglomerate|corporation|website|web site|site|search engine|social network|network|' +
  'publisher|newspaper|magazine|tabloid|broadcaster|channel|retailer|airline|charity|startup|start-up|band|label|' +
  'studio|party|think tank'
).split('|');
const ORGANISATION_BEFORE = new RegExp(
  String.raw`\bthe\s+(?:[\p{L}-]+\s+){0,3}(?:${ORGANISATION_NOUNS.map(nounPattern).join('|')})\s+$`,
  'u',
);
/**
 * A noun for a work right before the name: "the TV series Supernatural", "the romantic comedy Chasing Liberty".
 * Such a name, like a craft's, is no person, organisation or place.
 */
const WORK_NOUNS = (
  'series|film|movie|sitcom|comedy|drama|thriller|documentary|miniseries|novel|album|musical|opera|' +
  'video game'
).split('|');
const WORK_BEFORE = new RegExp(String.raw`\b(?:${WORK_NOUNS.map(nounPattern).join('|')}),?\s+$`, 'iu');
/** A craft's name after its kind, whatever follows: "Space Shuttle Columbia lifted off", "USS Cole". */
const CRAFT_KINDS = ['Shuttle', 'shuttle', 'Spacecraft', 'spacecraft', 'USS', 'HMS'];
const CRAFT_BEFORE = new RegExp(String.raw`\b(?:${CRAFT_KINDS.join('|')})\s+$`, 'u');
/**
 * What may follow such a work's name: punctuation, the end, or a word that opens no clause of which the name is
 * the subject ("the film Spielberg directed" names a person).
 */
const WORK_AFTER =
  /^(?:$|\s*[,.;:!?()[\]"“”'’-]|\s+(?:and|or|as|in|on|at|with|for|from|to|of|by|was|is|which|that|where)\b)/u;
/** "Stardust is a NASA space capsule", "Supernatural is an American television series": a work or a craft. */
const WORK_AFTER_COPULA = new RegExp(
  String.raw`^\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:film|movie|series|sitcom|novel|album|` +
    String.raw`video\s+game|capsule|spacecraft|space\s+probe|probe|satellite|rocket|warship|web\s+browser|browser)\b`,
  'u',
);
/** Nouns for places, as said of a name: "Mérida is a city", "the island of Strynø". */
const PLACE_NOUNS =
  'city|town|village|hamlet|island|islet|capital|port|region|province|state|country|district|county|' +
  'neighbou?rhood|suburb|borough|municipality|resort|archipelago|peninsula';
/** "X is a/the (up to three words) city …": the sentence says what X is. */
const PLACE_AFTER = new RegExp(
  String.raw`^\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,3}(?:${PLACE_NOUNS})\b`,
  'u',
);
/** "the city of X", "the village of X". */
const PLACE_BEFORE = new RegExp(String.raw`\bthe\s+(?:${PLACE_NOUNS})\s+of\s+$`, 'u');
/**
 * The cues before a name all end in `\s+$`, after a word they can only end with: the cue is tried only when the
 * last word before the name ends so (a Set lookup before any expression; the expressions decide).
 */
const ORGANISATION_LAST_WORDS = new Set(ORGANISATION_NOUNS.map(lastWordOf));
/** Lower case, since WORK_BEFORE ignores case; its noun may end a longer word ("TV-series") and take a comma. */
const WORK_LAST_WORDS = new Set(WORK_NOUNS.map(lastWordOf));

const CONTEXT = 60;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** The capitalised word right before an occurrence, which may make it part of a longer name. */
const NAME_WORD_BEFORE = /(\p{Lu}[\p{L}.'’-]*) +$/u;
/** Capitalised words that open a sentence or a phrase rather than a name: "In Mérida", "The Stardust". */
const OPENERS = new Set('The A An In At On From To Of By For With And But Near Around'.split(' '));

/** A noun of one or more words as a pattern: "web site" -> web\s+site. */
function nounPattern(noun: string): string {
  return noun.split(' ').join(String.raw`\s+`);
}

function lastWordOf(phrase: string): string {
  return phrase.split(' ').at(-1) as string;
}

const isAsciiLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

/** ſ and K (Kelvin): the only characters past ASCII that `iu` folds into ASCII letters (s and k). */
const foldsToAsciiLetter = (code: number) => code === 0x17f || code === 0x212a;

/**
 * Whether `word` may end a match of WORK_BEFORE: less a comma, its last ASCII letters, lower-cased, are a noun.
 * The noun follows a `\b`, so it is all of those letters, unless ſ or K comes before them: either may fold
 * into the noun under `iu` (ſ is s, K is k), so then any ending lower-cased with ſ as s will do. Any other
 * character before them (an apostrophe in "Obama’s") is no word character under `iu`, so the `\b` is there.
 */
function mayEndWork(word: string): boolean {
  const end = word.endsWith(',') ? word.length - 1 : word.length;
  let start = end;
  while (start > 0 && isAsciiLetter(word.charCodeAt(start - 1))) start--;
  if (start > 0 && foldsToAsciiLetter(word.charCodeAt(start - 1))) {
    const folded = word.slice(0, end).toLowerCase().replaceAll('ſ', 's');
    return [...WORK_LAST_WORDS].some((noun) => folded.endsWith(noun));
  }
  return WORK_LAST_WORDS.has(word.slice(start, end).toLowerCase());
}

export type Fixed = Map<NameMention, EntityType>;

/** Gives `type` to every mention of a name in `names` that an earlier pass has not fixed. */
export function fixEvery(
  mentions: readonly NameMention[],
  fixed: Fixed,
  names: ReadonlySet<string>,
  type: EntityType,
): void {
  for (const mention of mentions) if (!fixed.has(mention) && names.has(mention.key)) fixed.set(mention, type);
}

/**
 * First words of place names, for names the tagger read as people: "Mount Everest", "Fort Lee", "Anse Bertrand",
 * "Route de Ouarzazate", "Jardin Majorelle", "Bab Doukkala", "Strada Statale".
 * Not "Port" (Port Vale), "Gulf" (the Gulf War), "Bay", "Costa" or "Sierra", which open other names in CoNLL.
 * An organisation may be named after such a place ("Puerto Rico Police Department", "Cape Argus").
 */
const PLACE_FIRST_WORDS = new Set(
  (
    'Mount Mt. Lake Cape Fort Isle Île Monte Rio Río Puerto Pointe Anse Terre Porte ' +
    // Streets, gardens, markets and gates in French, Italian, Spanish, Portuguese, Malay and Arabic (session 15).
    'Route Chemin Jardin Zone Souk Bab Strada Via Viale Corso Piazza Calle Rua Jalan'
  ).split(' '),
);
/**
 * First words of the names of streets and buildings, which no organisation takes from them: "Wat Arun",
 * "Masjid al-Haram", "Rue Majorelle", "Hôpital Cochin", "Palacio del Gobierno".
 */
const FEATURE_FIRST_WORDS = new Set('Masjid Wat Paseo Avenida Rue Cathedral Hôpital Palacio'.split(' '));
/** Last words of place names that are no surname, for names the tagger read as people ("Adler Planetarium"). */
const PLACE_OVER_PERSON = new Set(
  'Ave Ave. Blvd Blvd. Cliffs Swamp Building Towers Mosque Cathedral Planetarium Museum'.split(' '),
);

/** The type a mention's first or last word gives it against the tagger's. */
export function headType(mention: NameMention): EntityType | undefined {
  const { key } = mention;
  const firstSpace = key.indexOf(' ');
  if (firstSpace < 0) return undefined;
  const last = key.slice(key.lastIndexOf(' ') + 1);
  if (mention.type === 'place' && ORGANISATION_OVER_PLACE.has(last)) return 'organization';
  if (mention.type === 'organization' && PLACE_OVER_ORGANISATION.has(last)) return 'place';
  if (mention.type === 'person' && PLACE_OVER_PERSON.has(last)) return 'place';
  const first = key.slice(0, firstSpace);
  if (mention.type === 'person' && (PLACE_FIRST_WORDS.has(first) || FEATURE_FIRST_WORDS.has(first)))
    return 'place';
  if (mention.type === 'organization' && FEATURE_FIRST_WORDS.has(first) && !ORGANISATION_OVER_PLACE.has(last))
    return 'place';
  return undefined;
}

/** A name of two or more words the tagger read as a person: "the Scottish Labour party Johann Lamont". */
const isFullPersonName = (mention: NameMention) => mention.type === 'person' && mention.key.includes(' ');

/**
 * Names the article describes: after a noun for an organisation ("the publishing giant Elsevier") or for a
 * work (an "other": "the TV series Supernatural"), or in a
 * sentence that calls them a place ("Mérida is the capital of", "the town of Fort Lee"). The type holds for
 * every mention of the name. The noun before a name does not make an organisation of a known place ("the
 * network Russia financed") or of a person's full name ("the Scottish Labour party Johann Lamont").
 */
export function describedTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
): void {
  const described = new Map<string, EntityType | undefined>();
  for (const mention of mentions) {
    if (described.has(mention.key)) continue;
    let type = describedType(text, mention, mention, known);
    for (const span of type === undefined ? occurrences(text, mention.key) : []) {
      type = describedType(text, span, mention, known);
      if (type !== undefined) break;
    }
    described.set(mention.key, type);
  }
  for (const mention of mentions) {
    const type = described.get(mention.key);
    if (type && !fixed.has(mention)) fixed.set(mention, type);
  }
}

/**
 * Where the article writes `key` as a name of its own, tagged there or not ("Stardust is a NASA space capsule"),
 * not as the end of a longer name ("Lee" in "Fort Lee is a small town").
 */
function occurrences(text: string, key: string): Span[] {
  const spans: Span[] = [];
  for (let start = text.indexOf(key); start >= 0; start = text.indexOf(key, start + 1)) {
    const end = start + key.length;
    const alone = !WORD_CHARACTER.test(text[start - 1] ?? '') && !WORD_CHARACTER.test(text[end] ?? '');
    if (!alone) continue;
    // NAME_WORD_BEFORE ends in ` +$`: without a space right before, there is no word to look at.
    const inLongerName =
      start > 0 && text.charCodeAt(start - 1) === 0x20
        ? NAME_WORD_BEFORE.exec(text.slice(Math.max(0, start - 20), start))?.[1]
        : undefined;
    if (inLongerName === undefined || OPENERS.has(inLongerName)) spans.push({ start, end });
  }
  return spans;
}

/** The type the words around one occurrence of a name give it, if any. */
function describedType(
  text: string,
  span: Span,
  mention: NameMention,
  known: KnownNames,
): EntityType | undefined {
  const before = text.slice(Math.max(0, span.start - CONTEXT), span.start);
  const after = text.slice(span.end, span.end + CONTEXT);
  const word = wordBefore(before) ?? '';
  if (ORGANISATION_LAST_WORDS.has(word) && ORGANISATION_BEFORE.test(before))
    return known.isPlace(mention.key) || isFullPersonName(mention) ? undefined : 'organization';
  const workBefore = word !== '' && mayEndWork(word) && WORK_BEFORE.test(before);
  const craftBefore = CRAFT_KINDS.some((kind) => word.endsWith(kind)) && CRAFT_BEFORE.test(before);
  if ((workBefore && WORK_AFTER.test(after)) || craftBefore || WORK_AFTER_COPULA.test(after)) return 'other';
  if ((word === 'of' && PLACE_BEFORE.test(before)) || PLACE_AFTER.test(after)) return 'place';
  return undefined;
}

/**
 * A one-word name is the school the article names in full with it ("Harvard" beside "Harvard University",
 * "Harrow" beside "Harrow School"), unless the gazetteers know it as a place ("Exeter" beside "Exeter
 * School") or the tagger read it as a person.
 */
export function schoolTypes(mentions: readonly NameMention[], fixed: Fixed, known: KnownNames): void {
  // The words before a school's head in the article's names: "Harvard" for "Harvard University".
  const schools = new Set<string>();
  for (const { key } of mentions) {
    const lastSpace = key.lastIndexOf(' ');
    if (lastSpace >= 0 && SCHOOL_HEADS.has(key.slice(lastSpace + 1))) schools.add(key.slice(0, lastSpace));
  }
  for (const mention of mentions) {
    if (fixed.has(mention) || mention.type === 'person' || mention.key.includes(' ')) continue;
    if (schools.has(mention.key) && !known.isPlace(mention.key)) fixed.set(mention, 'organization');
  }
}
