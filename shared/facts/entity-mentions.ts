import { isSpace } from '../clean/text-context.ts';
import type { EntityType, Span } from '../result.ts';
import type { KnownNames } from './ner/known-names.ts';
import type { EntityMention, NerType } from './ner/tag-entities.ts';
import { isHonorific, isTitleWord } from './roles.ts';
import { CLAUSE_OPENERS, isCapitalised, straightenApostrophes, wordBefore } from './words.ts';

/** A tagged mention trimmed to the name itself ("the State Department’s" -> "State Department"). */
export interface NameMention extends Span {
  readonly type: EntityType;
  readonly text: string;
  readonly key: string;
}

/** All mentions written the same way (same key), and what they resolve to. */
export interface Surface {
  /** Type and key: the same words tagged as a place and as an organisation are two surfaces. */
  readonly id: string;
  readonly key: string;
  readonly tokens: readonly string[];
  readonly mentions: NameMention[];
  type: EntityType;
}

export interface Group {
  readonly root: Surface;
  readonly mentions: NameMention[];
}

/** The root surface as most often written ("U.S." or "US"), on a tie not in capitals ("Seoul"), else earliest. */
export function canonicalName(group: Group): string {
  const counts = new Map<string, number>();
  for (const mention of group.root.mentions) counts.set(mention.text, (counts.get(mention.text) ?? 0) + 1);
  let best = group.root.mentions[0]?.text ?? group.root.key;
  for (const [text, count] of counts) {
    const bestCount = counts.get(best) ?? 0;
    if (count > bestCount || (count === bestCount && !HAS_LOWER.test(best) && HAS_LOWER.test(text)))
      best = text;
  }
  return best;
}

