import type { Entity, Span } from '../../result.ts';
import { CLAUSE_OPENERS, isCapitalised, isPossessive, lastIndexStartingBefore, type Word } from '../words.ts';
import type { Gender } from './gender.ts';
import {
  DOCUMENT_NOUNS,
  NOT_SPEAKERS,
  ORGANISATION_NOUNS,
  OUTLET_NAME,
  OUTLET_NOUNS,
  PEOPLE_NOUNS,
  PERSON_PRONOUNS,
  PERSON_ROLE_NOUNS,
} from './lexicon.ts';
import { isAdverbInLy, isParenthetical, sentenceStart } from './phrases.ts';
import { GENERAL_TITLES, roleHolders } from './role-holders.ts';

/** Who said it: the words that name the speaker (`mention`) and whom they resolve to. */
export interface Attribution {
  /**
   * The entity's name, or the description as written when it names no entity ("a US official"); absent
   * when the subject is a pronoun that names no one ("they call it …"): the quote is attributed, to no one known.
   */
  readonly speaker?: string;
  /** person or organization; a country speaking through its government is an organization. */
  readonly speakerType?: 'person' | 'organization';
  readonly mention: Span;
  readonly verb: string;
  /** The entity the speaker resolved to, if any. */
  readonly entity?: Entity;
}

export interface EntityMentionRef extends Span {
  readonly entity: Entity;
}

export interface SpeakerContext {
  readonly text: string;
  /** The text with quotations blanked out (offsets kept). */
  readonly masked: string;
  /** Every entity mention, sorted by start. */
  readonly mentions: readonly EntityMentionRef[];
  readonly genders: ReadonlyMap<Entity, Gender>;
  /** The speaker of the quote before, for "it said". */
  readonly previous: Attribution | undefined;
}

/** How many entity mentions back a pronoun or description may look for what it refers to. */
const MAX_ANTECEDENT_DISTANCE = 200;
/** How far back (in characters) a person of the pronoun's gender is preferred to a nearer one of unknown gender. */
const GENDERED_ANTECEDENT_WINDOW = 1500;
/** How many sentences back a he/she that opens a sentence may be read through ("Trump spoke. He … . He said …"). */
const MAX_PRONOUN_CHAIN = 2;
/** How many capitalised words (titles) may come before the name that opens a sentence. */
const MAX_TITLE_WORDS = 3;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const COMPOUND_TITLE = /^\p{Ll}+-general$/u;
const PARTICIPLE = /^\p{Ll}+ed$/u;
const DETERMINERS = new Set('a an the his her their its our this that these those'.split(' '));
/** Prepositions that tie a person to an organisation: "a spokeswoman for the company". */
const AFFILIATIONS = new Set(['for', 'at', 'of', 'with']);
/** Organisation nouns that may stand for any organisation the paragraph named: "Apple … the company said". */
const GENERIC_ORGANISATION_NOUNS = new Set(
  'company firm group organization organisation corporation'.split(' '),
);
/** Words before "of" in a subject: "one of the organisers", "members of Congress". */
const OF_HEADS = new Set(
  'one some many most several all each none both two three few group head chief member part percent majority'.split(
    ' ',
  ),
);
const SPEAKER_NOUNS = [PERSON_ROLE_NOUNS, PEOPLE_NOUNS, ORGANISATION_NOUNS, OUTLET_NOUNS, DOCUMENT_NOUNS];
/** People who speak for the organisation named before them: "a Pentagon spokesman", "a White House official". */
const SPEAKS_FOR_ORGANISATION = new Set(
  'spokesman spokeswoman spokesperson official representative'.split(' '),
);
const UNRESOLVED_PRONOUNS = new Set(['they', 'we', 'i', 'you']);
/** A clause opener and up to six more words, then a comma: "At New York, ", "In a statement Tuesday, ". */
const OPENING_ADVERBIAL = /^\s*(\p{Lu}\p{Ll}*)(?:\s+[^\s,.;:!?]+){0,6},\s+/u;
/** Clause openers that are the subject themselves. */
const SUBJECT_OPENERS = new Set('He She It They We I You The A An His Her Its Their Our My'.split(' '));
/** Determiners of one person not named: "a spokesman", "one official", "another source". */
const INDEFINITE_DETERMINERS = new Set(['a', 'an', 'one', 'another']);
/** Nouns that say a person's sex: a "she" is no spokesman. */
const OTHER_SEX_NOUNS: ReadonlyMap<Gender, ReadonlySet<string>> = new Map([
  [
    'male',
    new Set(
      'spokeswoman chairwoman congresswoman businesswoman woman mother wife daughter sister aunt niece widow'.split(
        ' ',
      ),
    ),
  ],
  [
    'female',
    new Set(
      'spokesman chairman congressman businessman man father husband son brother uncle nephew widower'.split(
        ' ',
      ),
    ),
  ],
]);
const GENERIC_HEADS = new Set(
  'people everyone everybody someone somebody anyone anybody nobody many most some others few all both each either neither'.split(
    ' ',
  ),
);

