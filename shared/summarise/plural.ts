import wordLists from './word-lists.json' with { type: 'json' };

/**
 * English plural folding for key phrases, lower-case words only: uncountable nouns (`news`, `series`) and
 * words that only look plural (`bus`, `crisis`, `physics`) stay as they are; irregular plurals come from
 * compromise's lexicon (word-lists.json: `crises` -> `crisis`, `movies` -> `movie`, `men` -> `man`); the
 * rest by suffix (`countries` -> `country`, `churches` -> `church`, `buses` -> `bus`, `bridges` -> `bridge`).
 * A word this cannot fold safely (`wolves`, `knives`) is left plural rather than broken.
 */

const UNCOUNTABLE: ReadonlySet<string> = new Set(wordLists.uncountable);
const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries(wordLists.irregularPlurals));
/** Endings of singular words that look plural: `glass`, `bonus`, `crisis`, `physics`, `famous`, `bias`. */
const SINGULAR_ENDING = /(?:ss|us|is|ics|ous|bias|atlas|canvas|alias)$/;
/** Plurals of words ending in a hissing sound: `churches`, `wishes`, `boxes`, `glasses`, `quizzes`, `campuses`. */
const HISSING_PLURAL = /(?:ch|sh|x|z|ss|[^aeiou]us)es$/;
/** `heroes`, `tomatoes`; but `shoes`, `toes`. */
const O_PLURAL = /^.{3,}oes$/;
const MIN_LENGTH = 4;

export function singular(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  if (word.length < MIN_LENGTH || UNCOUNTABLE.has(word)) return word;
  if (word.endsWith('ves')) return word;
  if (word.endsWith('ies')) return word.length > MIN_LENGTH ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  if (HISSING_PLURAL.test(word) || O_PLURAL.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !SINGULAR_ENDING.test(word)) return word.slice(0, -1);
  return word;
}

const DEMONYMS: ReadonlySet<string> = new Set(wordLists.demonyms);
const ADJECTIVES: ReadonlySet<string> = new Set(wordLists.adjectives);

/** `Chinese`, `Americans`, `British`: a nationality word (any case). */
export function isDemonym(word: string): boolean {
  return DEMONYMS.has(word.toLowerCase());
}

/** `public`, `former`: a word compromise's lexicon knows only as an adjective (lower case). */
export function isAdjective(word: string): boolean {
  return ADJECTIVES.has(word);
}
