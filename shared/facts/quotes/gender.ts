import { wordLists } from '../../lexicon/word-lists.ts';
import type { Entity } from '../../result.ts';
import { FOLDS_TO_ASCII } from '../words.ts';

export type Gender = 'male' | 'female';

export interface PersonMention {
  readonly start: number;
  readonly end: number;
  readonly entity: Entity;
}

const HONORIFIC_BEFORE = /\b(Mr|Mrs|Ms|Miss)\.?\s+$/u;
const FEMALE_HONORIFICS = new Set(['Mrs', 'Ms', 'Miss']);
/** A speech verb whose object is the person spoken to: "told [Reyes]", "asked [Reyes]". */
const ADDRESSEE_BEFORE = /\b(?:told|asked)\s+$/u;
const PRONOUN = /\b(?:(he|his|himself)|(she|herself))\b/giu;
/** The same without the `u` flag, faster, for a text without FOLDS_TO_ASCII's characters. */
const PRONOUN_ASCII = new RegExp(PRONOUN.source, 'gi');
const SENTENCE_END = /[.!?]\s|\n/u;
/** How many more votes one gender needs than the other before a person is given it. */
const MARGIN = 2;
/** An honorific ("Mr.", "Mrs.") counts as this many pronoun votes. */
const HONORIFIC_WEIGHT = 5;
/** A first name, then at least one more capitalised word: "Donald Trump", "Mary-Kate Olsen". */
const FIRST_NAME = /^(\p{Lu}[\p{Ll}'-]+)\s+\p{Lu}/u;
/** The noun after a possessive: "['s mother]", "[' wife]". */
const POSSESSED_NOUN = /^['’]s?\s+(\p{L}+)/u;

/** Nouns that say a person's sex: a "she" is no spokesman, and "Reyes's mother … she" is the mother. */
export const NOUNS_OF_SEX: ReadonlyMap<Gender, ReadonlySet<string>> = new Map([
  [
    'female',
    new Set(
      'spokeswoman chairwoman congresswoman businesswoman woman lady girl mother mum mom grandmother wife girlfriend daughter sister aunt niece widow'.split(
        ' ',
      ),
    ),
  ],
  [
    'male',
    new Set(
      'spokesman chairman congressman businessman man boy father dad grandfather husband boyfriend son brother uncle nephew widower'.split(
        ' ',
      ),
    ),
  ],
]);

let namesOfSex: ReadonlyMap<string, Gender> | undefined;

/**
 * The sex a person's first name says, when the name is a first name and a surname and the first name is of one
 * sex only (`npm run build:word-lists`: "Donald", "Melanie"; not "Jesse", "Kim" or "Chris"). A name of one word
 * ("Alley", "Joe") says nothing: it is as often a surname or a nickname.
 */
export function firstNameSex(name: string): Gender | undefined {
  const first = FIRST_NAME.exec(name)?.[1];
  if (first === undefined) return undefined;
  if (namesOfSex === undefined) {
    const { maleNames, femaleNames } = wordLists();
    const table = new Map<string, Gender>();
    for (const word of maleNames) table.set(word, 'male');
    for (const word of femaleNames) table.set(word, 'female');
    namesOfSex = table;
  }
  return namesOfSex.get(first.toLowerCase());
}

/**
 * Whether a person can be what a he/she of `gender` stands for: the article gives them that gender or none, and when
 * it gives none, their first name does not say the other sex ("“…,” she said" is not Donald Trump's).
 */
export function fitsSex(genders: ReadonlyMap<Entity, Gender>, entity: Entity, gender: Gender): boolean {
  const own = genders.get(entity) ?? firstNameSex(entity.name);
  return own === undefined || own === gender;
}

/** Nouns of sex that name a relation, not a role: "Stevens’ mother" is not Stevens, as "Reyes’ spokesman" speaks for her. */
export const KIN_NOUNS: ReadonlySet<string> = new Set(
  'mother mum mom grandmother wife girlfriend daughter sister aunt niece widow father dad grandfather husband boyfriend son brother uncle nephew widower'.split(
    ' ',
  ),
);

export function otherGender(gender: Gender): Gender {
  return gender === 'male' ? 'female' : 'male';
}

/** The sex of the person a name in the possessive ending at `end` is written before: "Marsh's mother" is female. */
export function possessedSex(text: string, end: number): Gender | undefined {
  const noun = POSSESSED_NOUN.exec(text.slice(end, end + 24))?.[1]?.toLowerCase() ?? '';
  if (NOUNS_OF_SEX.get('female')?.has(noun)) return 'female';
  return NOUNS_OF_SEX.get('male')?.has(noun) ? 'male' : undefined;
}

/**
 * The gender the article itself gives each person: "Mr."/"Mrs."/"Ms." before a mention, and the he/she
 * pronouns of sentences in which that person is the only one named (the rest of the sentence after the
 * name, and the next sentence when it names no one). `masked` has quotations blanked, so pronouns inside a
 * quote do not vote. A person needs two votes more for one gender than the other to get it.
 */
export function personGenders(
  text: string,
  masked: string,
  people: readonly PersonMention[],
): Map<Entity, Gender> {
  const votes = new Map<Entity, { male: number; female: number }>();
  const vote = (entity: Entity, gender: Gender, weight: number) => {
    const tally = votes.get(entity) ?? { male: 0, female: 0 };
    tally[gender] += weight;
    votes.set(entity, tally);
  };
  const pronouns = FOLDS_TO_ASCII.test(masked) ? PRONOUN : PRONOUN_ASCII;
  for (const [index, mention] of people.entries()) {
    const honorific = HONORIFIC_BEFORE.exec(text.slice(Math.max(0, mention.start - 6), mention.start))?.[1];
    if (honorific)
      vote(mention.entity, FEMALE_HONORIFICS.has(honorific) ? 'female' : 'male', HONORIFIC_WEIGHT);
    const next = people[index + 1];
    const until = Math.min(next?.start ?? masked.length, secondSentenceEnd(masked, mention.end));
    if (next !== undefined && next.entity !== mention.entity && sameSentence(masked, mention.end, next.start))
      continue;
    // A name inside a quotation is no antecedent of the story's pronouns after it ("'… sex with Marcos.' But she …").
    if (masked[mention.start] !== text[mention.start]) continue;
    // "“…,” she told Reyes. “…,” she added.": the one spoken to; the pronouns after are the speaker's.
    if (ADDRESSEE_BEFORE.test(text.slice(Math.max(0, mention.start - 12), mention.start))) continue;
    // "Marsh's mother wept when she heard": the she is the mother's, so it gives Marsh no vote.
    const possessed = possessedSex(text, mention.end);
    for (const match of masked.slice(mention.end, until).matchAll(pronouns)) {
      const gender = match[1] ? 'male' : 'female';
      if (gender !== possessed) vote(mention.entity, gender, 1);
    }
  }
  const genders = new Map<Entity, Gender>();
  for (const [entity, { male, female }] of votes) {
    if (male >= female + MARGIN) genders.set(entity, 'male');
    else if (female >= male + MARGIN) genders.set(entity, 'female');
  }
  return genders;
}

function secondSentenceEnd(masked: string, from: number): number {
  const first = SENTENCE_END.exec(masked.slice(from, from + 400));
  if (first === null) return Math.min(masked.length, from + 400);
  const second = SENTENCE_END.exec(masked.slice(from + first.index + 2, from + 800));
  return second === null ? Math.min(masked.length, from + 800) : from + first.index + 2 + second.index;
}

function sameSentence(masked: string, from: number, to: number): boolean {
  return !SENTENCE_END.test(masked.slice(from, to));
}
