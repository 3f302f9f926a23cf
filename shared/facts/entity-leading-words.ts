/**
 * A name's first word the tagger left out: "Forest Green (home to Dover)" tagged as "Green" alone. A one-word name
 * that the article writes, every time the tagger found it, right after the same capitalised word is that two-word
 * name, when the word before is no name of its own (the tagger tagged nothing there), does not open a sentence,
 * and is no title, clause opener, day or month ("President Biden", "But Smith", "Monday Smith" stay as they are; a
 * title before a word that ends bodies' names is entity-title-heads.ts's: "Premier League"); not
 * after a capitalised word either (a heading in title case), nor before one, nor where the one word is a word of a
 * person's longer name ("Crime Bill" beside "Bill Clinton") or a number ("the Big Ten").
 */
import { isNumberWord } from './entity-filters.ts';
import type { KnownNames } from './ner/known-names.ts';
import type { EntityMention, NerType } from './ner/tags.ts';
import { isTitleWord, roleBefore } from './roles.ts';
import { CALENDAR_NAMES, CLAUSE_OPENERS } from './words.ts';

/** A plain capitalised word and the one space before the name: "Forest " of "Forest Green". */
const WORD_BEFORE = /(?<![\p{L}\p{N}'’.-])(\p{Lu}\p{Ll}+) $/u;
/** A capitalised word before the joined one, or after the name: a run of capitals (a heading in title case). */
const CAPITAL_BEFORE = /(?<![\p{L}.'’-])(\p{Lu}[\p{L}.'’-]*)\s$/u;
const CAPITAL_AFTER = /^\s\p{Lu}/u;
/** What stands before a word that opens a sentence or a line: nothing, a stop, a line break, a quotation mark. */
const SENTENCE_START = /(?:^|[.!?:;"“”‘’(\n]\s*)$/u;
/** Titles and words of a person's standing that roles.ts does not list: "Inspector Lynley", "Former Arsenal". */
const STANDING = new Set(
  (
    'Former Late Father Brother Sister Inspector Officer Officers Detective Sergeant Constable Lieutenant Colonel ' +
    'Major Corporal Private Ayatollah Rabbi Imam Pastor Reverend Bishop Cardinal Archbishop Agent Nurse Doctor'
  ).split(' '),
);
const ARTICLES = new Set(['The', 'A', 'An']);
/** Words before a place's name that name a part of it: "Southwest England", "Central America", "East L.A.". */
const PLACE_PART =
  /^(?:North|South|East|West|(?:North|South)(?:east|west)|Northern|Southern|Eastern|Western|Central|Greater|Upper|Lower|Old|Downtown|Inner|Outer)$/u;
const CALENDAR = new Set(CALENDAR_NAMES);
const WINDOW = 30;

/** A capitalised word right before a mention, and whether it opens a sentence ("Leaving Baghdad was shot"). */
interface Leading {
  readonly word: string;
  readonly opensSentence: boolean;
}

/** The capitalised word right before a mention that may be its left-out first word, or undefined. */
function leadingWord(text: string, mention: EntityMention): Leading | undefined {
  const before = text.slice(Math.max(0, mention.start - WINDOW), mention.start);
  const match = WORD_BEFORE.exec(before);
  const word = match?.[1];
  if (word === undefined || CLAUSE_OPENERS.has(word) || CALENDAR.has(word) || STANDING.has(word))
    return undefined;
  if (isTitleWord(word)) return undefined;
  if (CAPITAL_AFTER.test(text.slice(mention.end, mention.end + 2))) return undefined;
  const rest = before.slice(0, match?.index ?? 0);
  if (SENTENCE_START.test(rest)) return { word, opensSentence: true };
  // "The Forest Green side" is no heading ("Threatening To Destroy America" is one).
  const capital = CAPITAL_BEFORE.exec(rest)?.[1];
  return capital === undefined || ARTICLES.has(capital) ? { word, opensSentence: false } : undefined;
}

/** A word in -ing ("Killing", "Leaving"): with a common word's, a place after it is a work's title. */
const GERUND = /ing$/u;

/** A person's cue after a name: "Jo Tamang said", "Jo Tamang turns herself into". */
const PERSON_AFTER = /^,?\s+(?:said|says|told|\p{Ll}+\s+(?:his|her|himself|herself))\b/u;

/**
 * The type of the name joined from `word` and a one-word name that the tagger typed alone, which the tagger gave
 * that word:
 * - a person's only where the word is a first name ("Dean Kamen"), a role comes before ("founder Yen Reis") or a
 *   person's cue after ("Promise Tamang turns herself into"), at one of the name's mentions: "Blue Ruin" (a film),
 *   "Skin Laundry" (a company), "Many Clouds" (a horse) are others;
 * - a place's only where the word names a part of the place ("Southwest England") or the gazetteers know no place by
 *   the one word ("Space Museum"): "Air France", "First Boston", "Access Hollywood" are bodies named after a place;
 *   after a word in -ing that the training text mostly writes in lower case, a work's title, an other ("Killing
 *   Gaza", "Leaving Baghdad": films), as no place or body is named by a verb's -ing form.
 */
function joinedType(
  text: string,
  mentions: readonly EntityMention[],
  word: string,
  known: KnownNames,
): NerType {
  const { type, text: name } = mentions[0] as EntityMention;
  if (type === 'PER') {
    if (known.isFirstName(word)) return 'PER';
    for (const { start, end } of mentions) {
      if (roleBefore(text, start - word.length - 1) !== undefined) return 'PER';
      if (PERSON_AFTER.test(text.slice(end, end + 40))) return 'PER';
    }
    return 'MISC';
  }
  if (type === 'LOC' && GERUND.test(word) && known.isCommonWord(word)) return 'MISC';
  if (type === 'LOC' && !PLACE_PART.test(word) && known.isPlace(name)) return 'ORG';
  return type;
}

/** A model's code right before a name: "C130 " of "C130 Hercules", "SU-27 " of "SU-27 Flanker". */
const MODEL_CODE_BEFORE = /(?<![\p{L}\p{N}-])\p{Lu}{1,3}-?\p{N}{2,4}\p{Lu}? $/u;
const CODE_WINDOW = 12;

/**
 * A one-word name the tagger read as a person right after a model's code is the model's name, an other: "the C130
 * Hercules aircraft", "a Russian SU-27 Flanker" (the tagger reads the code as no word and the name as a surname).
 */
export function joinModelCodes(text: string, tagged: readonly EntityMention[]): EntityMention[] {
  const joined: EntityMention[] = [];
  for (const mention of tagged) {
    const before = text.slice(Math.max(0, mention.start - CODE_WINDOW), mention.start);
    const code =
      mention.type === 'PER' && !mention.text.includes(' ') ? MODEL_CODE_BEFORE.exec(before) : null;
    if (code === null) {
      joined.push(mention);
      continue;
    }
    const start = mention.start - code[0].length;
    joined.push({ ...mention, type: 'MISC', start, text: text.slice(start, mention.end) });
  }
  return joined;
}

/** The mentions with the left-out first words joined (see the module comment). */
export function joinLeadingWords(
  text: string,
  tagged: readonly EntityMention[],
  known: KnownNames,
): EntityMention[] {
  // A word of a longer name is that name's ("Crime Bill" beside "Bill Clinton", "Officers Liu" beside "Wenjian Liu").
  const inLonger = new Set<string>();
  for (const mention of tagged)
    if (mention.type === 'PER' && mention.text.includes(' '))
      for (const word of mention.text.split(' ')) inLonger.add(word);
  const words = new Map<string, string | null>();
  // A sentence's first word before the name counts only beside mentions inside sentences with the same word.
  const opening = new Map<string, string>();
  for (let index = 0; index < tagged.length; index++) {
    const mention = tagged[index] as EntityMention;
    if (mention.text.includes(' ') || mention.type === 'MISC') continue;
    // "the Big Ten": a number in words is dropped as no name, not joined.
    if (inLonger.has(mention.text) || isNumberWord(mention.text)) {
      words.set(mention.text, null);
      continue;
    }
    const leading = untaggedBefore(text, tagged[index - 1], mention);
    const seenOpening = opening.get(mention.text);
    if (leading?.opensSentence) {
      const agrees = seenOpening === undefined || seenOpening === leading.word;
      opening.set(mention.text, agrees ? leading.word : '');
      continue;
    }
    const word = leading?.word;
    const seen = words.get(mention.text);
    words.set(mention.text, seen === undefined || seen === word ? (word ?? null) : null);
  }
  for (const [name, word] of opening) if (words.get(name) !== word) words.set(name, null);
  if (![...words.values()].some((word) => word !== null)) return tagged as EntityMention[];
  const joinedMentions = new Map<string, EntityMention[]>();
  for (const mention of tagged) {
    const word = words.get(mention.text);
    if (word === undefined || word === null || mention.text.includes(' ') || mention.type === 'MISC')
      continue;
    const list = joinedMentions.get(mention.text);
    if (list === undefined) joinedMentions.set(mention.text, [mention]);
    else list.push(mention);
  }
  const types = new Map<string, NerType>();
  for (const [name, list] of joinedMentions)
    types.set(name, joinedType(text, list, words.get(name) as string, known));
  const joined: EntityMention[] = [];
  for (const mention of tagged) {
    const word = words.get(mention.text);
    if (word === undefined || word === null || mention.text.includes(' ') || mention.type === 'MISC') {
      joined.push(mention);
      continue;
    }
    const start = mention.start - word.length - 1;
    const type = types.get(mention.text) ?? mention.type;
    joined.push({ ...mention, type, start, text: text.slice(start, mention.end) });
  }
  return joined;
}

/** leadingWord, unless the tagger tagged it (as part of any name): a name of its own, "Italian Prodi". */
function untaggedBefore(
  text: string,
  previous: EntityMention | undefined,
  mention: EntityMention,
): Leading | undefined {
  const leading = leadingWord(text, mention);
  if (leading === undefined || previous === undefined) return leading;
  return previous.end <= mention.start - leading.word.length - 1 ? leading : undefined;
}
