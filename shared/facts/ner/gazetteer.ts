import type { IdArray } from './id-array.ts';
import { buildStringTable, type StringSet, type StringTable, stringId, stringSet } from './string-table.ts';

/** Named word lists (class -> phrases), stored in the model file. */
export type GazetteerLists = Readonly<Record<string, readonly string[]>>;

/** The list of common lower-case words (from training text), used as a word feature, not as phrases. */
export const COMMON_WORDS = 'common';

/** Phrases keyed by their lowercased tokens joined by spaces, with the classes they belong to. */
export interface Gazetteer {
  readonly phrases: { get(key: string): readonly string[] | undefined };
  /** Every phrase's leading tokens (joined by spaces), the whole phrase included: where a match may go on. */
  readonly prefixes: StringSet;
  readonly maxTokens: number;
  readonly common: StringSet;
}

/**
 * The gazetteer as the model file stores it, in typed arrays (string-table.ts): phrase `p` belongs to classes
 * `classIds[classStarts[p] .. classStarts[p + 1]]` of `classNames`.
 */
export interface StoredGazetteer {
  readonly phrases: StringTable;
  readonly classStarts: Int32Array;
  readonly classIds: IdArray;
  readonly classNames: readonly string[];
  readonly prefixes: StringTable;
  readonly common: StringTable;
  readonly maxTokens: number;
}

const SPACES = /\s+/u;
const NO_MARKS: readonly string[] = Object.freeze([]);

/** Compiles word lists into the stored form; phrases are matched token by token, case-insensitively. */
export function compileGazetteer(lists: GazetteerLists): StoredGazetteer {
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
  const classNames = Object.keys(lists).filter((name) => name !== COMMON_WORDS);
  const classStarts = new Int32Array(phrases.size + 1);
  const classIds: number[] = [];
  [...phrases.values()].forEach((classes, phrase) => {
    for (const name of classes) classIds.push(classNames.indexOf(name));
    classStarts[phrase + 1] = classIds.length;
  });
  return {
    phrases: buildStringTable([...phrases.keys()]),
    classStarts,
    classIds: Int32Array.from(classIds),
    classNames,
    prefixes: buildStringTable([...prefixes]),
    common: buildStringTable([...new Set(lists[COMMON_WORDS] ?? [])]),
    maxTokens,
  };
}

/** The gazetteer of its stored form: lookups straight on the typed arrays. */
export function gazetteerOf(stored: StoredGazetteer): Gazetteer {
  const { classStarts, classIds, classNames } = stored;
  // The class lists of the phrases met so far (at most one per phrase of the file).
  const met = new Map<number, readonly string[]>();
  return {
    phrases: {
      get: (key) => {
        const phrase = stringId(stored.phrases, key);
        if (phrase < 0) return undefined;
        let classes = met.get(phrase);
        if (classes === undefined) {
          const ids = classIds.subarray(classStarts[phrase], classStarts[phrase + 1]);
          classes = Array.from(ids, (id) => classNames[id] ?? '');
          met.set(phrase, classes);
        }
        return classes;
      },
    },
    prefixes: stringSet(stored.prefixes),
    maxTokens: stored.maxTokens,
    common: stringSet(stored.common),
  };
}

/** Builds the phrase index of word lists (training, tests). */
export const buildGazetteer = (lists: GazetteerLists): Gazetteer => gazetteerOf(compileGazetteer(lists));

/** `<class>-B` and `<class>-I` by class name, built once per class rather than per token. */
const marksByClass = new Map<string, readonly [string, string]>();

function markOf(name: string, first: boolean): string {
  let marks = marksByClass.get(name);
  if (marks === undefined) {
    marks = [`${name}-B`, `${name}-I`];
    marksByClass.set(name, marks);
  }
  return marks[first ? 0 : 1];
}

/** What matching a token against the gazetteer reads: its lowercased word, whether it starts with a capital. */
export interface GazetteerToken {
  readonly lower: string;
  readonly capitalised: boolean;
}

/**
 * Per token, the gazetteer features it carries: `<class>-B` on the first token of a match and `<class>-I`
 * on the others. A match must start and end on a capitalised token (names, not common words), and the
 * longest match at a position wins. A match grows token by token while it is still the start of a phrase.
 */
export function matchGazetteer(
  gazetteer: Gazetteer,
  tokens: readonly GazetteerToken[],
): (readonly string[])[] {
  const { length } = tokens;
  // Most tokens carry no mark: they share one empty list, and a token gets its own on its first mark.
  const marks: (readonly string[])[] = [];
  for (let index = 0; index < length; index += 1) marks.push(NO_MARKS);
  for (let start = 0; start < length; start += 1) {
    if (!(tokens[start] as GazetteerToken).capitalised) continue;
    const limit = Math.min(length, start + gazetteer.maxTokens);
    let key = '';
    let matchEnd = -1;
    let matchClasses: readonly string[] = NO_MARKS;
    for (let end = start + 1; end <= limit; end += 1) {
      const token = tokens[end - 1] as GazetteerToken;
      key = end === start + 1 ? token.lower : `${key} ${token.lower}`;
      if (!gazetteer.prefixes.has(key)) break;
      const classes = gazetteer.phrases.get(key);
      if (classes && token.capitalised) {
        matchEnd = end;
        matchClasses = classes;
      }
    }
    for (let index = start; index < matchEnd; index += 1) {
      const held = marks[index] === NO_MARKS ? [] : (marks[index] as string[]);
      for (const name of matchClasses) held.push(markOf(name, index === start));
      marks[index] = held;
    }
  }
  return marks;
}
