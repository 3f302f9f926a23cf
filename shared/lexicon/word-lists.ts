import { readFileSync } from 'node:fs';

/**
 * compromise's word lists (`npm run build:word-lists`: demonyms, plurals, adjectives, verbs, noun-or-verb
 * switches and their clues), read from next to this module on first use rather than imported: a bundle stays
 * code only, so a cold start neither deserialises nor builds ~7,000 strings at module init (the CLI build and
 * the Lambda bundling copy the file beside each bundle as models/word-lists.json).
 */
export const WORD_LISTS_FILE = new URL('./models/word-lists.json', import.meta.url);

export type WordTable = { readonly [word: string]: string };
/** compromise's clues for one kind of switch: the reading (`noun` or `verb`) a neighbour or its tag gives. */
export interface Clues {
  readonly afterWords: WordTable;
  readonly beforeWords: WordTable;
  readonly beforeTags: WordTable;
  readonly afterTags: WordTable;
}
export type SwitchForm = 'Noun|Verb' | 'Plural|Verb';

export interface WordLists {
  readonly demonyms: readonly string[];
  readonly uncountable: readonly string[];
  readonly irregularPlurals: WordTable;
  readonly adjectives: readonly string[];
  readonly verbs: readonly string[];
  readonly verbLikeNouns: readonly string[];
  /** Each switch's form (`Noun|Verb`, `Plural|Verb`). */
  readonly switches: WordTable;
  readonly clues: Readonly<Record<SwitchForm, Clues>>;
  readonly functionTags: WordTable;
  /** First names of one sex, lower-cased (`donald`; `melanie`). */
  readonly maleNames: readonly string[];
  readonly femaleNames: readonly string[];
}

let lists: WordLists | undefined;

/** The lists, read on first use and kept for the process (the callers build their sets from them once). */
export function wordLists(): WordLists {
  lists ??= JSON.parse(readFileSync(WORD_LISTS_FILE, 'utf8')) as WordLists;
  return lists;
}
