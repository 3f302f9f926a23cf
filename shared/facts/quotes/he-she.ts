/**
 * Whom a "he" or "she" in an attribution stands for: the person who opens its sentence, or the sentence before (across a
 * paragraph break when the he/she opens its own), the person described in the quote before ("a company spokesman"), the
 * speaker of the quote before, else the last person named whom the article gives that gender.
 */
import type { Entity, Span } from '../../result.ts';
import { CLAUSE_OPENERS, isCapitalised, isPossessive, lastIndexStartingBefore, type Word } from '../words.ts';
import { captionClauseStart } from './captions.ts';
import { fitsSex, type Gender, NOUNS_OF_SEX, otherGender, possessedSex } from './gender.ts';
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
/** How many people of the other sex by their first name the way back to the speaker before may pass over. */
const MAX_PASSED_OVER = 5;
/** How many sentences back a he/she that opens a sentence may be read through ("Trump spoke. He … . He said …"). */
const MAX_PRONOUN_CHAIN = 2;
/** How many capitalised words (titles) may come before the name that opens a sentence. */
const MAX_TITLE_WORDS = 3;
/** A clause opener and up to six more words, then a comma: "At New York, ", "In a statement Tuesday, ". */
const OPENING_ADVERBIAL = /^\s*(\p{Lu}\p{Ll}*)(?:\s+[^\s,.;:!?]+){0,6},\s+/u;
/** Clause openers that are the subject themselves. */
const SUBJECT_OPENERS = new Set('He She It They We I You The A An His Her Its Their Our My'.split(' '));
/** A determiner that opens a description of one person: "The woman", "His elderly mother". */
const DESCRIPTION_DETERMINER = /^\s*(?:The|A|An|His|Her|Their)\s/u;
/** How many lowercase words a description may hold before its noun, or after a possessive before the noun it owns. */
const MAX_DESCRIPTION_WORDS = 3;
/** A determiner that opens a description of one person not named: "A source", "One senior official". */
const UNNAMED_DETERMINER = /^\s*(?:A|An|One|Another)\s/u;
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
  const opener = subjectDescription(context, pronoun.start, gender);
  if (opener) return { speaker: opener, mention: { start: pronoun.start, end: pronoun.end }, verb };
  const described = previousDescribedSpeaker(context, pronoun, gender);
  if (described) return { ...described, mention: { start: pronoun.start, end: pronoun.end }, verb };
  const recent =
    previousSpeaker(context, pronoun.start, gender) ?? lastPersonBefore(context, pronoun.start, gender);
  if (recent === undefined) return undefined;
  // "Marsh's mother wept when she heard it. “…,” she asked.": the mother, whom no entity names; attributed to no one known.
  // "Donald Trump arrived. “…,” she said.": the last person named is no she, and no one else is known to be; the same.
  if (possessesPersonOf(context.text, recent, gender) || !fitsSex(context.genders, recent.entity, gender))
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
  if (!fitsSex(context.genders, speaker, gender)) return undefined;
  const accept = (entity: Entity) => {
    if (entity.type !== 'person') return false;
    const own = context.genders.get(entity);
    return own === undefined || own === gender;
  };
  let nearest = lastMentionBefore(context, position, accept);
  let passed = 0;
  // "“…,” Melanie said, as Donald Trump spoke. “…,” she said.": a person whose first name says the other sex is passed
  // over, but not one whose mother or wife the he/she may be ("Siler's mother cried when she heard").
  while (
    nearest !== undefined &&
    nearest.entity !== speaker &&
    !fitsSex(context.genders, nearest.entity, gender) &&
    !possessesPersonOf(context.text, nearest, gender) &&
    passed++ < MAX_PASSED_OVER
  )
    nearest = lastMentionBefore(context, nearest.start, accept);
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
  const previousEnd = previousSentenceEnd(context.masked, position);
  return previousEnd === undefined
    ? undefined
    : sentenceSubjectPerson(context, previousEnd - 1, gender, depth);
}

/**
 * Where the sentence before ends, when the he/she at `position` opens its own sentence (after an opening adverbial)
 * or follows only a quotation that does ("Marsh thanked them. “…,” he said."), and no photo caption runs into it.
 */
