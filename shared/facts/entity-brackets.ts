/**
 * A person's name alone in brackets, after a character or a role: "Terence Fletcher (J.K. Simmons)", "a songstress
 * (Keira Knightley)", "(starring Jane Doe)". The tagger, which learned "(Reuters)" from its news, reads an
 * organisation there; "(by Irving Berlin)" likewise. Such a name is a person's when it has a person's shape: two or three words, the first a
 * first name (the gazetteer's or compromise's lists) or initials, no word that ends names of bodies, and no known
 * place. In a sports report a name in brackets after a player is the player's club ("Paul Hart (Crystal Palace)"),
 * so there it is a person only after a cue: "(played by Jane Doe)".
 */
import { wordLists } from '../lexicon/word-lists.ts';
import type { Fixed } from './entity-cues.ts';
import type { NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';

/** What may stand between the opening bracket and the name: "(", "(starring ", "(played by ", "(by ". */
const OPENING = /\(\s*((?:[Cc]o-?)?[Ss]tarring\s+|(?:\p{L}+\s+)?by\s+)?$/u;
/** What may follow the name: the closing bracket, or the next name of a list of actors. */
const CLOSING = /^\s*(?:\)|,\s|\s+and\s)/u;
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}'’-]*\p{Ll}|(?:\p{Lu}\.){1,3}|\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+)$/u;
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;
const MAX_WORDS = 3;

let firstNames: Set<string> | undefined;

/** compromise's first names of one sex, lower-cased ("keira"), which the tagger's gazetteer may lack. */
function isListedFirstName(word: string): boolean {
  if (firstNames === undefined) {
    const { maleNames, femaleNames } = wordLists();
    firstNames = new Set([...maleNames, ...femaleNames]);
  }
  return firstNames.has(word.toLowerCase());
}

function hasPersonShape(name: string, known: KnownNames, isHead: (word: string) => boolean): boolean {
  const words = name.split(' ');
  if (words.length < 2 || words.length > MAX_WORDS || known.isPlace(name)) return false;
  if (!words.every((word) => NAME_WORD.test(word) && !isHead(word))) return false;
  const first = words[0] as string;
  return INITIALS.test(first) || known.isFirstName(first) || isListedFirstName(first);
}

/** Organisations by the tagger alone in brackets with a person's shape become people (see the module comment). */
export function bracketTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
  sports: boolean,
  isHead: (word: string) => boolean,
): void {
  for (const mention of mentions) {
    if (mention.type !== 'organization' || fixed.has(mention)) continue;
    const opening = OPENING.exec(text.slice(Math.max(0, mention.start - 24), mention.start));
    if (opening === null || (sports && opening[1] === undefined)) continue;
    if (!CLOSING.test(text.slice(mention.end, mention.end + 6))) continue;
    if (hasPersonShape(mention.text, known, isHead)) fixed.set(mention, 'person');
  }
}
