import type { Sentence } from './tokenize.ts';

/** Named word lists (class -> phrases), stored in the model file. */
export type GazetteerLists = Readonly<Record<string, readonly string[]>>;

/** The list of common lower-case words (from training text), used as a word feature, not as phrases. */
export const COMMON_WORDS = 'common';

/** Phrases keyed by their lowercased tokens joined by spaces, with the classes they belong to. */
export interface Gazetteer {
  readonly phrases: ReadonlyMap<string, readonly string[]>;
  /** Every phrase's leading tokens (joined by spaces), the whole phrase included: where a match may go on. */
  readonly prefixes: ReadonlySet<string>;
  readonly maxTokens: number;
  readonly common: ReadonlySet<string>;
}

const SPACES = /\s+/u;
const CAPITALISED = /^\p{Lu}/u;

/** Builds the phrase index; phrases are matched token by token, case-insensitively. */
export function buildGazetteer(lists: GazetteerLists): Gazetteer {
  const phrases = new Map<string, string[]>();
  const prefixes = new Set<string>();
  let maxTokens = 1;
  for (const [name, entries] of Object.entries(lists)) {
    if (name === COMMON_WORDS) continue;
    for (const entry of entries) {
      const words = entry.toLowerCase().trim().split(SPACES);
      const key = words.join(' ');
      if (key === '') continue;
      maxTokens = Math.max(maxTokens, words.length);
      let prefix = '';
      for (const word of words) {
        prefix = prefix === '' ? word : `${prefix} ${word}`;
        prefixes.add(prefix);
      }
      const classes = phrases.get(key) ?? [];
      if (!classes.includes(name)) classes.push(name);
      phrases.set(key, classes);
    }
  }
  return { phrases, prefixes, maxTokens, common: new Set(lists[COMMON_WORDS] ?? []) };
}

/**
 * Per token, the gazetteer features it carries: `<class>-B` on the first token of a match and `<class>-I`
 * on the others. A match must start and end on a capitalised token (names, not common words), and the
 * longest match at a position wins. A match grows token by token while it is still the start of a phrase.
 */
export function matchGazetteer(gazetteer: Gazetteer, sentence: Sentence, lower: readonly string[]) {
  const marks: string[][] = sentence.map(() => []);
  for (let start = 0; start < sentence.length; start += 1) {
    if (!CAPITALISED.test(sentence[start]?.text ?? '')) continue;
    const limit = Math.min(sentence.length, start + gazetteer.maxTokens);
    let key = '';
    let match: { end: number; classes: readonly string[] } | undefined;
    for (let end = start + 1; end <= limit; end += 1) {
      key = end === start + 1 ? (lower[start] ?? '') : `${key} ${lower[end - 1] ?? ''}`;
      if (!gazetteer.prefixes.has(key)) break;
      const classes = gazetteer.phrases.get(key);
      if (classes && CAPITALISED.test(sentence[end - 1]?.text ?? '')) match = { end, classes };
    }
    if (!match) continue;
    for (let index = start; index < match.end; index += 1) {
      for (const name of match.classes) marks[index]?.push(`${name}-${index === start ? 'B' : 'I'}`);
    }
  }
  return marks;
}
