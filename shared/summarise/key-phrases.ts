import { isDemonym } from '../lexicon/nationalities.ts';
import type { Sentence } from '../sentences/split-sentences.ts';
import { nounPhrasesOf } from './noun-phrases.ts';
import { contentRuns, lowercaseVocabulary, NAME_JOINERS, type Run } from './phrase-runs.ts';
import { isAdjective, singular } from './plural.ts';
import { phraseTokens } from './tokens.ts';
import { canBeVerb, isAdverb } from './word-classes.ts';

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

/** Titles that lead a name (`Mayor Anna Lindqvist`): the name is what follows the last of them. */
const TITLES = new Set(
  (
    'mr mrs ms miss dr prof sir dame lord lady king queen prince princess president vice prime minister mayor ' +
    'senator governor gov sen rep secretary chancellor general gen captain capt coach manager judge justice ' +
    'officer detective sergeant inspector chief actress actor singer star rapper director boss chairman ' +
    'pope bishop father sister brother uncle aunt'
  ).split(' '),
);
const MONTHS = new Set(
  'january february march april may june july august september october november december'.split(' '),
);
const APOSTROPHES = /\u2019/g;
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

/** A sentence's candidates: its names, and the noun phrases of its runs of common words. */
function candidatesOf(tokens: readonly string[], lowercaseWords: ReadonlySet<string>): Run[] {
  const phrases: Run[] = [];
  for (const run of contentRuns(tokens, lowercaseWords)) {
    if (run.isName) phrases.push(run);
    else phrases.push(...nounPhrasesOf(run, tokens));
  }
  return phrases;
}

function collectPhrases(sentences: readonly Sentence[]): Map<string, Phrase> {
  const phrases = new Map<string, Phrase>();
  const tokenLists = sentences.map((sentence) => phraseTokens(sentence.text));
  const lowercaseWords = lowercaseVocabulary(tokenLists);
  // An article repeats its phrases: each surface form's key is worked out once.
  const keys = new Map<string, string>();
  tokenLists.forEach((tokens, index) => {
    for (const run of candidatesOf(tokens, lowercaseWords)) {
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
