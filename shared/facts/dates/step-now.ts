/**
 * "Now add the flour.", "Now tell us this isn't a witch hunt", "Now onto the third approach": a "Now" that opens a
 * sentence before a command, or before "onto", orders the steps of a recipe, a guide or an argument. It does not
 * point at the present, so it is no date. A verb in its -s form is a statement ("Now comes the hard part"), and so
 * is "Now come the lawsuits", where the subject follows the verb. A word that may be a noun or a verb ("heat",
 * "mix", "access") is a command only before its object ("Now heat 2 teaspoons", "Now mix a pinch", but not "Now
 * access to money is …").
 */
import { wordLists } from '../../lexicon/word-lists.ts';

interface StepWords {
  /** Verb forms that are never nouns (`add`, `pour`, `adds`). */
  readonly verbs: ReadonlySet<string>;
  /** Words that are a noun or a verb by context (`heat`, `mix`, `access`). */
  readonly nounOrVerb: ReadonlySet<string>;
  /** Words that open a verb's object: determiners, pronouns, possessives (`the`, `a`, `us`, `her`). */
  readonly objectOpeners: ReadonlySet<string>;
}

const OBJECT_TAGS = new Set(['Determiner', 'Pronoun', 'Possessive']);

let words: StepWords | undefined;

/** Built on first use: only a text with a sentence-opening "Now" before a word needs them. */
function stepWords(): StepWords {
  if (words) return words;
  const lists = wordLists();
  words = {
    verbs: new Set(lists.verbs),
    nounOrVerb: new Set(
      Object.entries(lists.switches)
        .filter(([, form]) => form === 'Noun|Verb')
        .map(([word]) => word),
    ),
    objectOpeners: new Set(
      Object.entries(lists.functionTags)
        .filter(([, tag]) => OBJECT_TAGS.has(tag))
        .map(([word]) => word),
    ),
  };
  return words;
}

/** "onto" / "on to", or a lower-case word and the word or number after it. */
const AFTER_NOW = /^,?[^\S\n]+(?:(on[^\S\n]?to)(?![\p{L}])|(\p{Ll}+)[^\S\n]+(\p{L}+|\p{N}))/u;

/** Whether `word` is a verb's -s form whose base form the lexicon knows ("adds", "comes", "carries"). */
function isThirdPerson(word: string, verbs: ReadonlySet<string>): boolean {
  if (!word.endsWith('s')) return false;
  return [word.slice(0, -1), word.slice(0, -2), `${word.slice(0, -3)}y`].some((stem) => verbs.has(stem));
}

/** Whether the "Now" ending at `end` opens a command or a move to the next step (see above). */
export function isStepNow(text: string, end: number): boolean {
  const after = AFTER_NOW.exec(text.slice(end, end + 40));
  if (!after) return false;
  if (after[1]) return true;
  const word = after[2] ?? '';
  const next = (after[3] ?? '').toLowerCase();
  const { verbs, nounOrVerb, objectOpeners } = stepWords();
  if (word === 'come') return false;
  if (verbs.has(word)) return !isThirdPerson(word, verbs);
  return nounOrVerb.has(word) && (objectOpeners.has(next) || /^\p{N}/u.test(next));
}
