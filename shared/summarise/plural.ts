import { wordLists } from '../lexicon/word-lists.ts';

/**
 * English plural folding for key phrases, lower-case words only: uncountable nouns (`news`, `series`) and
 * words that only look plural (`bus`, `crisis`, `physics`) stay as they are; irregular plurals come from
 * compromise's lexicon (word-lists.ts: `crises` -> `crisis`, `movies` -> `movie`, `men` -> `man`); the
 * rest by suffix (`countries` -> `country`, `churches` -> `church`, `buses` -> `bus`, `bridges` -> `bridge`).
 * `-ves` folds only for the words in -f or -fe (`wolves` -> `wolf`; `archives` stays `archives`): a word this
 * cannot fold safely is left plural rather than broken.
 */

interface PluralLists {
  readonly uncountable: ReadonlySet<string>;
  readonly irregular: ReadonlyMap<string, string>;
  readonly adjectives: ReadonlySet<string>;
}

let lists: PluralLists | undefined;

/**
 * The lists as sets, built on first use rather than at import: a process that never reads a key phrase (an HTTP
 * call, a non-English article) does not pay for them, and a cold start's module init leaves them to the first article.
 */
const pluralLists = (): PluralLists => lists ?? buildPluralLists();

/** Builds the lists, apart from pluralLists so that the accessor, called for every word, stays small enough to inline. */
function buildPluralLists(): PluralLists {
  const { uncountable, irregularPlurals, adjectives } = wordLists();
  lists = {
    uncountable: new Set(uncountable),
    irregular: new Map(Object.entries(irregularPlurals)),
    adjectives: new Set(adjectives),
  };
  return lists;
}
/** Endings of singular words that look plural: `glass`, `bonus`, `crisis`, `physics`, `famous`, `bias`. */
const SINGULAR_ENDING = /(?:ss|us|is|ics|ous|bias|atlas|canvas|alias)$/;
/** Plurals of words ending in a hissing sound: `churches`, `wishes`, `boxes`, `glasses`, `quizzes`, `campuses`. */
const HISSING_PLURAL = /(?:ch|sh|x|z|ss|[^aeiou]us|alias|bias|atlas|canvas)es$/;
/** `heroes`, `tomatoes`; but `shoes`, `toes`. */
const O_PLURAL = /^.{3,}oes$/;
const MIN_LENGTH = 4;
/** Plurals in -ves of words in -f or -fe; any other `-ves` word keeps its `e` (`leaves` is irregular). */
const F_PLURALS: ReadonlyMap<string, string> = new Map([
  ['wolves', 'wolf'],
  ['knives', 'knife'],
  ['lives', 'life'],
  ['wives', 'wife'],
  ['halves', 'half'],
  ['shelves', 'shelf'],
  ['calves', 'calf'],
  ['loaves', 'loaf'],
  ['selves', 'self'],
  ['scarves', 'scarf'],
]);

const LOWERCASE_S = 115;

export function singular(word: string): string {
  const irregular = pluralLists().irregular.get(word);
  if (irregular !== undefined) return irregular;
  // Every rule below folds a word ending in `s`: the rest (most words) need not meet the lists and expressions.
  if (word.charCodeAt(word.length - 1) !== LOWERCASE_S) return word;
  if (word.length < MIN_LENGTH || pluralLists().uncountable.has(word)) return word;
  if (word.endsWith('ves')) return F_PLURALS.get(word) ?? word;
  if (word.endsWith('ies')) return word.length > MIN_LENGTH ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  if (HISSING_PLURAL.test(word) || O_PLURAL.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !SINGULAR_ENDING.test(word)) return word.slice(0, -1);
  return word;
}

/** `public`, `former`: a word compromise's lexicon knows only as an adjective (lower case). */
export function isAdjective(word: string): boolean {
  return pluralLists().adjectives.has(word);
}
