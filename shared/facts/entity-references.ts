/**
 * Names as academic and legal writing refers to them, by conventions of those genres rather than by the
 * name itself:
 * - a label with its number is no name: "Wave 1 interview", "Table 2", "Tab 4 of our condensed book";
 * - a name cited as an author is a person: "Carrano et al.", "Carrano & Biewener [7]", "Senabre (1982)";
 * - a name on either side of "versus" or "v." is a party to a case, a person unless it is a known place:
 *   "Kennedy versus Washington", "Roe v. Wade".
 */
import type { EntityType } from '../result.ts';
import type { Fixed } from './entity-cues.ts';
import { keyOf, type NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';

/** Nouns that number the parts of a study, a book or a file: followed by a number they label, not name. */
const LABEL_NOUNS = new Set(
  (
    'Table Figure Fig Wave Tab Phase Chapter Section Step Stage Study Experiment Appendix Exhibit Page ' +
    'Volume Vol Item Question Session Round Part Paragraph Footnote Note Tier Cohort Trial Condition Sample'
  ).split(' '),
);
const NUMBER_AFTER = /^\s+\d/u;
/**
 * What follows an author's name in a citation, perhaps after a co-author's ("and Biewener"): "et al.", a
 * numbered reference, a year in brackets.
 */
const CITATION_AFTER =
  /^(?:\s+(?:&|and)\s+\p{Lu}[\p{L}’'-]+)?(?:\s+et\s+al\b|\s*\[\d+(?:\s*[,–-]\s*\d+)*\]|\s+\(\d{4}[a-z]?\)|,\s+\d{4}[a-z]?\))/u;
/** Two authors cited together: "Carrano & Biewener [7]". */
const AUTHOR_PAIR = /^(\p{Lu}[\p{L}’'-]+) & (\p{Lu}[\p{L}’'-]+)$/u;
const VERSUS_AFTER = /^\s+(?:versus|v\.)\s+\p{Lu}/u;
const VERSUS_BEFORE = /\s(?:versus|v\.)\s+$/u;
const PERSON: EntityType = 'person';

/** Whether a mention is a label with its number ("Wave 1"): not a name. */
export function isNumberedLabel(text: string, mention: NameMention): boolean {
  return LABEL_NOUNS.has(mention.key) && NUMBER_AFTER.test(text.slice(mention.end, mention.end + 3));
}

const isCited = (text: string, mention: NameMention) =>
  CITATION_AFTER.test(text.slice(mention.end, mention.end + 40));

/** "Carrano & Biewener [7]" read as one name -> the two authors, people. */
export function splitCitedAuthors(text: string, mentions: readonly NameMention[]): NameMention[] {
  // Pushed into an array literal, not flat-mapped (see foldCapitals in entity-types.ts).
  const split: NameMention[] = [];
  for (const mention of mentions) {
    const pair = AUTHOR_PAIR.exec(mention.text);
    if (!pair || !isCited(text, mention)) {
      split.push(mention);
      continue;
    }
    const [first, second] = [pair[1] as string, pair[2] as string];
    const secondStart = mention.end - second.length;
    // A NameMention's properties in trimMention's order: one object shape for every mention.
    split.push(
      {
        type: PERSON,
        start: mention.start,
        end: mention.start + first.length,
        text: first,
        key: keyOf(first),
      },
      { type: PERSON, start: secondStart, end: mention.end, text: second, key: keyOf(second) },
    );
  }
  return split;
}

/**
 * One-word names cited as authors ("Senabre (1982)", "Gibbons et al.") or named as parties to a case
 * ("Kennedy versus Washington") are people, in every mention; known places keep their type ("Italy (1821)").
 */
export function referenceTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
): void {
  const people = new Set<string>();
  for (const mention of mentions) {
    if (mention.key.includes(' ') || known.isPlace(mention.key)) continue;
    const before = text.slice(Math.max(0, mention.start - 10), mention.start);
    const after = text.slice(mention.end, mention.end + 12);
    if (isCited(text, mention) || VERSUS_AFTER.test(after) || VERSUS_BEFORE.test(before))
      people.add(mention.key);
  }
  for (const mention of mentions)
    if (!fixed.has(mention) && people.has(mention.key)) fixed.set(mention, PERSON);
}