export function entityAttribution(
  mention: EntityMentionRef,
  verb: string,
  span: Span = mention,
): Attribution {
  return {
    speaker: mention.entity.name,
    speakerType: mention.entity.type === 'person' ? 'person' : 'organization',
    mention: { start: span.start, end: span.end },
    verb,
    entity: mention.entity,
  };
}

/**
 * Resolves a subject phrase to a speaker: "he"/"she" to the last person of that gender named before, "it" to
 * the organisation quoted before, a phrase that holds a name to that person or organisation (a person before
 * an organisation: "Mr. Morgan of the Sierra Club"), a description ("the newspaper", "the senator") to the one
 * entity it can mean, else the description as written. Pronouns like "they", bare determiners, adverbs and
 * generic words ("people", "many") are no speaker.
 */
export function resolvePhrase(
  context: SpeakerContext,
  whole: readonly Word[],
  verb: string,
): Attribution | undefined {
  const phrase = withoutParticipleClause(whole);
  const words = phrase.filter((word) => !isParenthetical(word));
  const first = words[0];
  const head = words.at(-1);
  if (first === undefined || head === undefined) return undefined;
  const lower = head.text.toLowerCase();
  const span = { start: (phrase[0] as Word).start, end: (phrase.at(-1) as Word).end };
  if (words.length === 1) {
    const gender = PERSON_PRONOUNS.get(lower);
    if (gender) return pronounAttribution(context, head, gender, verb);
    if (lower === 'it') return itAttribution(context, head, verb);
    if (UNRESOLVED_PRONOUNS.has(lower)) return { mention: { start: head.start, end: head.end }, verb };
  }
  if (NOT_SPEAKERS.has(lower) || GENERIC_HEADS.has(lower) || !isNounPhrase(words)) return undefined;
  const named = namedIn(context, span);
  if (named && isMemberOf(context.text, named, words))
    return { speaker: speakerText(context.text, words), mention: span, verb };
  if (named) return entityAttribution(named, verb);
  if (isVerbAndObject(words)) return undefined;
  const described = describedEntity(context, words, span.start);
  if (described) return entityAttribution(described, verb, span);
  const untagged = surnameMatch(context, words);
  if (untagged) return { ...entityAttribution(untagged, verb), mention: span };
  if (!isCapitalised(head.text) && !SPEAKER_NOUNS.some((nouns) => nouns.has(singular(lower))))
    return undefined;
  return { speaker: speakerText(context.text, words), mention: span, verb };
}

/**
 * "A GAO report [released last year]", "a complaint [filed by the SEC]": the noun phrase before the participle.
 * After a determiner, a preposition or an adverb it is an adjective: "52 percent of registered voters".
 */