export const ENTITY_TYPES: Readonly<Record<NerType, EntityType>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: 'other',
};
const HAS_LOWER = /\p{Ll}/u;
const LEADING_EDGE = /^[\s"“”‘’'[\]{},;:!?–—-]+/u;
const TRAILING_EDGE = /[\s"“”‘’'[\]{},;:!?–—…-]+$/u;
const TRAILING_PERIOD = /\.$/u;
/** Periods that belong to the name: initialisms ("U.S.") and short abbreviations ("St.", "Inc.", "Jr."). */
const NAME_PERIOD = /(?:(?:^|[.\s])\p{Lu}|(?:^|\s)\p{Lu}\p{Ll}{1,3})\.$/u;
const POSSESSIVE_END = /(?<=\p{L})(?:['’]s|(?<=s)['’])$/u;
/**
 * A name after one of these is a person's, whatever the tagger said ("Mr Peters" tagged as an organisation),
 * unless the tagger read the whole as another kind of name: a title or a work ("Miss Universe", "Mr Bean").
 */
const PERSONAL_HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.?\s+\p{Lu}/u;
/** Words that never sit inside a name: a tagged name holding one starts after it. */
const INNER_BREAKS = new Set(
  'But However Meanwhile Despite Although Though While When After Before Since Because If Yet'.split(' '),
);
const LEADING_ARTICLE = /^the\s+/u;
const CAPITAL_ARTICLE = /^The\s+/u;
const ANY_UPPERCASE = /\p{Lu}/u;
const WHITESPACE = /\s+/gu;
/**
 * What keyOf changes: an apostrophe it straightens, a full stop, white space other than one space. Most names
 * have none, and one test of this is cheaper than the three replacements.
 */
const CHANGED_BY_KEY = /[’‘`.]|\s\s|[^\S ]/u;
const NON_SPACE_RUN = /\S+/gu;
/** Words of "Secretary of ..." titles, skipped with the title before a person's name. */
const OF_DEPARTMENTS = new Set(
  (
    'State Defense Defence Homeland Security Treasury Commerce Energy Health Transportation Agriculture ' +
    'Labor Labour Education Interior Justice Staff Foreign Affairs Finance Trade the'
  ).split(' '),
);
/** Heads of names that go on with "of" and another name: "Republic of China", "Bank of England". */
const OF_HEADS = new Set(
  (
    'Republic Kingdom Commonwealth Federation Union Emirate Emirates Principality Duchy Bank University ' +
    'Ministry Department Institute Academy College Museum Church Council Court Gulf Bay Isle Sea Strait Cape'
  ).split(' '),
);
const LAST_WORD = /\S+$/u;
const NEIGHBOUR_WINDOW = 40;
const TITLE_OF_BEFORE = /\b(?:Secretary|Minister|Chief|Head|Director|Chancellor|Governor)\s+of\s+$/u;
/**
 * Joins a name whose head takes an "of" complement to the name after it, when the tagger split them:
 * "[People’s Republic] of [China]" -> "People’s Republic of China", "[Bank] of [England]".
 */
export function joinOfNames(text: string, tagged: readonly EntityMention[]): EntityMention[] {
  const joined: EntityMention[] = [];
  for (const mention of tagged) {
    const previous = joined.at(-1);
    const head = previous === undefined ? undefined : LAST_WORD.exec(previous.text)?.[0];
    const between = previous === undefined ? '' : text.slice(previous.end, mention.start);
    if (previous && head && OF_HEADS.has(head) && between === ' of ' && mention.type !== 'PER') {
      joined[joined.length - 1] = {
        ...previous,
        end: mention.end,
        text: text.slice(previous.start, mention.end),
      };
    } else joined.push(mention);
  }
  return joined;
}

/** A capitalised word in the plural ("Boys", "Girls"); not "Ross", "Lotus", "Paris" (SINGULAR_IN_S). */
const PLURAL_WORD = /^\p{Lu}\p{Ll}+s$/u;
const SINGULAR_IN_S = /(?:ss|us|is)$/u;
const isPluralWord = (word: string) => PLURAL_WORD.test(word) && !SINGULAR_IN_S.test(word);
const AND_BETWEEN = /^\s+(?:and|&)\s+$/u;

/**
 * Joins two plural nouns that open one organisation's name, where the tagger read the first as a person and the
 * rest as the organisation: "[Boys] and [Girls Club of Albany]" -> "Boys and Girls Club of Albany". No person's name
 * is a plural noun coordinated with the first word of an organisation's.
 */
export function joinPluralPairs(text: string, tagged: readonly EntityMention[]): EntityMention[] {
  const joined: EntityMention[] = [];
  for (const mention of tagged) {
    const previous = joined.at(-1);
    const between = previous === undefined ? '' : text.slice(previous.end, mention.start);
    const space = mention.text.indexOf(' ');
    if (
      previous?.type === 'PER' &&
      mention.type === 'ORG' &&
      space > 0 &&
      isPluralWord(previous.text) &&
      isPluralWord(mention.text.slice(0, space)) &&
      AND_BETWEEN.test(between)
    ) {
      joined[joined.length - 1] = {
        type: 'ORG',
        start: previous.start,
        end: mention.end,
        text: text.slice(previous.start, mention.end),
      };
    } else joined.push(mention);
  }
  return joined;
}

/**
 * "People’s" opens a name ("People’s Republic of China", "People’s Liberation Army", "People’s Daily"); the
 * tagger often tags "People" alone, as a person. The name runs through the capitalised words after the
 * possessive and an "of" complement; it is a place when its head is a state's ("Republic"), else an
 * organisation. Mentions inside it are dropped.
 */
const PEOPLES_NAME =
  /^(?:Democratic )?People['’]s(?: \p{Lu}[\p{L}-]*)+(?: of(?: the)?(?: \p{Lu}[\p{L}-]*)+)?/u;
const PEOPLES_START = /^(?:Democratic )?People$/u;
const STATE_HEADS = new Set(
  'Republic Kingdom Commonwealth Federation Emirate Emirates Principality'.split(' '),
);
const HEAD_BEFORE_OF = /(\p{Lu}[\p{L}-]*)(?: of |$)/u;

export function joinPeoplesNames(text: string, tagged: readonly EntityMention[]): EntityMention[] {
  const joined: EntityMention[] = [];
  let coveredUntil = -1;
  for (const mention of tagged) {
    if (mention.start < coveredUntil) continue;
    const name = PEOPLES_START.test(mention.text)
      ? PEOPLES_NAME.exec(text.slice(mention.start, mention.start + 120))?.[0]
      : undefined;
    if (name === undefined) {
      joined.push(mention);
      continue;
    }
    const head = HEAD_BEFORE_OF.exec(name.replace(/^(?:Democratic )?People['’]s /u, ''))?.[1] ?? '';
    const end = mention.start + name.length;
    joined.push({ type: STATE_HEADS.has(head) ? 'LOC' : 'ORG', start: mention.start, end, text: name });
    coveredUntil = end;
  }
  return joined;
}

/** A surname written with capitals (McCoy, O’Neill), and initials of two or three capitals before it ("AP "). */
const SURNAME_WORD = /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u;
const INITIALS_BEFORE = /(?:^|[^\p{L}\p{N}.&-])(\p{Lu}{2,3}) $/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const INITIALS_NAME = /^(\p{Lu}{2,3}) (\S+)$/u;
/** A personal pronoun later in the same sentence: "AP McCoy will be presented with his trophy". */
const PRONOUN_AFTER = /^[^.!?]*?\b(?:he|his|him|himself|she)\b/u;
const PRONOUN_WINDOW = 100;
/** "the " or a capitalised word right before a word ("Capital One Cup"), or a letter or digit glued to it. */
const NAME_OR_THE_BEFORE = /(?:\bthe |\p{Lu}[\p{L}.'’-]* |[\p{L}\p{N}])$/u;

/** Whether every time the article writes `initials` as a word, `surname` follows: then they are someone's initials. */
function onlyBefore(text: string, initials: string, surname: string): boolean {
  const word = new RegExp(String.raw`(?<![\p{L}\p{N}])${initials}(?![\p{L}\p{N}])`, 'gu');
  for (const match of text.matchAll(word)) {
    if (!text.startsWith(` ${surname}`, match.index + initials.length)) return false;
  }
  return true;
}

/**
 * A person's initials before the surname: "AP McCoy", where the tagger read "AP" as the news agency or left the
 * name out and read "McCoy" alone as an organisation. Two or three capitals right before a capitalised word the
 * tagger read as a name (no common word or known place) are one person's name wherever the article writes them,
 * when it never writes the capitals without that word, a personal pronoun follows them in a sentence ("AP
 * McCoy with his 20th title") and it also writes the surname alone ("McCoy is"): an organisation, a team, a
 * ground or a ship is none of that ("MK Dons", "LM Ericsson", "the KIA Oval", "RMS Titanic").
 */
export function joinInitials(
  text: string,
  tagged: readonly EntityMention[],
  known: KnownNames,
): EntityMention[] {
  const surnames = new Set<string>();
  for (const mention of tagged) {
    const surname = INITIALS_NAME.exec(mention.text)?.[2] ?? mention.text;
    if (SURNAME_WORD.test(surname)) surnames.add(surname);
  }
  const added: EntityMention[] = [];
  for (const surname of surnames) {
    const names = initialledNames(text, surname);
    const initials = names[0]?.text.slice(0, names[0].text.indexOf(' '));
    const isName =
      initials !== undefined &&
      names.some((name) => PRONOUN_AFTER.test(text.slice(name.end, name.end + PRONOUN_WINDOW))) &&
      writesSurnameAlone(text, surname) &&
      !known.isCommonWord(surname) &&
      !known.isPlace(surname) &&
      onlyBefore(text, initials, surname);
    if (isName) added.push(...names);
  }
  if (added.length === 0) return [...tagged];
  const kept = tagged.filter(
    (mention) => !added.some((name) => mention.start < name.end && name.start < mention.end),
  );
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

/**
 * Whether the article also names the person by the surname alone, as news does after the first mention ("McCoy
 * is a huge Arsenal supporter"), not after "the" or another name ("the Cup", "Capital One Cup", "Kia Oval").
 */
function writesSurnameAlone(text: string, surname: string): boolean {
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
    if (WORD_CHARACTER.test(text[at + surname.length] ?? '')) continue;
    const before = text.slice(Math.max(0, at - 20), at);
    if (!INITIALS_BEFORE.test(before) && !NAME_OR_THE_BEFORE.test(before)) return true;
  }
  return false;
}

/** Where the article writes `surname` after the same two or three capitals as its first such occurrence. */
function initialledNames(text: string, surname: string): EntityMention[] {
  const names: EntityMention[] = [];
  let initials: string | undefined;
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
    const end = at + surname.length;
    if (WORD_CHARACTER.test(text[end] ?? '')) continue;
    const before = INITIALS_BEFORE.exec(text.slice(Math.max(0, at - 5), at))?.[1];
    if (before === undefined || (initials !== undefined && before !== initials)) continue;
    initials = before;
    const start = at - before.length - 1;
    names.push({ type: 'PER', start, end, text: text.slice(start, end) });
  }
  return names;
}

/** A span less the spaces and marks at its edges and a bracket that is not closed (or opened) inside it. */
function trimEdges(text: string, span: Span): Span {
  const value = text.slice(span.start, span.end);
  let start = span.start + (LEADING_EDGE.exec(value)?.[0].length ?? 0);
  let end = span.end - (TRAILING_EDGE.exec(value)?.[0].length ?? 0);
  const trimmed = text.slice(start, end);
  if (trimmed.endsWith(')') && !trimmed.includes('(')) end -= 1;
  if (trimmed.startsWith('(') && !trimmed.includes(')')) start += 1;
  return { start, end };
}

// Called for every tagged mention: no closures (a bundle that keeps names names each one as it is made).
export function trimMention(text: string, mention: EntityMention): NameMention | undefined {
  let { start, end } = trimEdges(text, mention);
  const possessive = POSSESSIVE_END.exec(text.slice(start, end));
  if (possessive) end -= possessive[0].length;
  const bare = text.slice(start, end);
  if (TRAILING_PERIOD.test(bare) && !NAME_PERIOD.test(bare)) end -= 1;
  const article = LEADING_ARTICLE.exec(text.slice(start, end));
  if (article) start += article[0].length;
  start = afterOpeners(text, start, end);
  if (isTitleComplement(text, start, end)) return undefined;
  const named = afterTitleOf(text, start, end);
  const honorific = mention.type !== 'MISC' && PERSONAL_HONORIFIC.test(text.slice(start, end));
  const type = honorific || named > start ? 'person' : ENTITY_TYPES[mention.type];
  start = named;
  if (type === 'person') start = afterTitles(text, start, end);
  ({ start, end } = trimEdges(text, { start, end }));
  const surface = text.slice(start, end);
  if (end <= start || !ANY_UPPERCASE.test(surface)) return undefined;
  return { type, start, end, text: surface, key: keyOf(surface) };
}

/**
 * Skips clause openers a tagger took for part of a name: "Despite Blinken" at the start, and in text that
 * lost its sentence breaks, "ESPNcricinfo But Stewart" in the middle.
 */
function afterOpeners(text: string, start: number, end: number): number {
  let position = start;
  let leading = true;
  // The runs of non-space characters (`\S+`: white space is never a surrogate) before the last one.
  for (let from = start; from < end; ) {
    while (from < end && isSpace(text.charCodeAt(from))) from++;
    let after = from;
    while (after < end && !isSpace(text.charCodeAt(after))) after++;
    if (after >= end) break;
    const word = text.slice(from, after);
    const opener: boolean = leading ? word !== 'The' && CLAUSE_OPENERS.has(word) : INNER_BREAKS.has(word);
    if (opener) position = after;
    leading &&= opener;
    from = after;
  }
  return position;
}

/** Skips the titles a tagger left in front of a person's name: "US Secretary of State Antony Blinken". */
function afterTitles(text: string, start: number, end: number): number {
  const words = [...text.slice(start, end).matchAll(NON_SPACE_RUN)];
  let nameStart = -1;
  for (let index = 0; index < words.length - 1; index++) {
    const word = (words[index] as RegExpExecArray)[0];
    if (isTitleWord(word) || isHonorific(word)) nameStart = index + 1;
    else if (word === 'of' && nameStart === index) {
      let next = index + 1;
      while (next < words.length - 1 && OF_DEPARTMENTS.has((words[next] as RegExpExecArray)[0])) next++;
      nameStart = next;
      index = next - 1;
    }
  }
  const first = words[nameStart];
  return nameStart > 0 && first ? start + first.index : start;
}

/** Whether a title with "of" ends right before `start` ("Secretary of "): tried only after the word "of". */
function followsTitleOf(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - NEIGHBOUR_WINDOW), start);
  return wordBefore(window) === 'of' && TITLE_OF_BEFORE.test(window);
}

/** A mention that only completes a title before it: "Secretary of [Defense]", "Minister of [Foreign Affairs]". */
function isTitleComplement(text: string, start: number, end: number): boolean {
  if (!followsTitleOf(text, start)) return false;
  return [...text.slice(start, end).matchAll(NON_SPACE_RUN)].every((word) => OF_DEPARTMENTS.has(word[0]));
}

/**
 * A mention right after "Secretary of" that starts with the rest of the title and ends in a name is that
 * person: "US Secretary of [Defense Lloyd Austin]" -> "Lloyd Austin". Returns the name's start, or `start`.
 */
function afterTitleOf(text: string, start: number, end: number): number {
  if (!followsTitleOf(text, start)) return start;
  const words = [...text.slice(start, end).matchAll(NON_SPACE_RUN)];
  let first = 0;
  while (first < words.length && OF_DEPARTMENTS.has((words[first] as RegExpExecArray)[0])) first++;
  const name = words.slice(first);
  const isName =
    first > 0 && name.length >= 2 && name.length <= 3 && name.every((word) => isCapitalised(word[0]));
  return isName ? start + (name[0] as RegExpExecArray).index : start;
}

export function keyOf(surface: string): string {
  if (!CHANGED_BY_KEY.test(surface)) return surface;
  return straightenApostrophes(surface).replaceAll('.', '').replace(WHITESPACE, ' ');
}

/** "The State Department" is "State Department" when the article also writes it without "The". */
export function dropLeadingThe(mentions: readonly NameMention[]): NameMention[] {
  const keys = new Set(mentions.map((mention) => mention.key));
  // Pushed into an array literal, not mapped, as all the mention arrays (see foldCapitals in entity-types.ts).
  const dropped: NameMention[] = [];
  for (const mention of mentions) {
    const article = CAPITAL_ARTICLE.exec(mention.text);
    const text = article ? mention.text.slice(article[0].length) : '';
    if (!article || !keys.has(keyOf(text))) dropped.push(mention);
    else dropped.push({ ...mention, start: mention.start + article[0].length, text, key: keyOf(text) });
  }
  return dropped;
}
