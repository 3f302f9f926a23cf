/**
 * A person's name before "administration" or "presidency" names that person, as CoNLL tags it ("the Clinton
 * administration"): the tagger often reads it as an organisation ("the George W. Bush administration"). Only a
 * name that is a person's by the article's own evidence is fixed: a full name whose first word the name lists know
 * as a first name, or a name the tagger reads as a person elsewhere in the article, alone or as the last word of a
 * full name ("Trump administration" beside "Donald Trump"). A body named before the word stays as it is
 * ("the Transportation Security Administration" is a name of its own; "the Tennessee Valley Authority").
 */

import { type Fixed, fixEvery } from './entity-cues.ts';
import type { NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';

/** A lowercase noun for a head of state's government or term, right after the name. */
const TERM_AFTER = /^(?:['’]s?)?\s+(?:administration|presidency)\b/u;

/** Fixes, as a person, every mention of a name that stands before "administration" and is a person's. */
export function administrationTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
): void {
  const people = new Set<string>();
  for (const mention of mentions) {
    if (mention.type !== 'person' || (fixed.get(mention) ?? 'person') !== 'person') continue;
    people.add(mention.key);
    const space = mention.key.lastIndexOf(' ');
    if (space > 0) people.add(mention.key.slice(space + 1));
  }
  const names = new Set<string>();
  for (const mention of mentions) {
    if (mention.type === 'person' || fixed.has(mention)) continue;
    if (!TERM_AFTER.test(text.slice(mention.end, mention.end + 20))) continue;
    const { key } = mention;
    const space = key.indexOf(' ');
    const fullName = space > 0 && known.isFirstName(key.slice(0, space));
    if (fullName || people.has(key)) names.add(key);
  }
  fixEvery(mentions, fixed, names, 'person');
}
