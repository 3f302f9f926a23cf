/**
 * Whom a "he" or "she" in an attribution stands for: the person who opens its sentence, or the sentence before (across a
 * paragraph break when the he/she opens its own), the person described in the quote before ("a company spokesman"), the
 * speaker of the quote before, else the last person named whom the article gives that gender.
 */
import type { Span } from '../../result.ts';
import { CLAUSE_OPENERS, isCapitalised, isPossessive, lastIndexStartingBefore, type Word } from '../words.ts';
import { captionClauseStart } from './captions.ts';
import { type Gender, NOUNS_OF_SEX, otherGender, possessedSex } from './gender.ts';
import { PEOPLE_NOUNS, PERSON_PRONOUNS, PERSON_ROLE_NOUNS, SPEAKS_FOR_ORGANISATION } from './lexicon.ts';
import { sentenceStart } from './phrases.ts';
import {
  type Attribution,
  type EntityMentionRef,
  entityAttribution,
  isInQuote,
  lastMentionBefore,
  type SpeakerContext,
} from './speaker-context.ts';

/** How far back (in characters) a person of the pronoun's gender is preferred to a nearer one of unknown gender. */
const GENDERED_ANTECEDENT_WINDOW = 1500;
/** How many sentences back a he/she that opens a sentence may be read through ("Trump spoke. He … . He said …"). */
const MAX_PRONOUN_CHAIN = 2;
/** How many capitalised words (titles) may come before the name that opens a sentence. */
const MAX_TITLE_WORDS = 3;
/** A clause opener and up to six more words, then a comma: "At New York, ", "In a statement Tuesday, ". */
const OPENING_ADVERBIAL = /^\s*(\p{Lu}\p{Ll}*)(?:\s+[^\s,.;:!?]+){0,6},\s+/u;
/** Clause openers that are the subject themselves. */
const SUBJECT_OPENERS = new Set('He She It They We I You The A An His Her Its Their Our My'.split(' '));
/** Determiners of one person not named: "a spokesman", "one official", "another source". */
const INDEFINITE_DETERMINERS = new Set(['a', 'an', 'one', 'another']);
export function pronounAttribution(
  context: SpeakerContext,
  pronoun: Word,
  gender: Gender,
  verb: string,
): Attribution | undefined {
  const person =
    sentenceSubjectPerson(context, pronoun.start, gender) ??
    previousSubjectPerson(context, pronoun.start, gender);
  if (person) return entityAttribution(person, verb, pronoun);
  const described = previousDescribedSpeaker(context, pronoun, gender);
  if (described) return { ...described, mention: { start: pronoun.start, end: pronoun.end }, verb };
  const recent =
    previousSpeaker(context, pronoun.start, gender) ?? lastPersonBefore(context, pronoun.start, gender);
  if (recent === undefined) return undefined;
  // "Marsh's mother wept when she heard it. “…,” she asked.": the mother, whom no entity names; attributed to no one known.
  if (possessesPersonOf(context.text, recent, gender))
    return { mention: { start: pronoun.start, end: pronoun.end }, verb };
  return entityAttribution(recent, verb, pronoun);
}

/**
 * "A company spokesman said it was “possible.” “As we regain …,” he said.": a he/she after a quote attributed to
 * a person named only by a description (a spokesman, an analyst, one official) is that person, when no one has been
 * named since (outside quotations) and the description does not say the other sex (a spokeswoman for he).
 */
function previousDescribedSpeaker(
  context: SpeakerContext,
  pronoun: Word,
  gender: Gender,
): Attribution | undefined {
  const previous = context.previous;
  if (previous === undefined || previous.speaker === undefined) return undefined;
  if (previous.entity?.type === 'person' || previous.mention.end > pronoun.start) return undefined;
  const [determiner, head] = describedPersonWords(context.text, previous);
  if (!INDEFINITE_DETERMINERS.has(determiner) || NOUNS_OF_SEX.get(otherGender(gender))?.has(head))
    return undefined;
  if (!PERSON_ROLE_NOUNS.has(head) && !PEOPLE_NOUNS.has(head)) return undefined;
  const since = lastMentionBefore(context, pronoun.start, (entity) => entity.type === 'person');
  return since === undefined || since.end <= previous.mention.start ? previous : undefined;
}

/**
 * The determiner and the head noun of the person who spoke: "A company spokesman" as written, or around the
 * organisation they speak for ("A [Harbour Board] spokesman").
 */
function describedPersonWords(text: string, attribution: Attribution): [string, string] {
  const { start, end } = attribution.mention;
  if (attribution.entity === undefined) {
    const words = text.slice(start, end).toLowerCase().split(/\s+/u);
    return words.length < 2 ? ['', ''] : [words[0] as string, words.at(-1) as string];
  }
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, start - 12), start))?.[1] ?? '';
  const after = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 16))?.[1] ?? '';
  const head = after.toLowerCase();
  return SPEAKS_FOR_ORGANISATION.has(head) ? [before.toLowerCase(), head] : ['', ''];
}

