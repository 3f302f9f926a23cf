import { type Run, tokenAt } from './phrase-runs.ts';
import {
  canBeVerb,
  followsPerceptionVerb,
  isAdverb,
  isVerbLikeNoun,
  readsAsVerb,
  tagOf,
} from './word-classes.ts';

/** The noun phrases of a run of common words (phrase-runs.ts): the run without its verbs and adverbs. */

const DETERMINER_TAGS = new Set(['Determiner', 'Possessive']);

/**
 * The noun phrases in a run of common words: split where a word reads as a verb or is an adverb (`divorcees who
 * stop work` gives `work`; `heard the child scream` gives `child`), then trimmed of verb forms at either end.
 */
export function nounPhrasesOf(run: Run, tokens: readonly string[]): Run[] {
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