function previousSentenceEnd(masked: string, position: number): number | undefined {
  const start = sentenceStart(masked, position);
  const clause = captionClauseStart(masked, start, position);
  if (!/^[\s"“”'‘’,]*$/u.test(masked.slice(afterOpeningAdverbial(masked, clause, position), position)))
    return undefined;
  // "… the incident He said: …": what runs before it in the sentence is a photo caption, whose subject is no antecedent.
  if (clause !== start) return undefined;
  const previousEnd = masked.slice(0, start).trimEnd().length;
  return previousEnd === 0 ? undefined : previousEnd;
}

/**
 * "The woman's enthusiasm for Trump is recorded in detail: “Here he comes,” she said.": a he/she in a sentence that
 * opens with a person the article does not name and whose noun says the pronoun's sex ("The woman", "His elderly
 * mother", "The man's wife"), or placed as `previousSubjectPerson` reads it after such a sentence, is that person: the
 * description as written, not a named person further back.
 */
function subjectDescription(context: SpeakerContext, position: number, gender: Gender): string | undefined {
  const { masked } = context;
  const own = sentenceStart(masked, position);
  const described = sexedDescription(masked.slice(afterOpeningAdverbial(masked, own, position), position));
  if (described !== undefined) return described.gender === gender ? described.text : undefined;
  const previousEnd = previousSentenceEnd(masked, position);
  if (previousEnd === undefined) return undefined;
  const sentence = sentenceStart(masked, previousEnd - 1);
  const from = afterOpeningAdverbial(masked, sentence, previousEnd);
  const before = sexedDescription(masked.slice(from, previousEnd));
  if (before !== undefined) return before.gender === gender ? before.text : undefined;
  return unnamedPerson(context, from, position, gender);
}

/**
 * "A source close to the investigation has told Reuters that ….¶“…,” he said.": the sentence before opens with one
 * person the article does not name ("A source", "One official", "An aide"; a noun of people or of a role, not of the
 * other sex), and no one is named between it and the he/she: that description as written.
 */
function unnamedPerson(
  context: SpeakerContext,
  from: number,
  position: number,
  gender: Gender,
): string | undefined {
  const opening = UNNAMED_DETERMINER.exec(context.masked.slice(from, position));
  if (opening === null) return undefined;
  let words = 0;
  for (const word of context.masked.slice(from + opening[0].length, position).matchAll(/\S+/gu)) {
    if (!/^\p{Ll}+$/u.test(word[0]) || ++words > MAX_DESCRIPTION_WORDS) return undefined;
    if (!PEOPLE_NOUNS.has(word[0]) && !PERSON_ROLE_NOUNS.has(word[0])) continue;
    if (sexOfNoun(word[0]) === otherGender(gender)) return undefined;
    const end = from + opening[0].length + (word.index ?? 0) + word[0].length;
    const since = lastMentionBefore(context, position, (entity) => entity.type === 'person');
    return since !== undefined && since.start >= from ? undefined : context.text.slice(from, end).trim();
  }
  return undefined;
}

/**
 * The description of one person that `sentence` opens with, when its noun says the person's sex: a determiner, a
 * few lowercase words and the noun ("His elderly mother"); after a possessive, the noun it owns when that says a sex
 * too ("The man's elderly wife"), else the possessor ("The woman's enthusiasm": the woman).
 */
function sexedDescription(sentence: string): { text: string; gender: Gender } | undefined {
  const determiner = DESCRIPTION_DETERMINER.exec(sentence);
  if (determiner === null) return undefined;
  let head: { end: number; gender: Gender } | undefined;
  let words = 0;
  for (const word of sentence.slice(determiner[0].length).matchAll(/\S+/gu)) {
    const bare = /^(\p{Ll}+)(['’]s?)?$/u.exec(word[0]);
    if (bare === null || ++words > MAX_DESCRIPTION_WORDS) break;
    const gender = sexOfNoun(bare[1] as string);
    if (gender === undefined) continue;
    head = { end: determiner[0].length + (word.index ?? 0) + (bare[1] as string).length, gender };
    // Only a possessive goes on to the noun it owns.
    if (bare[2] === undefined) break;
    words = 0;
  }
  return head === undefined ? undefined : { text: sentence.slice(0, head.end).trim(), gender: head.gender };
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
  return fitsSex(context.genders, first.entity, gender) ? first : undefined;
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
  // "Lizzi's mum, Mary Crawford, said": the role, then the person set off by commas.
  const appositive = between.endsWith(',') && /^\s*,/u.test(context.text.slice(next.end, next.end + 2));
  const words = (appositive ? between.slice(0, -1) : between).split(/\s+/u).filter((word) => word !== '');
  const role = words.at(-1)?.toLowerCase() ?? '';
  const isRole = PERSON_ROLE_NOUNS.has(role) || PEOPLE_NOUNS.has(role) || sexOfNoun(role) !== undefined;
  return words.length <= MAX_TITLE_WORDS && isRole && !/[,.;:()]/u.test(words.join(' ')) ? next : undefined;
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

function sexOfNoun(word: string): Gender | undefined {
  if (NOUNS_OF_SEX.get('male')?.has(word)) return 'male';
  return NOUNS_OF_SEX.get('female')?.has(word) ? 'female' : undefined;
}

/** Nothing, or a few capitalised words ("Executive Director"), before a sentence's first name. */
function isTitlesOnly(before: string): boolean {
  // "… with the kids.' Lizzi's mum said": the closing mark of the quotation before is no word of this sentence.
  const words = before
    .replace(/^[\s'’"”)]+/u, '')
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