/**
 * "“Why have a war?” asked Abdul Shekar, a customs officer. … Now, he says, “…”": the speaker of the quote
 * before, when no one else has been named since (outside quotations) and the article gives them no other
 * gender, rather than someone further back whom the article calls he.
 */
function previousSpeaker(
  context: SpeakerContext,
  position: number,
  gender: Gender,
): EntityMentionRef | undefined {
  const speaker = context.previous?.entity;
  if (speaker?.type !== 'person' || context.genders.has(speaker)) return undefined;
  const nearest = lastMentionBefore(context, position, (entity) => {
    if (entity.type !== 'person') return false;
    const own = context.genders.get(entity);
    return own === undefined || own === gender;
  });
  return nearest?.entity === speaker ? nearest : undefined;
}

/**
 * "Director Ann Reyes paid tribute to Tom Hale. He said: …" is Hale's only by recency: a he/she that opens its
 * sentence (after an opening adverbial), or follows only a quotation ("Reyes thanked Hale. “…,” she said."), refers
 * first to the person who opened the sentence before, when that person's gender fits (or is unknown): in the same
 * paragraph, or ending the paragraph before when the he/she opens its own ("Christie blasted Clinton.¶“…,” he said.").
 */
function previousSubjectPerson(
  context: SpeakerContext,
  position: number,
  gender: Gender,
  depth = 0,
): EntityMentionRef | undefined {
  const { masked } = context;
  const start = sentenceStart(masked, position);
  const clause = captionClauseStart(masked, start, position);
  // The pronoun opens its sentence, or follows a quotation that does ("Marsh thanked them. “…,” he said.").
  if (!/^[\s"“”'‘’,]*$/u.test(masked.slice(afterOpeningAdverbial(masked, clause, position), position)))
    return undefined;
  // "… the incident He said: …": what runs before it in the sentence is a photo caption, whose subject is no antecedent.
  if (clause !== start) return undefined;
  const previousEnd = masked.slice(0, start).trimEnd().length;
  if (previousEnd === 0) return undefined;
  return sentenceSubjectPerson(context, previousEnd - 1, gender, depth);
}

/**
 * "Donald Trump, her Republican opponent, bemoaned the unrest and said he thought …": a he/she refers to
 * the person its own sentence opened with (after capitalised titles: "Director Ann Reyes"), when that
 * person's gender fits (or is unknown). A sentence that opens with a he/she of that gender ("Trump spoke. On
 * Wednesday, he told a crowd …") opened with the person that he/she refers to, read the same way, a few sentences back at most.
 */
function sentenceSubjectPerson(
  context: SpeakerContext,
  position: number,
  gender: Gender,
  depth = 0,
): EntityMentionRef | undefined {
  const sentence = sentenceStart(context.masked, position);
  const start = afterOpeningAdverbial(
    context.masked,
    captionClauseStart(context.masked, sentence, position),
    position,
  );
  const pronoun = /^\s*(\p{L}+)\b/u.exec(context.masked.slice(start, position));
  const word = pronoun?.[1] ?? '';
  if (PERSON_PRONOUNS.get(word.toLowerCase()) === gender) {
    const at = start + (pronoun?.[0].length ?? 0) - word.length;
    return at < position && depth < MAX_PRONOUN_CHAIN
      ? previousSubjectPerson(context, at, gender, depth + 1)
      : undefined;
  }
  const index = lastIndexStartingBefore(context.mentions, start) + 1;
  const opener = context.mentions[index];
  if (opener === undefined || !isTitlesOnly(context.text.slice(start, opener.start))) return undefined;
  const first = isPossessiveMention(context.text, opener)
    ? possessedPerson(context, index)
    : (roleHolderAfter(context, index) ?? opener);
  if (first === undefined || first.end > position || isInQuote(context, first)) return undefined;
  if (first.entity.type !== 'person') return undefined;
  const own = context.genders.get(first.entity);
  return own === undefined || own === gender ? first : undefined;
}

/**
 * "At New York, David Edelstein says …", "In a statement Tuesday, Ann Reyes said …": past an opening adverbial (a
 * clause opener, then words up to a comma), where the sentence's subject starts.
 */
function afterOpeningAdverbial(masked: string, start: number, position: number): number {
  const opening = OPENING_ADVERBIAL.exec(masked.slice(start, position));
  const first = opening?.[1] ?? '';
  return opening && CLAUSE_OPENERS.has(first) && !SUBJECT_OPENERS.has(first)
    ? start + opening[0].length
    : start;
}

function isPossessiveMention(text: string, mention: Span): boolean {
  return (
    /^['’]s?\s/u.test(text.slice(mention.end, mention.end + 3)) ||
    isPossessive(text.slice(mention.start, mention.end))
  );
}

/**
 * "Clinton's communication director Jennifer Palmieri said …": a sentence that opens with a possessive opens with
 * the person named right after it and a few role words, not with the possessor; "Rojo's wife, …" with no one named,
 * and "Macmillan's deal with Apple" with no role.
 */
function possessedPerson(context: SpeakerContext, possessor: number): EntityMentionRef | undefined {
  const owner = context.mentions[possessor] as EntityMentionRef;
  const next = context.mentions[possessor + 1];
  if (next === undefined) return undefined;
  const between = context.text
    .slice(owner.end, next.start)
    .replace(/^['’]s?/u, '')
    .trim();
  const words = between.split(/\s+/u).filter((word) => word !== '');
  const role = words.at(-1)?.toLowerCase() ?? '';
  const isRole = PERSON_ROLE_NOUNS.has(role) || PEOPLE_NOUNS.has(role);
  return words.length <= MAX_TITLE_WORDS && isRole && !/[,.;:()]/u.test(between) ? next : undefined;
}

/**
 * "Clinton communication director Jennifer Palmieri said …", "Kellogg Chairman William LaMothe": a name, a few words
 * ending in a role, then a person: that person opens the sentence.
 */
export function roleHolderAfter(context: SpeakerContext, index: number): EntityMentionRef | undefined {
  const owner = context.mentions[index] as EntityMentionRef;
  const next = context.mentions[index + 1];
  if (next?.entity.type !== 'person') return undefined;
  const between = context.text.slice(owner.end, next.start).trim();
  const words = between.toLowerCase().split(/\s+/u);
  const role = words.at(-1) ?? '';
  return words.length <= MAX_TITLE_WORDS &&
    /^[\p{L}\s-]+$/u.test(between) &&
    (PERSON_ROLE_NOUNS.has(role) || PEOPLE_NOUNS.has(role))
    ? next
    : undefined;
}

/** Nothing, or a few capitalised words ("Executive Director"), before a sentence's first name. */
function isTitlesOnly(before: string): boolean {
  const words = before
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
  return (
    words.length <= MAX_TITLE_WORDS && words.every((word) => isCapitalised(word) && !CLAUSE_OPENERS.has(word))
  );
}

/**
 * The person a he/she refers to: the last one named before it (outside quotations) whom the article gives
 * that gender, if named within the last few paragraphs, or the speaker of a quote attributed within them to the
 * same he/she; else the last one whose gender is unknown.
 */
export function lastPersonBefore(
  context: SpeakerContext,
  position: number,
  gender: Gender | undefined,
): EntityMentionRef | undefined {
  const known = lastMentionBefore(
    context,
    position,
    (entity) => entity.type === 'person' && context.genders.get(entity) === gender,
  );
  if (known !== undefined && position - known.end <= GENDERED_ANTECEDENT_WINDOW) return known;
  const chained = gender && lastPronounSpeaker(context, position, gender);
  if (chained) return chained;
  return lastMentionBefore(context, position, (entity) => {
    if (entity.type !== 'person') return false;
    const own = context.genders.get(entity);
    return own === undefined || own === gender;
  });
}

/**
 * "Marsh's mother wept when she heard …": a name in the possessive before a noun of the pronoun's sex is not what the
 * he/she refers to; the person the noun names is.
 */
function possessesPersonOf(text: string, mention: Span, gender: Gender | undefined): boolean {
  return gender !== undefined && possessedSex(text, mention.end) === gender;
}

/**
 * "Ms Watson … [2,000 characters] … '…,' she said. … Rojo's wife, Eugenia Lusardo (pictured) … '…,' she said.": a
 * quote attributed to the same he/she within the window, resolved to a person the article gives that gender, carries
 * that person on (the pronoun chain stands for a mention), before a nearer person whose gender the article never says.
 */
function lastPronounSpeaker(
  context: SpeakerContext,
  position: number,
  gender: Gender,
): EntityMentionRef | undefined {
  for (let index = context.earlier.length - 1; index >= 0; index--) {
    const { mention, entity } = context.earlier[index] as Attribution;
    if (position - mention.end > GENDERED_ANTECEDENT_WINDOW) return undefined;
    if (mention.end > position || entity?.type !== 'person') continue;
    const word = context.text.slice(mention.start, mention.end).toLowerCase();
    if (PERSON_PRONOUNS.get(word) === gender && context.genders.get(entity) === gender)
      return { start: mention.start, end: mention.end, entity };
  }
  return undefined;
}
