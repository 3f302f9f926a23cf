/**
 * What the shape of a name or of the words around it says of its type, before the tagger's majority decides
 * (session 17, issue 10):
 * - a name whose last word is "County" is a place where the tagger read it as an organisation ("Yamhill County"),
 *   outside a sports report and a table of results ("Notts County 0 York 1": a team), and unless a school's noun
 *   heads it ("University of Maryland, Baltimore County"); not "City", which ends as many teams' names as
 *   places' ("Manchester City", "Bristol City");
 * - a one-word name set in a county is a place: "Galena in Jo Daviess County", "Dunmore, Lackawanna County";
 * - a plural name the tagger read as a place, counted as people are ("shot two Black Panthers", "any Black
 *   Panthers"), is a group, an organisation: no place is counted so ("the two Koreas" has its article), and a
 *   place the gazetteers know is left alone, and so are the people of one ("three South Koreans": South Korea);
 * - a one-word name the tagger read as a person or a place, in a list of three or more names whose others are all
 *   organisations, is one ("Microsoft, Amazon and Google"; not "Trump and Congress"), unless the gazetteers know
 *   it as a place or a person of the article has it as a surname (fixed before this pass).
 * - in a sports report, a name the tagger read as a person that stands where a club does, in a fixture's notation
 *   ("Derby (away to Millwall)", "(home to Crewe)") or in a result with one score ("Derby beat Crewe 2-1", "lost to
 *   Crewe 1-0", "the 5-3 defeat by Leicester"), is the club, an organisation: clubs are named by their towns. A player named in full has the name
 *   as a surname (fixed before this pass), and a tennis result ("beat Chang 6-4 6-2") has a score for each set.
 * Each type holds for every mention of the name; `entity-types.ts` decides in what order the passes count.
 */
import { type Fixed, fixEvery } from './entity-cues.ts';
import type { NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';

/** A county after the name: " in Jo Daviess County", ", Lackawanna County". */
const IN_COUNTY_AFTER = /^(?:\s+in|,)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}County\b/u;
/** What separates the names of a list: "A, B and C", "A and B", "A, B, or C". */
const COORDINATION = /^(?:,\s+|,?\s+and\s+|,?\s+or\s+|\s+&\s+)$/u;

/**
 * A number in words or a quantifier before a plural name, not after "the": "shot two Black Panthers", "any
 * Panthers"; figures are left out, being scores and prices in tables ("Italy 2 Wales 1", "30 31/8 Caribs").
 */
const COUNTED_BEFORE =
  /(?:^|[^\p{L}\s]\s*|(?<!\bthe)\s)(?:two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|any|several|many|some|few|other)\s+$/iu;
const PLURAL_NAME = /\p{Ll}s$/u;

/** The people of a place the gazetteers know: "South Koreans", "Indonesians" (the place and "n" or "s" after it). */
const PEOPLE_OF_PLACE = /^(.+?)n?s$/u;
/** A school's noun in a name, which makes a county's name the school's: "University of Maryland, Baltimore County". */
const SCHOOL_IN_NAME = /\b(?:University|College|School|Academy|Institute)\b/u;

/** A score or a table's figure after a name: "Notts County 0 York 1", a team's line of results. */
const FIGURE_AFTER = /^[ \t]+\d/u;

/** "Yamhill County", unless the article writes it before a score, as a team ("Notts County 0 York 1"). */
function isCounty(text: string, key: string): boolean {
  if (!key.endsWith(' County') || SCHOOL_IN_NAME.test(key)) return false;
  for (let start = text.indexOf(key); start >= 0; start = text.indexOf(key, start + 1)) {
    const end = start + key.length;
    if (FIGURE_AFTER.test(text.slice(end, end + 3))) return false;
  }
  return true;
}