function withoutParticipleClause(phrase: readonly Word[]): readonly Word[] {
  const cut = phrase.findIndex((word, index) => {
    const before = phrase[index - 1]?.text.toLowerCase() ?? '';
    const modifier = NOT_SPEAKERS.has(before) || AFFILIATIONS.has(before) || isAdverbInLy(before);
    return index > 0 && PARTICIPLE.test(word.text) && !modifier;
  });
  return cut > 0 ? phrase.slice(0, cut) : phrase;
}

/** "[who] owned a surveillance company [called “We Spy”]": a past form and its object, no description. */
function isVerbAndObject(words: readonly Word[]): boolean {
  return PARTICIPLE.test(words[0]?.text ?? '') && DETERMINERS.has(words[1]?.text.toLowerCase() ?? '');
}

/** The singular of a noun, or of the last word of a joined one ("52 percent"). */
function singular(word: string): string {
  const noun = word.slice(word.lastIndexOf(' ') + 1);
  if (noun.endsWith('ies')) return `${noun.slice(0, -3)}y`;
  if (noun.endsWith('men')) return `${noun.slice(0, -3)}man`;
  return noun.endsWith('s') && !noun.endsWith('ss') ? noun.slice(0, -1) : noun;
}

/**
 * Not a subject: a phrase that opens with "of" ("of Democratic [claims]"), ends in an adverb, or is "X of Y"
 * where X is no person, group or quantity ("Trump’s flurry of late-night [tweets]").
 */
function isNounPhrase(words: readonly Word[]): boolean {
  const lower = words.map((word) => word.text.toLowerCase());
  if (lower[0] === 'of' || isAdverbInLy(lower.at(-1) ?? '')) return false;
  return lower.every((word, index) => {
    if (word !== 'of' || index === 0) return true;
    const before = words[index - 1] as Word;
    const noun = singular(before.text.toLowerCase());
    return isCapitalised(before.text) || OF_HEADS.has(noun) || SPEAKER_NOUNS.some((nouns) => nouns.has(noun));
  });
}

/** "The Hill" as a name without "the"; descriptions ("the agency", "a US official") as written. */
function speakerText(text: string, words: readonly Word[]): string {
  const from = words[0]?.text.toLowerCase() === 'the' && isCapitalised(words[1]?.text ?? '') ? 1 : 0;
  return text.slice((words[from] as Word).start, (words.at(-1) as Word).end);
}

/** True when the mention is the whole phrase, bar "the". */
function isName(context: SpeakerContext, mention: Span, span: Span): boolean {
  const before = context.text.slice(span.start, mention.start).trim().toLowerCase();
  return (before === '' || before === 'the') && context.text.slice(mention.end, span.end).trim() === '';
}

/**
 * The person or organisation a phrase names: its first person, else its first organisation, else a place
 * that is the whole phrase ("Japan said": the state). A name in the possessive that modifies another noun
 * ("Scott's niece", "Clinton’s campaign") is not the speaker, unless nothing else is named.
 */
function namedIn(context: SpeakerContext, span: Span): EntityMentionRef | undefined {
  const from = lastIndexStartingBefore(context.mentions, span.start) + 1;
  let person: EntityMentionRef | undefined;
  let organization: EntityMentionRef | undefined;
  let place: EntityMentionRef | undefined;
  for (let index = from; index < context.mentions.length; index++) {
    const mention = context.mentions[index] as EntityMentionRef;
    if (mention.start >= span.end) break;
    if (mention.end > span.end || isModifier(context.text, mention, span)) continue;
    if (mention.entity.type === 'person') {
      person = person === undefined || isRoleBetween(context.text, person, mention) ? mention : person;
    } else if (mention.entity.type === 'organization') organization ??= mention;
    else if (mention.entity.type === 'place' && isName(context, mention, span)) place ??= mention;
  }
  return person ?? organization ?? place;
}

/**
 * "A former UC Global employee testified": a person the phrase ends on, of whom the organisation (or place) named
 * in it only says where they belong, speaks for themselves; not so a spokesman or an official, who speak for it.
 */
