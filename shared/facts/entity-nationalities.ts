/**
 * The people of a nation named in the plural ("Israelis", "Brits", "South Koreans") are a nationality, an other as
 * CoNLL marks them and as the article's "Israeli" is, never a place, a person or an organisation: the tagger read
 * "Brits" as a place and "South Koreans" as one, and a nationality read as a person could take a "he" or a quote.
 * A team named for its people ("the Texans") is an organisation in a sports report, so the tagger's organisation
 * is kept there; elsewhere it is the nationality too ("the Israelis rejected the offer").
 * The nationality words are compromise's (`isDemonym`, the key phrases' list); a name of two words is one only when
 * its first word names a part of the world ("South Koreans", "North Africans"; not "Young Americans", an album); a
 * country the gazetteers know is none ("Philippines", though "Philippine" is a nationality), but "Brits" is one
 * though a town bears the name.
 * The members of a faith and peoples that are no nation ("Catholics", "Hispanics", `lexicon/groups.ts`) are others
 * as nationalities are; the members of a party or a movement ("Republicans", "Tories") and an abbreviation in the
 * plural ("GCSEs", "SUVs": things of a kind) and a doctrine ("Marxism") are others where the tagger read a person or a place, and left alone
 * where it read an organisation ("the Conservatives won": the party).
 */
import { isPartyMembers, isPeopleOfFaith } from '../lexicon/groups.ts';
import { isDemonym } from '../lexicon/nationalities.ts';
import type { Fixed } from './entity-cues.ts';
import type { NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';

const PARTS = new Set([
  'North',
  'South',
  'East',
  'West',
  'Central',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
]);
const PLURAL = /^\p{Lu}\p{L}*\p{Ll}s$/u;

/**
 * "Israelis", "Brits", "South Koreans", and "Germans" (compromise lists "German" but not its plural) unless the
 * plural is a place the gazetteers know ("Philippines").
 */
export function isNationalityPlural(key: string, known: KnownNames): boolean {
  const space = key.indexOf(' ');
  if (space >= 0 && (key.indexOf(' ', space + 1) >= 0 || !PARTS.has(key.slice(0, space)))) return false;
  const word = key.slice(space + 1);
  if (!PLURAL.test(word)) return false;
  if (space < 0 && isPeopleOfFaith(word)) return true;
  return isDemonym(word) || (isDemonym(word.slice(0, -1)) && !known.isPlace(key));
}

/** "GCSEs", "SUVs", "NGOs": capitals and a lower-case plural ending. */
const PLURAL_ABBREVIATION = /^\p{Lu}{2,}s$/u;
/** "Marxism", "Buddhism": a doctrine, an other as CoNLL marks one, never a person. */
const DOCTRINE = /^\p{Lu}\p{Ll}+ism$/u;

/** A party's members, things of a kind in the plural or a doctrine: never one person or place (see the module comment). */
export function isKindInPlural(key: string): boolean {
  return isPartyMembers(key) || PLURAL_ABBREVIATION.test(key) || DOCTRINE.test(key);
}

/** Nationalities and peoples in the plural are others, and so are members and abbreviations (see the module comment). */
export function nationalityTypes(
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
  sports: boolean,
): void {
  const nationalities = new Map<string, boolean>();
  for (const mention of mentions) {
    if (fixed.has(mention) || mention.type === 'other') continue;
    if (mention.type !== 'organization' && isKindInPlural(mention.key)) {
      fixed.set(mention, 'other');
      continue;
    }
    if (sports && mention.type === 'organization') continue;
    let nationality = nationalities.get(mention.key);
    if (nationality === undefined) {
      nationality = isNationalityPlural(mention.key, known);
      nationalities.set(mention.key, nationality);
    }
    if (nationality) fixed.set(mention, 'other');
  }
}
