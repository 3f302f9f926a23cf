import type { Sentence } from '../sentences/split-sentences.ts';
import { startsLowercase, startsUppercase, startsWithLetter } from './first-letter.ts';
import { isAdjective, isDemonym, singular } from './plural.ts';
import { phraseTokens } from './tokens.ts';
import {
  canBeVerb,
  followsPerceptionVerb,
  isAdverb,
  isVerbLikeNoun,
  readsAsVerb,
  tagOf,
} from './word-classes.ts';

/**
 * Key phrases, the tags a person would give the article, RAKE/YAKE-class: candidate phrases are runs of
 * content words between stopwords and punctuation (names as runs of capitalised words, `of` allowed inside:
 * `Bank of England`; `New` starts one: `New Zealand`); each is keyed by its lemma (lowercase, plurals folded
 * by plural.ts), scored by frequency, earliness, being a name and length, then deduplicated so no phrase
 * repeats or contains another. Names and phrases of two or more words only: a bare common noun (`official`,
 * `people`), a nationality (`Chinese`, `North American`), a month or a title alone is no key phrase.
 */

export const DEFAULT_KEY_PHRASES = 8;
const MAX_PHRASE_WORDS = 4;
/** Mentions a common phrase or a one-word name needs. */
const MIN_PHRASE_COUNT = 2;

