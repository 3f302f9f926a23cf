import type { Span } from '../../result.ts';
import { lastIndexStartingBefore } from '../words.ts';
import type { EntityMentionRef, SpeakerContext } from './speaker-context.ts';
import { isBasedIn } from './unnamed-capitals.ts';

/** How many entity mentions back an appositive subject ("X, who ..., said") may be. */
const MAX_APPOSITIVE_MENTIONS = 8;
/** "Michael Porter [of] Harvard Business School": the person is the speaker, not the employer. */
const AFFILIATION = /^\s+(?:of|at|from)\s+(?:the\s+)?$/u;
/** Words that may come before a country that is the whole subject: "Even China, Pyongyang's only ally, said". */
const LEADING_WORDS = /^(?:(?:Even|But|And|Yet|Now|Still|Also|Meanwhile,?)\s+)?$/u;
const PREPOSITIONS = new Set('of for to with by at from about against on in like than'.split(' '));

/**
 * "Michael Porter, of Harvard Business School, who headed the research, said": the name before the commas,
 * a person's rather than an organisation's. Of two people, the first when the second is in its appositive
 * ("Mark Wolper, son of the producer David Wolper, added"; "Trump, who has feuded with Obama, said"), but not
 * one named as an object before the subject ("After meeting Obama, Trump said").
 */
export function nameBeforeAppositive(
  context: SpeakerContext,
  from: number,
  to: number,
): EntityMentionRef | undefined {
  const last = lastIndexStartingBefore(context.mentions, to);
  let person: EntityMentionRef | undefined;
  let organization: EntityMentionRef | undefined;
  let place: EntityMentionRef | undefined;
  for (let index = last; index >= 0 && last - index < MAX_APPOSITIVE_MENTIONS; index--) {
    const mention = context.mentions[index] as EntityMentionRef;
    if (mention.start < from) break;
    if (!/^\s*(?:\([^)]{1,30}\))?,/u.test(context.text.slice(mention.end, mention.end + 34))) continue;
    if (isBasedIn(context.text, mention)) continue;
    if (mention.entity.type === 'person') {
      if (person === undefined || holdsAppositive(context.text, mention, person)) person = mention;
      continue;
    }
    if (person !== undefined) continue;
    if (mention.entity.type === 'place' && opensSubject(context.text, from, mention)) place = mention;
    if (mention.entity.type !== 'organization') continue;
    const before = context.mentions[index - 1];
    const affiliation = before && context.text.slice(before.end, mention.start);
    if (before?.entity.type === 'person' && AFFILIATION.test(affiliation ?? '')) return before;
    // "Reuters, citing the Interior Ministry, said": the first, when the second is in its appositive.
    if (organization === undefined || holdsAppositive(context.text, mention, organization))
      organization = mention;
  }
  return person ?? organization ?? place;
}

/** The place opens the subject: first in the sentence, or after a conjunction or focusing adverb ("Even China, …"). */
function opensSubject(text: string, from: number, mention: Span): boolean {
  return LEADING_WORDS.test(text.slice(from, mention.start));
}

/**
 * "Mark Wolper, son of the producer [David Wolper]": lowercase words stand between the first name's comma
 * and the second, and no preposition comes right before the first ("a lawyer for [John Smith], …").
 */
function holdsAppositive(text: string, first: Span, second: Span): boolean {
  const between = text.slice(first.end, second.start);
  const wordBefore = /(\S+)\s+$/u.exec(text.slice(Math.max(0, first.start - 20), first.start))?.[1] ?? '';
  return /\s\p{Ll}/u.test(between) && !PREPOSITIONS.has(wordBefore.toLowerCase());
}

/** "Jason Miller, who ...": the name that ends right before "who" (and its comma). */
export function mentionEndingNear(context: SpeakerContext, position: number): EntityMentionRef | undefined {
  const index = lastIndexStartingBefore(context.mentions, position);
  const mention = context.mentions[index];
  if (mention === undefined || !/^[\s,]*$/u.test(context.text.slice(mention.end, position))) return undefined;
  return mention.entity.type === 'place' ? undefined : mention;
}

/** The first person (or person or organisation) named between two words, outside quotations. */
export function firstMention(
  context: SpeakerContext,
  from: Span,
  to: Span,
  type?: 'person',
): EntityMentionRef | undefined {
  const index = lastIndexStartingBefore(context.mentions, from.start) + 1;
  for (let cursor = index; cursor < context.mentions.length; cursor++) {
    const mention = context.mentions[cursor] as EntityMentionRef;
    if (mention.start >= to.end) return undefined;
    if (context.masked[mention.start] !== context.text[mention.start]) continue;
    if (type ? mention.entity.type === type : mention.entity.type !== 'place') return mention;
  }
  return undefined;
}
