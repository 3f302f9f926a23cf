/**
 * Capitalised words a tagger takes for names and an editor would not: page furniture ("Ad Feedback"),
 * interjections and capitalised phrases ("Oh", "Wait", "Tell Me"), compass words ("the North"), numbers in words
 * ("Ten" cut from "the Big Ten"), two names of people glued by a hyphen ("Alito-Prelogar"), two names joined by
 * "and" ("Harvard and University of North Carolina", split in two), a legislator's party and state in brackets ("(R-Ohio)"),
 * abbreviations in the plural ("NGOs"), and acronyms the article
 * spells out as terms rather than names ("the ground reaction force (GRF)").
 */
import type { Span } from '../result.ts';
import { keyOf, type NameMention } from './entity-mentions.ts';
import { isOfficeWord } from './entity-offices.ts';
import { opensLineAsWord } from './entity-products.ts';
import { isNumberedLabel } from './entity-references.ts';
import type { KnownNames } from './ner/known-names.ts';

/** Labels of page furniture that reach the text as lines of their own. */
const FURNITURE = new Set(
  [
    'ad feedback',
    'video ad feedback',
    'advertisement',
    'sponsored',
    'ticker',
    'breaking news',
    'breaking news emails',
    'newsletter',
    'newsletters',
    'subscribe',
    'sign up',
    'sign in',
    'log in',
    'read more',
    'see more',
    'more stories',
    'most read',
    'most popular',
    'top stories',
    'trending',
    'related',
    'related articles',
    'related stories',
    'recommended',
    'share',
    'share this',
    'comments',
    'click here',
    'live updates',
    'skip to content',
    'getty images',
    'watch',
    'listen',
    'loading',
    'menu',
    'search',
    'home',
    'cookies',
    'cookie policy',
    'cookie settings',
    'privacy policy',
    'terms of service',
    'terms of use',
    'photo gallery',
    'photos',
    'videos',
  ].map((label) => label),
);
/** Words said rather than names: interjections, answers, sentence adverbs. */
const INTERJECTIONS = new Set(
  (
    'oh ah aha ahh alas hey hi hello wow ouch oops hmm um uh er yes yeah yep no nope ok okay well wait ' +
    'please thanks sorry silence indeed besides strangely interestingly surprisingly unfortunately ' +
    'fortunately meanwhile nevertheless steadily amen bravo goodbye bye'
  ).split(' '),
);
const COMPASS = new Set(['north', 'south', 'east', 'west']);
/** A number in words alone, cut from a name ("the Big [Ten]") or opening a sentence: no name of its own. */
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve twenty hundred thousand million billion'.split(
    ' ',
  ),
);
/** "Ten" of "the Big Ten": a number in words, no name alone. */
export const isNumberWord = (word: string): boolean => NUMBER_WORDS.has(word.toLowerCase());
/** Articles of other languages, left alone when the tagger cut a name after them ("El" of "El Faro"). */
const LONE_ARTICLES = new Set(['El', 'La', 'Le', 'Los', 'Las', 'Les', 'Der', 'Die', 'Das']);
/**
 * Words that stand alone where no name does: family words used as a name ("From: Mom", "did Dad say"), months'
 * and days' abbreviations opening a listing's line ("Jan. 15-18: Boat Show"), the Internet.
 */
const COMMON_NOUNS = new Set(
  (
    'mom mum mommy mummy dad daddy grandma grandpa granny grandmother grandfather mother father auntie ' +
    'internet jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'
  ).split(' '),
);
/**
 * Abbreviations of common nouns, written as the article writes them: a role, a deal, a time zone or a thing
 * ("the CEO", "an IPO", "10 a.m. GMT", "the URL"), never an organisation's name.
 */
const COMMON_ACRONYMS = new Set(
  (
    'CEO CEOs CFO COO CTO IPO IPOs OEM OEMs MSRP URL URLs SEO FAQ FAQs GMT PDT PST EDT CDT CST MDT DNA RNA ' +
    'DVR PC PCs HD LED LCD SMS API APIs B2B IRL DIY ASAP RSVP'
  ).split(' '),
);
/** Months' and days' abbreviations are no names only with their stop ("Jan." but "Jan Showers", "Sun Yat-sen"). */
const NEEDS_STOP = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'.split(' '),
);
/**
 * A legislator's party and state in brackets, "(R-Ohio)", "(D-N.J.)", "(D-Newport News)": a label of the person
 * before it, no mention of the place. The state, or the whole tag, as the tagger cut it, with its brackets.
 */