function isMemberOf(text: string, named: EntityMentionRef, words: readonly Word[]): boolean {
  const head = singular((words.at(-1) as Word).text.toLowerCase());
  const after = text.slice(named.end, (words.at(-1) as Word).end).trim();
  return (
    named.entity.type !== 'person' &&
    after !== '' &&
    PEOPLE_NOUNS.has(head) &&
    !SPEAKS_FOR_ORGANISATION.has(head)
  );
}

/**
 * "Clinton [spokesman] Jesse Lehrich", "Kellogg [Chairman] William LaMothe": only role words (any case) between two
 * names, so the second is the person.
 */
function isRoleBetween(text: string, first: Span, second: Span): boolean {
  const between = text.slice(first.end, second.start).trim().toLowerCase().split(/\s+/u);
  return (
    between.length <= 3 &&
    between.every((word) => PERSON_ROLE_NOUNS.has(word) || PEOPLE_NOUNS.has(word) || word === 'campaign')
  );
}

function isModifier(text: string, mention: Span, span: Span): boolean {
  const after = text.slice(mention.end, span.end);
  const possessive =
    /^['’]s?\s+\S/u.test(after) || isPossessive(text.slice(mention.start, mention.end + 2).trim());
  return possessive && after.replace(/^['’]s?/u, '').trim() !== '';
}

function pronounAttribution(
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
  return recent ? entityAttribution(recent, verb, pronoun) : undefined;
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
  if (!INDEFINITE_DETERMINERS.has(determiner) || OTHER_SEX_NOUNS.get(gender)?.has(head)) return undefined;
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
  // The pronoun opens its sentence, or follows a quotation that does ("Marsh thanked them. “…,” he said.").
  if (!/^[\s"“”'‘’,]*$/u.test(masked.slice(afterOpeningAdverbial(masked, start, position), position)))
    return undefined;
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
  const start = afterOpeningAdverbial(context.masked, sentenceStart(context.masked, position), position);
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

function itAttribution(context: SpeakerContext, pronoun: Word, verb: string): Attribution | undefined {
  const mention = { start: pronoun.start, end: pronoun.end };
  const previous = context.previous;
  if (previous !== undefined && previous.speakerType !== 'person') return { ...previous, mention, verb };
  const organization = lastMentionBefore(context, pronoun.start, (entity) => entity.type === 'organization');
  return organization ? entityAttribution(organization, verb, mention) : undefined;
}

/**
 * The person a he/she refers to: the last one named before it (outside quotations) whom the article gives
 * that gender, if named within the last few paragraphs; else the last one whose gender is unknown.
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
  return lastMentionBefore(context, position, (entity) => {
    if (entity.type !== 'person') return false;
    const own = context.genders.get(entity);
    return own === undefined || own === gender;
  });
}

function lastMentionBefore(
  context: SpeakerContext,
  position: number,
  accept: (entity: Entity) => boolean,
): EntityMentionRef | undefined {
  const last = lastIndexStartingBefore(context.mentions, position);
  for (let index = last; index >= 0 && last - index < MAX_ANTECEDENT_DISTANCE; index--) {
    const mention = context.mentions[index] as EntityMentionRef;
    if (mention.end <= position && accept(mention.entity) && !isInQuote(context, mention)) return mention;
  }
  return undefined;
}

function isInQuote(context: SpeakerContext, span: Span): boolean {
  return context.masked[span.start] !== context.text[span.start];
}

/**
 * The entity a description names when the article names one that fits, before it: "the newspaper" the last
 * news outlet, "the agency" the last organisation with "Agency" in its name (or an acronym), "the company"
 * the last organisation named in the paragraph, "the senator" the one person the article calls a senator
 * (in a role or a title before the name: "Sen. Elizabeth Warren"). "A spokeswoman for the company" is the
 * company's. A plural ("the companies") names no one entity.
 */
function describedEntity(
  context: SpeakerContext,
  words: readonly Word[],
  position: number,
): EntityMentionRef | undefined {
  const affiliation = words.findIndex((word, index) => index > 0 && AFFILIATIONS.has(word.text));
  if (affiliation > 0) return describedEntity(context, words.slice(affiliation + 1), position);
  const last = words.at(-1);
  if (last === undefined) return undefined;
  const head = roleHead(words);
  // "The companies hoped …", "the senators said": more than one, so no one entity.
  const plural = singular(last.text.toLowerCase()) !== last.text.toLowerCase();
  if (words.length > 4 || isCapitalised(last.text) || plural) return undefined;
  if (OUTLET_NOUNS.has(head)) {
    return lastMentionBefore(
      context,
      position,
      (entity) => entity.type === 'organization' && isOutlet(entity),
    );
  }
  if (ORGANISATION_NOUNS.has(head)) return describedOrganization(context, head, position);
  if (PERSON_ROLE_NOUNS.has(head) || COMPOUND_TITLE.test(head))
    return describedPerson(context, head, position);
  return undefined;
}

/**
 * The noun a description ends with, singular: "the senators" -> senator. "Attorney general", "surgeon general"
 * are one title (attorney-general): the attorney general is no attorney, nor a general.
 */
function roleHead(words: readonly Word[]): string {
  const last = singular((words.at(-1) as Word).text.toLowerCase());
  const before = words.at(-2)?.text.toLowerCase();
  return last === 'general' && before !== undefined && GENERAL_TITLES.has(before)
    ? `${before}-general`
    : last;
}

function isOutlet(entity: Entity): boolean {
  return OUTLET_NAME.test(entity.name);
}

function describedOrganization(
  context: SpeakerContext,
  head: string,
  position: number,
): EntityMentionRef | undefined {
  const named = lastMentionBefore(
    context,
    position,
    (entity) =>
      entity.type === 'organization' &&
      (entity.name.toLowerCase().split(/\s+/u).includes(head) ||
        (head === 'agency' && ACRONYM.test(entity.name))),
  );
  if (named !== undefined || !GENERIC_ORGANISATION_NOUNS.has(head)) return named;
  const recent = lastMentionBefore(
    context,
    position,
    (entity) => entity.type === 'organization' && !isOutlet(entity),
  );
  return recent && recent.start >= paragraphStart(context.text, position) ? recent : undefined;
}

function paragraphStart(text: string, position: number): number {
  return text.lastIndexOf('\n', position - 1) + 1;
}

function describedPerson(
  context: SpeakerContext,
  head: string,
  position: number,
): EntityMentionRef | undefined {
  const { first, second } = roleHolders(context, head);
  // Exactly one person the article calls so before the description: after the first holder, before the second.
  if (first === undefined || position < first.end || position >= second) return undefined;
  return lastMentionBefore(context, position, (entity) => entity === first.entity);
}

/**
 * The first mention of each person by the last word of any of their names, built once per article: looking
 * through every mention for every quote made a page of quotes quadratic (bench:large's quotation-marks).
 */
const firstMentionBySurname = new WeakMap<readonly EntityMentionRef[], Map<string, EntityMentionRef>>();

function surnameIndex(mentions: readonly EntityMentionRef[]): Map<string, EntityMentionRef> {
  let index = firstMentionBySurname.get(mentions);
  if (index === undefined) {
    index = new Map();
    for (const mention of mentions) {
      if (mention.entity.type !== 'person') continue;
      for (const name of [mention.entity.name, ...(mention.entity.aliases ?? [])]) {
        const surname = name.toLowerCase().split(/\s+/u).at(-1) as string;
        if (!index.has(surname)) index.set(surname, mention);
      }
    }
    firstMentionBySurname.set(mentions, index);
  }
  return index;
}

/** A capitalised name the tagger missed, or wrote otherwise ("PENCE"), that is a known person's surname. */
function surnameMatch(context: SpeakerContext, words: readonly Word[]): EntityMentionRef | undefined {
  if (!words.every((word) => isCapitalised(word.text))) return undefined;
  return surnameIndex(context.mentions).get((words.at(-1) as Word).text.toLowerCase());
}
