/**
 * "Interfax quoted Chernomyrdin as saying", "“…,” the agency quoted the unnamed corporal as saying": the one quoted
 * said the words, not the one who quotes them (attribute-after.ts, attribute-before.ts).
 */
import type { Word } from '../words.ts';
import { isPhraseWord } from './phrases.ts';

const QUOTES_VERB = /^quot(?:ed|es|ing)$/iu;
const AS_VERBS = new Set(['saying', 'telling', 'writing', 'stating', 'describing', 'calling', 'asking']);
/** How many words the one quoted may run: "the unnamed corporal", "Belgrade airport General Director Ljubomir …". */
const MAX_OBJECT_WORDS = 9;

/** The words between "quoted" at `verb` and "as saying", when they are one noun phrase. */
export function quotedObjectAfter(words: readonly Word[], verb: number): Word[] | undefined {
  if (!QUOTES_VERB.test(words[verb]?.text ?? '')) return undefined;
  for (let at = verb + 2; at <= verb + 1 + MAX_OBJECT_WORDS && at < words.length; at++) {
    const word = words[at] as Word;
    if (word.text !== 'as') continue;
    if (!AS_VERBS.has(words[at + 1]?.text.toLowerCase() ?? '')) return undefined;
    const object = words.slice(verb + 1, at);
    return object.every(isPhraseWord) ? object : undefined;
  }
  return undefined;
}

/** The one quoted, when the -ing verb at `index` ends "quoted X as saying". */
export function quotedObjectBefore(words: readonly Word[], index: number): Word[] | undefined {
  if (words[index - 1]?.text !== 'as' || !AS_VERBS.has(words[index]?.text.toLowerCase() ?? ''))
    return undefined;
  for (let verb = index - 3; verb >= Math.max(0, index - 2 - MAX_OBJECT_WORDS); verb--) {
    if (QUOTES_VERB.test(words[verb]?.text ?? '')) return quotedObjectAfter(words, verb);
  }
  return undefined;
}
