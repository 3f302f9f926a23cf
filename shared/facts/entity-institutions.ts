/**
 * A body named by its common noun, capitalised: "may it please the Court", "Congress authorized", "the Crown
 * prosecutor", "Parliament is also responding". Both CoNLL and GUM mark these as organisations, and the tagger,
 * which reads a lone capitalised noun as a sentence start or a title, often misses them.
 */
import type { EntityMention } from './ner/tag-entities.ts';

/** Nouns that, capitalised and alone, name one body: not "State", "Party" or "Council", which also do not. */
const INSTITUTIONS =
  /\b(?:Parliament|Congress|Senate|Court|Crown|Administration|Academy|Consulate|Embassy|Army|Navy|Cabinet|Legislature)\b/gu;
/**
 * What may stand before such a noun: the start, punctuation, or a word in lower case ("the", "told") or "The";
 * not a capitalised word, which makes it part of a longer name ("the High Court", "Cuban Consulate").
 */
const BEFORE = /(?:^|[,;:()"“”'’.!?]|(?<!\p{L})(?:\p{Ll}[\p{L}'’-]*|The|\d+))\s*$/u;
/** What may not follow it: "of" or a capitalised word, which make it part of a longer name ("Court of Appeal"). */
const LONGER_NAME_AFTER = /^(?:\s+of\b|\s+\p{Lu})/u;

/** The bodies named by a capitalised noun alone that no tagged mention covers, as organisations. */
export function institutionMentions(text: string, tagged: readonly EntityMention[]): EntityMention[] {
  const found: EntityMention[] = [];
  for (const match of text.matchAll(INSTITUTIONS)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    if (LONGER_NAME_AFTER.test(text.slice(end, end + 8))) continue;
    if (tagged.some((mention) => mention.start < end && start < mention.end)) continue;
    found.push({ type: 'ORG', start, end, text: match[0] });
  }
  return found;
}
