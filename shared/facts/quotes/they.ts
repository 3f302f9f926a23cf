/**
 * Whom a "they" in an attribution stands for: the group its own sentence opened with ("The campaign is seeking to
 * contrast her record with what they call his “reckless plan.”"), or, when the they opens its sentence or follows
 * only a quotation, the group the sentence before opened with ("The committee met on Friday. “…,” they said."). A
 * group is an organisation, named or described ("the campaign", "Acme Corp."), or people described by a plural
 * ("Officials", "the organizers"). Never a person, and never when another group or anyone named lies between the
 * group and the they: either could be meant.
 */
import { splitWords, type Word } from '../words.ts';
import { ORGANISATION_NOUNS, PEOPLE_NOUNS, PERSON_ROLE_NOUNS } from './lexicon.ts';
import { attributionWords, sentenceStart } from './phrases.ts';
import { openingSubject } from './sentence-openers.ts';
import type { Attribution, SpeakerContext } from './speaker-context.ts';

const LETTER = /\p{L}/u;
/** Words that may stand between a group and its they without being a second candidate. */
const GROUP_NOUNS = [ORGANISATION_NOUNS, PEOPLE_NOUNS, PERSON_ROLE_NOUNS];

export function theyAttribution(
  context: SpeakerContext,
  pronoun: Word,
  verb: string,
): Attribution | undefined {
  const { masked } = context;
  const start = sentenceStart(masked, pronoun.start);
  const before = attributionWords(masked, start, pronoun.start);
  if (before.some((word) => LETTER.test(word.text))) return groupSubject(context, before, pronoun, verb);
  const previousEnd = masked.slice(0, start).trimEnd().length;
  if (previousEnd === 0) return undefined;
  const previous = attributionWords(masked, sentenceStart(masked, previousEnd - 1), previousEnd);
  return groupSubject(context, previous, pronoun, verb);
}

/** The group that opens `words` (a sentence up to the they, or the whole sentence before it), as the they's speaker. */
function groupSubject(
  context: SpeakerContext,
  words: readonly Word[],
  pronoun: Word,
  verb: string,
): Attribution | undefined {
  // "They met. “…,” they said.": not read on through the sentences before.
  if (words.find((word) => LETTER.test(word.text))?.text.toLowerCase() === 'they') return undefined;
  const subject = openingSubject(context, words, words.length);
  if (subject?.speaker === undefined || !isGroup(context, subject)) return undefined;
  const between = words.filter((word) => word.start >= subject.mention.end);
  if (between.some(isGroupWord)) return undefined;
  const named = context.mentions.some(
    (mention) =>
      mention.start >= subject.mention.end &&
      mention.end <= pronoun.start &&
      mention.entity !== subject.entity &&
      (mention.entity.type === 'person' || mention.entity.type === 'organization'),
  );
  if (named) return undefined;
  return { ...subject, mention: { start: pronoun.start, end: pronoun.end }, verb };
}

/**
 * An organisation, or a description that ends on its first group noun or goes on with "of": "Clinton's campaign",
 * "State election officials", "The families of the victims"; not "Democrats met the Republicans" (a clause read on
 * past its subject).
 */
function isGroup(context: SpeakerContext, subject: Attribution): boolean {
  if (subject.entity !== undefined) return subject.entity.type === 'organization';
  const words = splitWords(context.text.slice(subject.mention.start, subject.mention.end)).filter((word) =>
    LETTER.test(word.text),
  );
  const head = words.findIndex(isGroupWord);
  return head >= 0 && (head === words.length - 1 || words[head + 1]?.text === 'of');
}

/** A word that may name a group: an organisation noun, or a plural of people ("the workers", "Democrats"). */
function isGroupWord(word: Word): boolean {
  if (/['’]/u.test(word.text)) return false;
  const lower = word.text.toLowerCase();
  const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
  if (GROUP_NOUNS.some((nouns) => nouns.has(singular) && singular !== lower)) return true;
  return ORGANISATION_NOUNS.has(lower);
}
