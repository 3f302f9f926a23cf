import { wordLists } from './word-lists.ts';

/**
 * Nationality words (`Chinese`, `Americans`, `British`): compromise's demonyms (word-lists.ts), shared by the key
 * phrases (a phrase is never a nationality alone) and the entities (a nationality in the plural is an other). The
 * set is built on first use, as the other word sets are, not at import.
 */
let demonyms: ReadonlySet<string> | undefined;

/** `Chinese`, `Americans`, `British`: a nationality word (any case). */
export function isDemonym(word: string): boolean {
  demonyms ??= new Set(wordLists().demonyms);
  return demonyms.has(word.toLowerCase());
}