/** A fixture's notation after a club's name, or before it: "Derby (away to Millwall)", "(home to Crewe)". */
const FIXTURE_AFTER = /^\s*\((?:home|away)\s+(?:to|at|v|vs)\.?\s/iu;
const FIXTURE_BEFORE = /\((?:home|away)\s+(?:to|at|v|vs)\.?\s+$/iu;
/** Verbs of a result between two clubs: "beat", "drew with", "lost to". */
const RESULT_VERB =
  '(?:beat|beats|defeated|defeats|thrashed|hammered|edged|routed|drew\\s+(?:with|at)|draw\\s+(?:with|at)|lost\\s+(?:to|at)|lose\\s+(?:to|at)|beaten\\s+by)';
/** One score, not a set's ("2-1", "1–0"; not "6-4 6-2" nor "6-4, 6-2"). */
const ONE_SCORE = '\\d{1,3}[-–]\\d{1,3}(?![-–\\d]|,?\\s*\\d)';
const RESULT_BEFORE = new RegExp(`\\b${RESULT_VERB}\\s+$`, 'u');
const SCORE_AFTER = new RegExp(`^\\s+${ONE_SCORE}`, 'u');
/** "[Derby] beat Crewe 2-1": a result's verb, another name of up to three words and the score. */
const RESULT_AFTER = new RegExp(
  `^\\s+${RESULT_VERB}\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,2}\\s+${ONE_SCORE}`,
  'u',
);
const SLOT_WINDOW = 60;
/** A result named by its score before the other club: "the 3-2 win at West Brom", "a 1-1 draw with West Ham". */
const SCORED_RESULT_BEFORE = new RegExp(
  `\\b${ONE_SCORE}\\s+(?:home\\s+|away\\s+)?(?:win|victory|defeat|draw|loss|triumph|thrashing)\\s+(?:at|against|over|by|with|to)\\s+$`,
  'u',
);

/** Whether the name at `start`..`end` stands where a club does (see the module comment). */
function standsAsClub(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - SLOT_WINDOW), start);
  const after = text.slice(end, end + SLOT_WINDOW);
  if (FIXTURE_AFTER.test(after) || FIXTURE_BEFORE.test(before) || SCORED_RESULT_BEFORE.test(before))
    return true;
  return RESULT_AFTER.test(after) || (RESULT_BEFORE.test(before) && SCORE_AFTER.test(after));
}

/** Clubs by where the sports report writes them (see the module comment). */
export function clubTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  sports: boolean,
): void {
  if (!sports) return;
  const clubs = new Set<string>();
  for (const mention of mentions) {
    if (fixed.has(mention) || mention.type !== 'person') continue;
    if (standsAsClub(text, mention.start, mention.end)) clubs.add(mention.key);
  }
  fixEvery(mentions, fixed, clubs, 'organization');
}

/** Places by their last word or their county (see the module comment). */
export function placeStructureTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  sports: boolean,
): void {
  const places = new Set<string>();
  for (const mention of mentions) {
    if (mention.type === 'organization' && !sports && isCounty(text, mention.key)) places.add(mention.key);
    const oneWord = !mention.key.includes(' ');
    if (
      oneWord &&
      mention.type !== 'place' &&
      IN_COUNTY_AFTER.test(text.slice(mention.end, mention.end + 50))
    )
      places.add(mention.key);
  }
  fixEvery(mentions, fixed, places, 'place');
}

/** Organisations by their members counted as people (see the module comment). */
export function groupTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
): void {
  const groups = new Set<string>();
  for (const mention of mentions) {
    if (mention.type !== 'place' || !PLURAL_NAME.test(mention.key) || known.isPlace(mention.key)) continue;
    const place = PEOPLE_OF_PLACE.exec(mention.key)?.[1];
    if (place && known.isPlace(place)) continue;
    if (COUNTED_BEFORE.test(text.slice(Math.max(0, mention.start - 20), mention.start)))
      groups.add(mention.key);
  }
  fixEvery(mentions, fixed, groups, 'organization');
}

/**
 * The runs of names the article coordinates: mentions with only a list separator between them, in order.
 */
function coordinatedRuns(text: string, mentions: readonly NameMention[]): NameMention[][] {
  const runs: NameMention[][] = [];
  let run: NameMention[] = [];
  mentions.forEach((mention, index) => {
    const previous = mentions[index - 1];
    if (previous && COORDINATION.test(text.slice(previous.end, mention.start))) run.push(mention);
    else {
      if (run.length > 1) runs.push(run);
      run = [mention];
    }
  });
  if (run.length > 1) runs.push(run);
  return runs;
}

/** The fewest names of a list whose others make a name an organisation. */
const LIST_NAMES = 3;

/** Organisations by the company they keep: a name listed only with organisations. */
export function coordinationTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
): void {
  const typeOf = (mention: NameMention) => fixed.get(mention) ?? mention.type;
  const organisations = new Set<string>();
  for (const run of coordinatedRuns(text, mentions)) {
    if (run.length < LIST_NAMES) continue;
    for (const mention of run) {
      if (fixed.has(mention) || mention.type === 'organization' || mention.type === 'other') continue;
      if (mention.key.includes(' ') || known.isPlace(mention.key)) continue;
      const others = run.filter((other) => other !== mention);
      if (others.every((other) => typeOf(other) === 'organization')) organisations.add(mention.key);
    }
  }
  fixEvery(mentions, fixed, organisations, 'organization');
}