const STOPWORDS = new Set(
  (
    'a about above across after again against ago ahead all almost along already also although always am among an ' +
    'and another any anyone anything are around as at away back be became because become been before being below ' +
    'between both but by can cannot could did do does doing done down during each either else enough even ever ' +
    'every few for from further get gets getting give given go goes going gone got had has have having he her here ' +
    'hers herself him himself his how however i if in including into is it its itself just last later least less ' +
    'let like made make makes making many may me might more most much must my myself near need never new next no ' +
    'nor not nothing now of off often on once one only onto or other others our ours out over own past per perhaps ' +
    'put rather really said same say saying says see seen she should since so some something still such take taken ' +
    'than that the their theirs them themselves then there these they this those though through thus to told too ' +
    'took toward towards under until up upon us use used very via was way we well went were what whatever when ' +
    'where whether which while who whole whom whose why will with within without would yet you your yours ' +
    'yesterday today tomorrow monday tuesday wednesday thursday friday saturday sunday week weeks year years ' +
    'time times day days month months mr mrs ms dr added asked claimed explained insisted revealed admitted ' +
    'according believe believed think thought want wanted came come comes know known seemed seems look looked ' +
    'two three four five six seven eight nine ten first second third old lot lots thing things part ' +
    'despite although unless whereas meanwhile moreover instead indeed'
  ).split(' '),
);
const LONGEST_STOPWORD = Math.max(...[...STOPWORDS].map((word) => word.length));
/** Titles that lead a name (`Mayor Anna Lindqvist`): the name is what follows the last of them. */
const TITLES = new Set(
  (
    'mr mrs ms miss dr prof sir dame lord lady king queen prince princess president vice prime minister mayor ' +
    'senator governor gov sen rep secretary chancellor general gen captain capt coach manager judge justice ' +
    'officer detective sergeant inspector chief actress actor singer star rapper director boss chairman ' +
    'pope bishop father sister brother uncle aunt'
  ).split(' '),
);
/** Words kept inside a name: `Bank of England`, `Duchess of Cambridge`. */
const NAME_JOINERS = new Set(['of', 'de', 'la', 'del', 'von', 'van', 'der', 'du', 'da']);
const POSSESSIVE = /['\u2019]s?$/;
const CONTRACTION = /['\u2019](?:ve|re|ll|d|m|t)$/i;
const MONTHS = new Set(
  'january february march april may june july august september october november december'.split(' '),
);
/** `New` is a stopword, but starts a name when a capitalised word follows: `New Zealand`, `New York`. */
const NAME_START = 'New';
const APOSTROPHES = /\u2019/g;
const DETERMINER_TAGS = new Set(['Determiner', 'Possessive']);
const COMPASS = /^(?:north|south|east|west|central|upper|lower|greater)(?:east|west|ern)?$/;

interface Phrase {
  readonly key: string;
  readonly surface: string;
  readonly isName: boolean;
  readonly words: number;
  /** Mentions: counted, like midSentence, as collectPhrases reads the text. */
  count: number;
  readonly first: number;
  /** Seen somewhere other than at the start of a sentence, where every word is capitalised. */
  midSentence: boolean;
  /** A one-word name that is a common word (`Police`; isCommonWord). */
  readonly common: boolean;
}

/**
 * A name without its leading titles and their complements (`Secretary of State Antony Blinken` -> `Antony
 * Blinken`), when at least two words remain.
 */
function withoutTitles(words: readonly string[]): readonly string[] {
  let from = 0;
  for (let index = 0; index < words.length; index++) {
    if (TITLES.has((words[index] as string).toLowerCase())) from = index + 1;
  }
  while (from > 0 && NAME_JOINERS.has(words[from] ?? '')) from += 2;
  return words.length - from >= 2 ? words.slice(from) : words;
}

/** The comparison key: lowercase, every word singular, so `river bridges project` meets `river bridge`. */
function keyOf(surface: string): string {
  return surface.toLowerCase().replace(APOSTROPHES, "'").split(' ').map(singular).join(' ');
}

/** A name as written; common words in lower case, the last one singular: `river bridges` -> `river bridge`. */
function lemmaOf(words: readonly string[], isName: boolean): string {
  if (isName) return words.join(' ');
  const head = words.length - 1;
  let lemma = '';
  for (let index = 0; index < head; index++) lemma += `${(words[index] as string).toLowerCase()} `;
  return lemma + singular((words[head] as string).toLowerCase());
}

/**
 * The token at `index`, or undefined outside the list: reading past either end of an array (`tokens[-1]`)
 * makes V8 throw away the code it optimised for reads within it (`out of bounds`, bench:deopts).
 */
const tokenAt = (tokens: readonly string[], index: number): string | undefined =>
  index >= 0 && index < tokens.length ? tokens[index] : undefined;

/**
 * Only a token with an apostrophe can be a possessive or a contraction: the regular expressions need not look.
 * (One loop over the character codes: this runs for every token of the article.)
 */
function hasApostrophe(token: string): boolean {
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    if (code === 39 || code === 0x2019) return true;
  }
  return false;
}

/**
 * A word that can be part of a key phrase: three letters or more (two if capitalised), no stopword, no
 * contraction. runsOf tells what it knows already: whether the word starts with a capital letter and whether it
 * has an apostrophe.
 */
function isContent(word: string, capitalised: boolean, apostrophe: boolean): boolean {
  return (
    word.length >= (capitalised ? 2 : 3) &&
    !(word.length <= LONGEST_STOPWORD && STOPWORDS.has(word.toLowerCase())) &&
    !(apostrophe && CONTRACTION.test(word))
  );
}

interface Run {
  readonly words: string[];
  /** Each word's index in the sentence's tokens. */
  readonly at: number[];
  readonly isName: boolean;
  readonly atStart: boolean;
}

/** The run being read, while runsOf reads a sentence. */
interface RunReading {
  readonly runs: Run[];
  words: string[];
  at: number[];
  isName: boolean;
  atStart: boolean;
}

/**
 * Ends the run being read: without the name joiners it ends on (`Bank of`), it joins the runs when it is a name
 * or two or more common words. An empty run keeps its arrays: most tokens end a run that never began. (A function
 * rather than a closure in runsOf: the bundle's keepNames makes closures costly to create.)
 */
function endRun(reading: RunReading): void {
  const { words, at } = reading;
  if (words.length === 0) return;
  while (words.length > 0 && NAME_JOINERS.has(words[words.length - 1] as string)) {
    words.pop();
    at.pop();
  }
  // One common word is never a key phrase: only names and longer runs are kept (and read for verbs).
  if (words.length > (reading.isName ? 0 : 1)) {
    reading.runs.push({ words, at, isName: reading.isName, atStart: reading.atStart });
    reading.words = [];
    reading.at = [];
  } else {
    words.length = 0;
    at.length = 0;
  }
}

/**
 * Runs of content words in one sentence. Capitalised runs are names, except that a capitalised first word the
 * text also uses in lower case (`Actress`, `Despite`) is an ordinary word. A possessive ends its run.
 */
function runsOf(tokens: readonly string[], lowercaseWords: ReadonlySet<string>): Run[] {
  const reading: RunReading = { runs: [], words: [], at: [], isName: false, atStart: false };
  let seenWord = false;
  for (let index = 0; index < tokens.length; index++) {
    const raw = tokens[index] as string;
    const apostrophe = hasApostrophe(raw);
    const isPossessive = apostrophe && POSSESSIVE.test(raw) && !CONTRACTION.test(raw);
    const token = apostrophe ? raw.replace(POSSESSIVE, '') : raw;
    const isWord = startsWithLetter(token);
    const capitalised = isWord && startsUppercase(token);
    const isFirstWord = !seenWord && isWord;
    if (isWord) seenWord = true;
    if (reading.isName && reading.words.length > 0 && NAME_JOINERS.has(token)) {
      reading.words.push(token);
      reading.at.push(index);
      continue;
    }
    if (token === NAME_START && startsUppercase(tokenAt(tokens, index + 1) ?? '')) {
      if (!reading.isName) endRun(reading);
      if (reading.words.length === 0) reading.atStart = isFirstWord;
      reading.isName = true;
      reading.words.push(token);
      reading.at.push(index);
      continue;
    }
    if (!(isWord && isContent(token, capitalised, apostrophe && hasApostrophe(token)))) {
      endRun(reading);
      continue;
    }
    const nameWord = capitalised && !(isFirstWord && lowercaseWords.has(token.toLowerCase()));
    if (reading.words.length > 0 && nameWord !== reading.isName) endRun(reading);
    if (reading.words.length === 0) {
      reading.isName = nameWord;
      reading.atStart = isFirstWord;
    }
    reading.words.push(token);
    reading.at.push(index);
    if (isPossessive) endRun(reading);
  }
  endRun(reading);
  const phrases: Run[] = [];
  for (const run of reading.runs) {
    if (run.isName) phrases.push(run);
    else phrases.push(...nounPhrasesOf(run, tokens));
  }
  return phrases;
}

/**
 * The noun phrases in a run of common words: split where a word reads as a verb or is an adverb (`divorcees who
 * stop work` gives `work`; `heard the child scream` gives `child`), then trimmed of verb forms at either end.
 */
function nounPhrasesOf(run: Run, tokens: readonly string[]): Run[] {
  const pieces: Run[] = [];
  let words: string[] = [];
  let at: number[] = [];
  const afterPerceptionVerb = followsPerceptionVerb(tokens, run.at[0] as number);
  for (let position = 0; position < run.words.length; position++) {
    const word = run.words[position] as string;
    const index = run.at[position] as number;
    const verbal =
      isAdverb(word) ||
      (canBeVerb(word.toLowerCase()) &&
        readsAsVerb(word, {
          previous: previousWordOf(tokens, index),
          next: tokenAt(tokens, index + 1),
          afterContentWord: position > 0,
          afterPerceptionVerb,
        }));
    if (verbal) {
      // Trimming only shortens a piece: one word before it is none after.
      if (words.length > 1) addNounPhrase(pieces, run, trimVerbLike(words, at, tokens));
      if (words.length > 0) {
        words = [];
        at = [];
      }
    } else {
      words.push(word);
      at.push(index);
    }
  }
  if (words.length > 1) addNounPhrase(pieces, run, trimVerbLike(words, at, tokens));
  return pieces;
}

/** A piece of `run` of two or more words joins the pieces; only the first piece can be at the sentence start. */
function addNounPhrase(pieces: Run[], run: Run, piece: { words: string[]; at: number[] }): void {
  if (piece.words.length > 1) {
    const { words, at } = piece;
    pieces.push({ words, at, isName: run.isName, atStart: run.atStart && pieces.length === 0 });
  }
}

/** Every word the text writes in lower case at least once. */
function lowercaseVocabulary(tokenLists: readonly (readonly string[])[]): Set<string> {
  const words = new Set<string>();
  for (const tokens of tokenLists) {
    for (const token of tokens) if (startsLowercase(token)) words.add(token);
  }
  return words;
}

/** `to` of `according to`, `due to`, `next to` is a preposition: no sign that a verb follows. */
const PREPOSITIONAL_TO = new Set([
  'according',
  'due',
  'next',
  'close',
  'thanks',
  'prior',
  'compared',
  'owing',
]);

/** The token before `index`, or undefined for a `to` that is a preposition (`according to court documents`). */
function previousWordOf(tokens: readonly string[], index: number): string | undefined {
  const previous = tokenAt(tokens, index - 1);
  if (
    previous?.toLowerCase() === 'to' &&
    PREPOSITIONAL_TO.has(tokenAt(tokens, index - 2)?.toLowerCase() ?? '')
  ) {
    return undefined;
  }
  return previous;
}

/**
 * Without the verb forms and adverbs by ending at either end (`playing loud music`, `charged`). A noun that
 * ends so stays at the end (`cabinet meeting`) and at the start after a determiner (`the building site`). The
 * arrays themselves when nothing is trimmed (nounPhrasesOf starts new ones after each piece).
 */
function trimVerbLike(
  words: string[],
  at: number[],
  tokens: readonly string[],
): { words: string[]; at: number[] } {
  let from = 0;
  let to = words.length;
  while (
    from < to &&
    isVerbLike(words[from] as string) &&
    !isNounAfterDeterminer(words[from] as string, at[from] as number, tokens)
  )
    from++;
  while (to > from && isVerbLike(words[to - 1] as string) && !isVerbLikeNoun(words[to - 1] as string)) to--;
  if (from === 0 && to === words.length) return { words, at };
  return { words: words.slice(from, to), at: at.slice(from, to) };
}

/** A verb form by its ending (`-ed`, `-ing`, any case) or an adverb. */
function isVerbLike(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.endsWith('ed') || lower.endsWith('ing') || isAdverb(word);
}

/** A noun that ends like a verb form, after a determiner: `the building site`. */
function isNounAfterDeterminer(word: string, index: number, tokens: readonly string[]): boolean {
  return isVerbLikeNoun(word) && DETERMINER_TAGS.has(tagOf(tokenAt(tokens, index - 1)) ?? '');
}

function collectPhrases(sentences: readonly Sentence[]): Map<string, Phrase> {
  const phrases = new Map<string, Phrase>();
  const tokenLists = sentences.map((sentence) => phraseTokens(sentence.text));
  const lowercaseWords = lowercaseVocabulary(tokenLists);
  // An article repeats its phrases: each surface form's key is worked out once.
  const keys = new Map<string, string>();
  tokenLists.forEach((tokens, index) => {
    for (const run of runsOf(tokens, lowercaseWords)) {
      const words = run.isName ? withoutTitles(run.words) : run.words;
      if (words.length === 0 || words.length > MAX_PHRASE_WORDS) continue;
      const surface = lemmaOf(words, run.isName);
      let key = keys.get(surface);
      if (key === undefined) {
        key = keyOf(surface);
        keys.set(surface, key);
      }
      const known = phrases.get(key);
      const midSentence = !run.atStart;
      if (known === undefined) {
        phrases.set(key, {
          key,
          surface,
          isName: run.isName,
          words: words.length,
          count: 1,
          first: index,
          midSentence,
          common: run.isName && words.length === 1 && isCommonWord(surface, lowercaseWords),
        });
      } else {
        known.count += 1;
        known.midSentence ||= midSentence;
      }
    }
  });
  return withoutGluedWords(phrases);
}

/**
 * A capitalised word that is no name: the text also writes it in lower case (`Reports`, `reports`), or
 * compromise knows it as a verb (`Push`, `Fall`, `Clouds`). Team nicknames such as `Spurs` go with them.
 */
function isCommonWord(word: string, lowercaseWords: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  return lowercaseWords.has(lower) || canBeVerb(lower);
}

/**
 * A name seen once that opens on an adjective or an adverb, and whose rest is a name of its own, is that word
 * glued to the name (a caption's `Maverick Tottenham striker`, a lost sentence start `Certainly McHenry
 * should`): it counts as the rest (`Tottenham`, `McHenry`). Months are left alone (`June Shannon`).
 */
function withoutGluedWords(phrases: Map<string, Phrase>): Map<string, Phrase> {
  for (const phrase of [...phrases.values()]) {
    if (!phrase.isName || phrase.words < 2 || phrase.count > 1) continue;
    const [first = '', ...rest] = phrase.surface.split(' ');
    const lower = first.toLowerCase();
    if (!(isAdjective(lower) || isAdverb(lower))) continue;
    const host = phrases.get(keyOf(rest.join(' ')));
    if (host === undefined || !host.isName) continue;
    phrases.delete(phrase.key);
    phrases.set(host.key, {
      ...host,
      count: host.count + 1,
      first: Math.min(host.first, phrase.first),
      midSentence: host.midSentence || phrase.midSentence,
    });
  }
  return phrases;
}

/**
 * A one-word name (`Kunis`, `Xi`) folds into the most frequent longer name it starts or ends (`Mila Kunis`, `Xi
 * Jinping`): a short form into the full name. Places do not fold into names that merely contain them
 * (`Republic of China`, `South China Sea`, `Northeast Washington`).
 */
function foldShortNames(phrases: ReadonlyMap<string, Phrase>): Phrase[] {
  const all = [...phrases.values()];
  const longNames = all.filter((phrase) => phrase.isName && phrase.words > 1);
  const folded = new Map(longNames.map((phrase) => [phrase.key, phrase]));
  const hosts = mostFrequentByWord(longNames);
  const result: Phrase[] = [];
  for (const phrase of all) {
    if (phrase.isName && phrase.words > 1) continue;
    const host = phrase.isName ? hosts.get(phrase.key) : undefined;
    if (host === undefined) {
      result.push(phrase);
      continue;
    }
    const current = folded.get(host.key) ?? host;
    folded.set(host.key, {
      ...current,
      count: current.count + phrase.count,
      first: Math.min(current.first, phrase.first),
    });
  }
  return [...result, ...folded.values()];
}

/** For each first or last word of the names, the most frequent name starting or ending on it (earliest on a tie). */
function mostFrequentByWord(names: readonly Phrase[]): Map<string, Phrase> {
  const hosts = new Map<string, Phrase>();
  for (const name of names) {
    const words = name.key.split(' ');
    if (words.some((word) => NAME_JOINERS.has(word) || COMPASS.test(word))) continue;
    for (const end of new Set([words[0] ?? '', words[words.length - 1] ?? ''])) {
      const best = hosts.get(end);
      if (best === undefined || name.count > best.count) hosts.set(end, name);
    }
  }
  return hosts;
}

/** Names of two or more words count from one mention; one-word names and common phrases must repeat. */
function isRepeatedEnough(phrase: Phrase): boolean {
  return (phrase.isName && phrase.words > 1) || phrase.count >= MIN_PHRASE_COUNT;
}

/**
 * What a person would not tag an article with: a bare common noun (`official`, or `Police` where the text also
 * writes `police`), words that end on an adjective (`video public`), an adjective and one noun (`late actor`), a
 * nationality (`Chinese`, `North
 * American`), a month, or a title alone (`Vice President`).
 */
function isTag(phrase: Phrase): boolean {
  const words = phrase.key.split(' ');
  if (!phrase.isName) {
    // An adjective and one noun describes rather than tags (`late actor`, `stable condition`).
    const description = words.length === 2 && isAdjective(words[0] ?? '');
    return words.length > 1 && !description && !isAdjective(words[words.length - 1] ?? '');
  }
  // A lone capitalised word seen only at sentence starts (`Researchers`, `Apart`) is an ordinary word.
  if (words.length === 1 && (!phrase.midSentence || phrase.common)) return false;
  if (isDemonym(words[words.length - 1] ?? '')) return false;
  if (words.length === 1 && MONTHS.has(phrase.key)) return false;
  return !words.every((word) => TITLES.has(word));
}

function scoreOf(phrase: Phrase, sentenceCount: number): number {
  const earliness = 1 + (1 - phrase.first / Math.max(1, sentenceCount));
  const kind = phrase.isName ? 1.5 : 1;
  const length = 1 + 0.3 * (phrase.words - 1);
  return phrase.count * earliness * kind * length;
}

function containsWords(longer: string, shorter: string): boolean {
  return ` ${longer} `.includes(` ${shorter} `);
}

/** The top `limit` key phrases of the text's sentences, best first, with no phrase repeating another. */
export function extractKeyPhrases(sentences: readonly Sentence[], limit = DEFAULT_KEY_PHRASES): string[] {
  const phrases = foldShortNames(collectPhrases(sentences)).filter(isTag);
  const ranked = phrases
    .map((phrase) => ({ phrase, score: scoreOf(phrase, sentences.length) }))
    .sort((a, b) => b.score - a.score || a.phrase.first - b.phrase.first);
  const chosen: Phrase[] = [];
  for (const { phrase } of ranked.filter((entry) => isRepeatedEnough(entry.phrase))) {
    if (chosen.length >= limit) break;
    const repeats = chosen.some(
      (other) => containsWords(other.key, phrase.key) || containsWords(phrase.key, other.key),
    );
    if (!repeats) chosen.push(phrase);
  }
  return chosen.map((phrase) => phrase.surface);
}
