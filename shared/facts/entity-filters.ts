/**
 * Capitalised words a tagger takes for names and an editor would not: page furniture ("Ad Feedback"),
 * interjections and capitalised phrases ("Oh", "Wait", "Tell Me"), compass words ("the North"), two names
 * of people glued by a hyphen ("Alito-Prelogar"), and two names joined by "and" ("Harvard and University of North
 * Carolina", split in two).
 */
import { keyOf, type NameMention } from './entity-mentions.ts';
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
/** Pronouns inside a capitalised phrase make it a title or a slogan, not a name ("Tell Me", "Love You"). */
const PRONOUNS = new Set("Me You We Us Him Her Them My Your Our Their I’m I'm".split(' '));
/** What follows an interjection-like word: a comma, a stop, an ellipsis, a quote. */
const PUNCTUATION_AFTER = /^\s*[,.!?…:;”"’—–]/u;
const ALL_CAPS = /^[^\p{Ll}]+$/u;
const HYPHEN_PAIR = /^(\p{Lu}[\p{L}’']+)-(\p{Lu}[\p{L}’']+)$/u;
const AND_JOIN = /\s+and\s+(?:the\s+)?/u;
const WORDS = /\s+/u;

/** The keys of the mentions, the last words of multi-word ones, and people's names and surnames. */
function vocabulary(mentions: readonly NameMention[]) {
  const keys = new Set(mentions.map((mention) => mention.key));
  const lastWords = new Set<string>();
  const people = new Set<string>();
  for (const mention of mentions) {
    const words = mention.key.split(' ');
    const last = words.at(-1) as string;
    if (words.length > 1) lastWords.add(last);
    if (mention.type === 'person') people.add(last);
  }
  return { keys, lastWords, people };
}

/**
 * Splits "A and B" into two mentions when the article also names A and B on their own: "Harvard and
 * University of North Carolina" -> "Harvard", "University of North Carolina". Names that hold an "and"
 * ("Department of Health and Human Services") are kept, since their halves do not stand alone.
 */
export function splitJoinedNames(mentions: readonly NameMention[]): NameMention[] {
  const { keys } = vocabulary(mentions);
  return mentions.flatMap((mention) => {
    const join = AND_JOIN.exec(mention.text);
    if (!join) return [mention];
    const left = mention.text.slice(0, join.index);
    const rightStart = join.index + join[0].length;
    const right = mention.text.slice(rightStart);
    if (!keys.has(keyOf(left)) || !keys.has(keyOf(right))) return [mention];
    const start = mention.start + rightStart;
    return [
      { ...mention, end: mention.start + left.length, text: left, key: keyOf(left) },
      { ...mention, start, text: right, key: keyOf(right) },
    ];
  });
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

/** Keeps the mentions that are names (see the module comment). */
export function dropNonNames(
  text: string,
  mentions: readonly NameMention[],
  known: KnownNames,
): NameMention[] {
  const { lastWords, people } = vocabulary(mentions);
  return mentions.filter((mention) => {
    const lower = mention.key.toLowerCase();
    if (FURNITURE.has(lower)) return false;
    const words = mention.text.split(WORDS);
    if (words.length > 1) return !words.some((word) => PRONOUNS.has(word));
    if (COMPASS.has(lower)) return false;
    if (isInterjection(text, mention, known, lastWords)) return false;
    const pair = HYPHEN_PAIR.exec(mention.text);
    // Two people's surnames ("Alito-Prelogar moments"); "UWP-Hachette" or "Daimler-Benz" stay.
    return !(pair && people.has(pair[1] as string) && people.has(pair[2] as string));
  });
}