const PARTY_TAG_OPEN = /(?:\(|\p{Lu}[\p{L}.'’-]*,\s)[RDI]-$/u;
const PARTY_TAG = /^[RDI]-/u;
/** What opens a party tag before it: a bracket, or a legislator's name and a comma ("Ted Cruz, R-Texas,"). */
const TAG_OPENING = /(?:\(|\p{Lu}[\p{L}.'’-]*,\s)$/u;
const TAG_CLOSINGS = new Set([')', ',']);
const PARTY_TAG_WINDOW = 40;
/** One capital and a stop: an initial of a reference list ("Hensing, T., Chawla, A."), never a name alone. */
const LONE_INITIAL = /^\p{Lu}\.?$/u;
const CAPITALISED_BEFORE = /(\p{Lu}[\p{L}’'-]*)[ \t]$/u;
/** Capitalised words before a family word that do not make it part of a name ("The Internet", "My Mom"). */
const DETERMINERS = new Set('The A An My Our Your His Her Their Dear From To And But'.split(' '));
/** A form of address with no name after it ("the former Miss" of "former Miss Universe" cut short). */
const BARE_HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);
/** Forms of address after "my" or "your": "My Lords, thank you", "Your Honour", "His Majesty". */
const ADDRESS_FORMS = new Set([
  'lord',
  'lords',
  'lordship',
  'lady',
  'ladyship',
  'honour',
  'honor',
  'majesty',
  'excellency',
]);
const ADDRESS_BEFORE = /\b(?:my|your|his|her|their)\s+$/iu;
/** Pronouns inside a capitalised phrase make it a title or a slogan, not a name ("Tell Me", "Love You"). */
const PRONOUNS = new Set("Me You We Us Him Her Them My Your Our Their I’m I'm".split(' '));
/** What follows an interjection-like word: a comma, a stop, an ellipsis, a quote. */
const PUNCTUATION_AFTER = /^\s*[,.!?…:;”"’—–]/u;
const ALL_CAPS = /^[^\p{Ll}]+$/u;
const HYPHEN_PAIR = /^(\p{Lu}[\p{L}’']+)-(\p{Lu}[\p{L}’']+)$/u;
const AND_JOIN = /\s+and\s+(?:the\s+)?/u;
/** A quotation mark opening a quotation inside a name: "Premier League 'Ross showed" ran a caption into a quote. */
const QUOTE_JOIN = /\s+['‘](?=\p{Lu})/u;
const WORDS = /\s+/u;
/**
 * An abbreviation in the plural, "NGOs", "GCSEs", "SUVs": things of a kind, no name (neither CoNLL nor GUM marks
 * one as a person, a place or an organisation).
 */
const PLURAL_ABBREVIATION = /^\p{Lu}{2,}s$/u;
/** An acronym as a name: two to six capitals, perhaps a plural "s" ("CFLs"). */
const ACRONYM = /^(\p{Lu}{2,6})s?$/u;
/** Words of an acronym's definition, and the small ones its initials pass over. */
const WORDS_BEFORE = /[\p{L}’']+/gu;
const LETTER_BEFORE = /\p{L}$/u;
const CAPITAL_START = /^\p{Lu}/u;
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'de', 'a']);

/** The keys of the mentions, the last words of multi-word ones, and people's names and surnames. */
/** A plain capitalised word: "Zoo", not "NASA" or "U.S.". */
const PLAIN_WORD = /^\p{Lu}\p{Ll}+$/u;

/** Whether the article writes the word in lower case as a word of its own: "the zoo" beside "Zoo". */
function writtenLower(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  for (let start = text.indexOf(lower); start >= 0; start = text.indexOf(lower, start + 1)) {
    const before = text[start - 1] ?? ' ';
    const after = text[start + lower.length] ?? ' ';
    if (!WORD_LETTER.test(before) && !WORD_LETTER.test(after)) return true;
  }
  return false;
}

const WORD_LETTER = /[\p{L}\p{N}]/u;

function vocabulary(mentions: readonly NameMention[]) {
  const keys = new Set(mentions.map((mention) => mention.key));
  const lastWords = new Set<string>();
  const people = new Set<string>();
  const heads = new Set<string>();
  const personWords = new Set<string>();
  for (const mention of mentions) {
    const lastSpace = mention.key.lastIndexOf(' ');
    const last = mention.key.slice(lastSpace + 1);
    if (lastSpace >= 0) lastWords.add(last);
    if (mention.type === 'person') people.add(last);
    if (lastSpace >= 0 && mention.type !== 'person') heads.add(last);
    if (lastSpace >= 0 && mention.type === 'person')
      for (const word of mention.key.split(' ')) personWords.add(word);
  }
  return { keys, lastWords, people, heads, personWords };
}

/**
 * Splits "A and B" into two mentions when the article also names A and B on their own: "Harvard and
 * University of North Carolina" -> "Harvard", "University of North Carolina". Names that hold an "and"
 * ("Department of Health and Human Services") are kept, since their halves do not stand alone. A name that a
 * quotation mark cuts is split there too (quotedParts).
 */
export function splitJoinedNames(mentions: readonly NameMention[]): NameMention[] {
  const { keys } = vocabulary(mentions);
  // Pushed into an array literal, not flat-mapped (see foldCapitals in entity-types.ts).
  const split: NameMention[] = [];
  for (const mention of mentions) {
    if (QUOTE_JOIN.test(mention.text)) {
      for (const part of quotedParts(mentions, mention)) split.push(part);
      continue;
    }
    const join = AND_JOIN.exec(mention.text);
    const left = join ? mention.text.slice(0, join.index) : '';
    const rightStart = join ? join.index + join[0].length : 0;
    const right = mention.text.slice(rightStart);
    if (!join || !keys.has(keyOf(left)) || !keys.has(keyOf(right))) {
      split.push(mention);
      continue;
    }
    split.push(
      { ...mention, end: mention.start + left.length, text: left, key: keyOf(left) },
      { ...mention, start: mention.start + rightStart, text: right, key: keyOf(right) },
    );
  }
  return split;
}

/**
 * The parts of a name that a quotation mark cuts ("Premier League" and "Ross" of "Premier League 'Ross"), each kept
 * only where the article names it elsewhere, and typed as there: a part the article never names is no name.
 */
function quotedParts(mentions: readonly NameMention[], mention: NameMention): NameMention[] {
  const parts: NameMention[] = [];
  let from = 0;
  for (const piece of mention.text.split(QUOTE_JOIN)) {
    const at = mention.text.indexOf(piece, from);
    from = at + piece.length;
    const key = keyOf(piece);
    const other = mentions.find((candidate) => candidate.key === key && !QUOTE_JOIN.test(candidate.text));
    if (other === undefined) continue;
    const start = mention.start + at;
    parts.push({ ...mention, start, end: start + piece.length, text: piece, key, type: other.type });
  }
  return parts;
}

function isInterjection(text: string, mention: NameMention, known: KnownNames, lastWords: Set<string>) {
  const word = mention.text;
  const lower = word.toLowerCase();
  if (INTERJECTIONS.has(lower)) return true;
  if (ALL_CAPS.test(word) || lastWords.has(mention.key) || known.isPlace(word)) return false;
  // Organisations are often named by common words ("the Fed", "Shell"): only people and places are checked.
  if (mention.type === 'organization') return false;
  return known.isCommonWord(word) && PUNCTUATION_AFTER.test(text.slice(mention.end, mention.end + 3));
}

/**
 * The span of the words an acronym abbreviates where the article defines it, "the ground reaction force
 * (GRF)", "ROS [reactive oxygen species]": the last (or first) words whose initials spell it, small words
 * such as "of" passed over.
 */
function definitionOf(text: string, acronym: string): Span | undefined {
  const before = text.indexOf(`(${acronym})`);
  if (before >= 0) {
    const words = [...text.slice(Math.max(0, before - 160), before).matchAll(WORDS_BEFORE)];
    const offset = Math.max(0, before - 160);
    const spelled = words.filter((word) => !SMALL_WORDS.has(word[0].toLowerCase())).slice(-acronym.length);
    const first = spelled[0];
    if (spelled.length === acronym.length && first && initials(spelled) === acronym)
      return { start: offset + (first.index ?? 0), end: before };
  }
  const after = definitionAfter(text, acronym);
  if (after >= 0) {
    const words = [...text.slice(after, after + 160).matchAll(WORDS_BEFORE)];
    const spelled = words.filter((word) => !SMALL_WORDS.has(word[0].toLowerCase())).slice(0, acronym.length);
    const last = spelled.at(-1);
    if (spelled.length === acronym.length && last && initials(spelled) === acronym)
      return { start: after, end: after + (last.index ?? 0) + last[0].length };
  }
  return undefined;
}

/** Where the words in brackets after the acronym start, "ROS [Reactive Oxygen Species]", or -1. */
function definitionAfter(text: string, acronym: string): number {
  for (const open of ['(', '[']) {
    const at = text.indexOf(`${acronym} ${open}`);
    if (at >= 0 && !LETTER_BEFORE.test(text.slice(Math.max(0, at - 1), at))) return at + acronym.length + 2;
  }
  return -1;
}

function initials(words: readonly RegExpMatchArray[]): string {
  return words.map((word) => word[0][0]?.toUpperCase()).join('');
}

/**
 * Whether an acronym names a term of the field rather than an organisation: the article spells it out in
 * lower-case words, "the ground reaction force (GRF)", "ROS [reactive oxygen species]". A definition in
 * capitals may be a name the tagger missed ("the Alliance to Reclaim Our Schools (AROS)"): it stays.
 */
function abbreviatesTerm(text: string, acronym: string): boolean {
  const definition = definitionOf(text, acronym);
  if (definition === undefined) return false;
  const words = text.slice(definition.start, definition.end).match(WORDS_BEFORE) ?? [];
  return words.every((word) => !CAPITAL_START.test(word));
}

/**
 * A state in a legislator's party tag, "(R-Ohio)" or, set off by commas after the name, "Ted Cruz, R-Texas,", or the
 * tag as a whole (see PARTY_TAG); also for a name the search for later mentions finds there.
 */
export function inPartyTag(text: string, span: Span, spanText: string): boolean {
  if (!TAG_CLOSINGS.has(text[span.end] ?? '')) return false;
  const before = text.slice(Math.max(0, span.start - PARTY_TAG_WINDOW), span.start);
  if (PARTY_TAG.test(spanText)) return TAG_OPENING.test(before);
  return PARTY_TAG_OPEN.test(before);
}

/** Keeps the mentions that are names (see the module comment). */
export function dropNonNames(
  text: string,
  mentions: readonly NameMention[],
  known: KnownNames,
): NameMention[] {
  const { lastWords, people, heads, personWords } = vocabulary(mentions);
  const terms = new Map<string, boolean>();
  const isTerm = (acronym: string) => {
    if (!terms.has(acronym)) terms.set(acronym, abbreviatesTerm(text, acronym));
    return terms.get(acronym) === true;
  };
  const isName = (mention: NameMention): boolean => {
    const lower = mention.key.toLowerCase();
    if (FURNITURE.has(lower) || COMMON_ACRONYMS.has(mention.key) || isNumberedLabel(text, mention))
      return false;
    if (inPartyTag(text, mention, mention.text) || PLURAL_ABBREVIATION.test(mention.key)) return false;
    const acronym = ACRONYM.exec(mention.key)?.[1];
    if (acronym !== undefined && isTerm(acronym)) return false;
    const words = mention.text.split(WORDS);
    if (words.length > 1) return !words.some((word) => PRONOUNS.has(word));
    if (COMPASS.has(lower) || BARE_HONORIFICS.has(lower) || LONE_ARTICLES.has(mention.key)) return false;
    if (NUMBER_WORDS.has(lower) && mention.type !== 'other') return false;
    if (opensLineAsWord(text, mention, known)) return false;
    if (isOfficeWord(text, mention, personWords)) return false;
    // "Zoo visitor Ann Lee" beside "Brannock Zoo": the name's common noun alone, no person.
    if (mention.type === 'person' && heads.has(mention.key) && !personWords.has(mention.key)) {
      if (
        PLAIN_WORD.test(mention.key) &&
        (known.isCommonWord(mention.key) || writtenLower(text, mention.key))
      )
        return false;
    }
    const stopped = mention.text.endsWith('.') || text[mention.end] === '.';
    if (stopped && LONE_INITIAL.test(mention.text)) return false;
    // "the Queen Mother", "Big Daddy": a name's last word, kept.
    const before = CAPITALISED_BEFORE.exec(text.slice(Math.max(0, mention.start - 20), mention.start));
    const named = before !== null && !DETERMINERS.has(before[1] as string);
    if (COMMON_NOUNS.has(lower) && !named && (stopped || !NEEDS_STOP.has(lower))) return false;
    if (
      ADDRESS_FORMS.has(lower) &&
      ADDRESS_BEFORE.test(text.slice(Math.max(0, mention.start - 8), mention.start))
    )
      return false;
    if (isInterjection(text, mention, known, lastWords)) return false;
    const pair = HYPHEN_PAIR.exec(mention.text);
    // Two people's surnames ("Alito-Prelogar moments"); "UWP-Hachette" or "Daimler-Benz" stay.
    return !(pair && people.has(pair[1] as string) && people.has(pair[2] as string));
  };
  // Pushed into an array literal, not filtered, as all the mention arrays (see foldCapitals in entity-types.ts).
  const names: NameMention[] = [];
  for (const mention of mentions) if (isName(mention)) names.push(mention);
  return names;
}
