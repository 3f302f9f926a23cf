/**
 * Words that only an organisation takes around its name: "the CEO of Evergreen", "shareholders of Elbit",
 * "Taulbee's headquarters", "Secunia shares". A name the tagger read as a person or a place is an organisation
 * there, and in every mention, unless it is a known place or a country's short form ("the chief executive of
 * China", "a U.S. subsidiary": a state's or a country's), a place with its state ("the chairman of the Moonachie,
 * N.J., maker") or a person's full name as the tagger read it. A person has a spokesman too ("spokesman for
 * Elian's relatives"), so that is no cue; nor is a word before a name that owns what follows ("the chairwoman
 * of the White House's Council").
 */
import type { Fixed } from './entity-cues.ts';
import type { NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';
import { wordBefore } from './words.ts';

const BUSINESS_BEFORE =
  /\b(?:CEO|CFO|COO|chief\s+executive(?:\s+officer)?|founder|co-?founder|chairman|chairwoman|shareholders|stockholders|shares|stock|employees|subsidiary|division|executives|board\s+of\s+directors)\s+(?:of|for|at|in)\s+(?:the\s+)?$/u;
const BUSINESS_AFTER =
  /^(?:['’]s)?\s+(?:CEO|CFO|COO|chief\s+executive|shares|stock|shareholders|stockholders|headquarters|subsidiary|board\s+of\s+directors)\b/u;
/**
 * The words BUSINESS_BEFORE can end with, before its closing white space: the window is tried only when the
 * last word before the name is one of them (see wordBefore).
 */
const BUSINESS_BEFORE_LAST_WORDS = new Set(['of', 'for', 'at', 'in', 'the']);
const POSSESSIVE_AFTER = /^['’]s\b/u;
/** A country's short form in capitals: "US", "U.K.", "UAE" (keys drop the periods). */
const COUNTRY_SHORT_FORM = /^\p{Lu}{2,4}$/u;

function mayBeOrganisation(mention: NameMention, known: KnownNames): boolean {
  if (mention.type === 'organization' || mention.type === 'other') return false;
  if (mention.type === 'person') return !mention.key.includes(' ');
  return !known.isPlace(mention.key) && !COUNTRY_SHORT_FORM.test(mention.key) && !mention.key.includes(',');
}

export function businessTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
): void {
  const organisations = new Set<string>();
  for (const mention of mentions) {
    if (!mayBeOrganisation(mention, known) || known.isPlace(mention.key)) continue;
    const before = text.slice(Math.max(0, mention.start - 40), mention.start);
    const after = text.slice(mention.end, mention.end + 30);
    const owned = POSSESSIVE_AFTER.test(after);
    const businessBefore =
      BUSINESS_BEFORE_LAST_WORDS.has(wordBefore(before) ?? '') && BUSINESS_BEFORE.test(before);
    if ((businessBefore && !owned) || BUSINESS_AFTER.test(after)) organisations.add(mention.key);
  }
  for (const mention of mentions)
    if (!fixed.has(mention) && organisations.has(mention.key)) fixed.set(mention, 'organization');
}
