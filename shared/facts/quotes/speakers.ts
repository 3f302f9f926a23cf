import type { Entity, Span } from '../../result.ts';
import { isCapitalised, isPossessive, lastIndexStartingBefore, type Word } from '../words.ts';
import { KIN_NOUNS } from './gender.ts';
import { pronounAttribution } from './he-she.ts';
import {
  DOCUMENT_NOUNS,
  NOT_SPEAKERS,
  ORGANISATION_NOUNS,
  OUTLET_NAME,
  OUTLET_NOUNS,
  PEOPLE_NOUNS,
  PERSON_PRONOUNS,
  PERSON_ROLE_NOUNS,
  PHRASE_BOUNDARIES,
  SPEAKS_FOR_ORGANISATION,
} from './lexicon.ts';
import { isAdverbInLy, isParenthetical } from './phrases.ts';
import { GENERAL_TITLES, roleHolders } from './role-holders.ts';
import {
  type Attribution,
  type EntityMentionRef,
  entityAttribution,
  lastMentionBefore,
  type SpeakerContext,
} from './speaker-context.ts';
import { theyAttribution } from './they.ts';
import { isBasedIn, isPrepositionObject, isWrittenAsName } from './unnamed-capitals.ts';

const ACRONYM = /^\p{Lu}{2,6}$/u;
/** The end of a modifier cut at its hyphen or stop: "based", "Conn.based". */
const BASED = /^(?:\S*[.-])?based$/u;
/** How far into its line a dateline's wire may stand: "WASHINGTON, Sept. 28 (UPI) —". */
const DATELINE_LENGTH = 60;
const COMPOUND_TITLE = /^\p{Ll}+-general$/u;
const PARTICIPLE = /^\p{Ll}+ed$/u;
const PRESENT_PARTICIPLE = /^\p{Ll}{2,}ing$/u;
/** Nouns in -ing that a description may hold before "of", "for" or "the": "a hearing on", "the ruling of". */
const ING_NOUNS = new Set(
  'building meeting morning evening hearing ruling briefing wedding funding spending training housing thing something anything nothing everything king spring string ceiling offering warning finding filing listing recording reading writing ring wing during'.split(
    ' ',
  ),
);
/** Words that follow a participle opening a clause: "marching [through] the streets", "holding [a] sign". */
const CLAUSE_OBJECT_OPENERS = new Set(
  'through across along around outside inside near in on at into from up down out'.split(' '),
);
/** Roles a person holds for another, beside the role nouns: "Clinton [campaign manager] Robby Mook". */
const ROLE_HEADS = new Set(['manager', 'chair', 'counsel', 'coordinator']);
/** A lowercase word, hyphens allowed: "press", "deputy", "vice-chair". */
const LOWERCASE_WORD = /^\p{Ll}+(?:-\p{Ll}+)*$/u;
const DETERMINERS = new Set('a an the his her their its our this that these those'.split(' '));
/** People who run for an office an organisation names: "the Senate candidate" does not speak for the Senate. */
const CANDIDATE_NOUNS = new Set(['candidate', 'nominee', 'hopeful', 'contender', 'challenger']);
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
/** An article about a study's paper, whose "the paper" is that text, not a newspaper: "a new research paper published in". */
const RESEARCH_PAPER =
  /\b(?:research|scientific|academic|white|working|discussion|policy|conference)\s+papers?\b|\bpapers?\s+(?:published|titled|entitled)\b/iu;
/** A noun of a calling by its ending: "physicist", "psychologist", "librarian", "pediatrician". */
const CALLING_SUFFIX = /^\p{Ll}{4,}(?:ist|ian)$/u;
const SPEAKER_NOUNS = [PERSON_ROLE_NOUNS, PEOPLE_NOUNS, ORGANISATION_NOUNS, OUTLET_NOUNS, DOCUMENT_NOUNS];
/** Subjects that name no one known: the quote is theirs, so not the speaker's before ("“…” another replies"). */
const UNRESOLVED_PRONOUNS = new Set(['they', 'we', 'i', 'you', 'another']);
const GENERIC_HEADS = new Set(
  'people everyone everybody someone somebody anyone anybody nobody many most some others few all both each either neither'.split(
    ' ',
  ),
);

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
    if (lower === 'they')
      return theyAttribution(context, head, verb) ?? { mention: { start: head.start, end: head.end }, verb };
    if (UNRESOLVED_PRONOUNS.has(lower)) return { mention: { start: head.start, end: head.end }, verb };
  }
  if (NOT_SPEAKERS.has(lower) || GENERIC_HEADS.has(lower) || !isNounPhrase(words)) return undefined;
  if (isPrepositionObject(context, words)) return undefined;
  // "[Maryland-]based lawyer Jim Dunham": the name after the modifier's end; "the Millbrook, Ore.[-based company]": none.
  if (BASED.test(first.text)) {
    const rest = words.slice(1);
    return rest.some((word) => isCapitalised(word.text)) ? resolvePhrase(context, rest, verb) : undefined;
  }
  const named = namedIn(context, span);
  // "Stevens’ mother, Janet, said": the mother, not Stevens; the description as written.
  if (named?.entity.type === 'person' && isKinOf(context.text, named, words))
    return { speaker: speakerText(context.text, words), mention: span, verb };
  if (named && isMemberOf(context.text, named, words)) {
    // "The Arsenal manager said": the one person the article calls its manager, else the description as written.
    const holder = describedPerson(context, roleHead(words), span.start);
    if (holder) return entityAttribution(holder, verb, span);
    return { speaker: speakerText(context.text, words), mention: span, verb };
  }
  if (named) return entityAttribution(named, verb);
  if (isVerbAndObject(words)) return undefined;
  const described = describedEntity(context, words, span.start);
  if (described) return entityAttribution(described, verb, span);
  const untagged = surnameMatch(context, words);
  if (untagged) return { ...entityAttribution(untagged, verb), mention: span };
  const known =
    SPEAKER_NOUNS.some((nouns) => nouns.has(singular(lower))) ||
    (CALLING_SUFFIX.test(singular(lower)) && DETERMINERS.has(first.text.toLowerCase()));
  if (!known && !(isCapitalised(head.text) && isWrittenAsName(context, words))) return undefined;
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
    return index > 0 && (PARTICIPLE.test(word.text) || isPresentParticiple(phrase, index)) && !modifier;
  });
  return cut > 0 ? phrase.slice(0, cut) : phrase;
}

/**
 * "Protesters [marching through the streets] chanted": an -ing form after a noun and before a preposition or
 * determiner opens a clause; not a noun in -ing ("the building manager", "a hearing on the bill").
 */
function isPresentParticiple(phrase: readonly Word[], index: number): boolean {
  const word = phrase[index]?.text ?? '';
  const next = phrase[index + 1]?.text.toLowerCase() ?? '';
  return (
    PRESENT_PARTICIPLE.test(word) &&
    !ING_NOUNS.has(word) &&
    (CLAUSE_OBJECT_OPENERS.has(next) || DETERMINERS.has(next))
  );
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

/** A person's name in the possessive, then the phrase's last word a relation of one sex: "Stevens’ mother". */
function isKinOf(text: string, named: EntityMentionRef, words: readonly Word[]): boolean {
  const head = (words.at(-1) as Word).text.toLowerCase();
  const after = text.slice(named.end, (words.at(-1) as Word).start);
  return KIN_NOUNS.has(head) && /^(?:['’]s?|s['’])\s+(?:\p{Ll}+\s+)?$/u.test(after);
}

/**
 * "A former UC Global employee testified", "the Arsenal manager said": a person the phrase ends on (a role or a
 * kind of person), of whom the organisation (or place) named in it only says where they belong, speaks for
 * themselves; not so a spokesman or an official, who speak for it.
 * "The current Senate candidate" runs for the Senate and does not speak for it, nor does one of two roles joined
 * by "and" ("the former state treasurer and current Senate candidate").
 */
function isMemberOf(text: string, named: EntityMentionRef, words: readonly Word[]): boolean {
  const head = singular((words.at(-1) as Word).text.toLowerCase());
  const after = text.slice(named.end, (words.at(-1) as Word).end).trim();
  if (named.entity.type === 'person' || after === '') return false;
  if (CANDIDATE_NOUNS.has(head)) return true;
  return (PEOPLE_NOUNS.has(head) || PERSON_ROLE_NOUNS.has(head)) && !SPEAKS_FOR_ORGANISATION.has(head);
}

/**
 * "Clinton [spokesman] Jesse Lehrich", "Kellogg [Chairman] William LaMothe", "Clinton [campaign manager] Robby
 * Mook", "Clinton [communication director] Jennifer Palmieri": role words (any case), or a few lowercase words
 * that join no clause, between two names, so the second is the person.
 */
function isRoleBetween(text: string, first: Span, second: Span): boolean {
  const written = text.slice(first.end, second.start).trim().split(/\s+/u);
  const between = written.map((word) => word.toLowerCase());
  if (between.length > 3) return false;
  const isRole = (word: string) =>
    PERSON_ROLE_NOUNS.has(word) || PEOPLE_NOUNS.has(word) || ROLE_HEADS.has(word);
  if (between.every((word) => isRole(word) || word === 'campaign')) return true;
  // Lowercase words that end on a role: "[press secretary]", not a name's particle or a clause ("bin", "of").
  return (
    isRole(between.at(-1) ?? '') &&
    written.every((word) => LOWERCASE_WORD.test(word) && !PHRASE_BOUNDARIES.has(word) && word !== 'of')
  );
}

/**
 * A name that modifies another noun is not the speaker: a possessor ("Clinton’s campaign"), or where the speaker
 * is based ("the Stamford, Conn.-based company", "a Denver-based group"), which is a place whatever its type.
 */
function isModifier(text: string, mention: Span, span: Span): boolean {
  const after = text.slice(mention.end, span.end);
  if (isBasedIn(text, mention)) return true;
  // "The Story of Katherine …", "a friend of Ann Reyes": a name after "of" is not the phrase's head.
  if (mention.start > span.start && /\bof\s+(?:the\s+)?$/u.test(text.slice(span.start, mention.start)))
    return true;
  const possessive =
    /^['’]s?\s+\S/u.test(after) || isPossessive(text.slice(mention.start, mention.end + 2).trim());
  return possessive && after.replace(/^['’]s?/u, '').trim() !== '';
}

function itAttribution(context: SpeakerContext, pronoun: Word, verb: string): Attribution | undefined {
  const mention = { start: pronoun.start, end: pronoun.end };
  const previous = context.previous;
  if (previous !== undefined && previous.speakerType !== 'person') return { ...previous, mention, verb };
  const organization = lastMentionBefore(context, pronoun.start, (entity) => entity.type === 'organization');
  return organization ? entityAttribution(organization, verb, mention) : undefined;
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
  // "The former first lady and U.S. senator": one person, found by the last role.
  const and = words.findLastIndex((word) => word.text === 'and');
  if (and > 0) return describedEntity(context, words.slice(and + 1), position);
  const affiliation = words.findIndex((word, index) => index > 0 && AFFILIATIONS.has(word.text));
  if (affiliation > 0) return describedEntity(context, words.slice(affiliation + 1), position);
  const last = words.at(-1);
  if (last === undefined) return undefined;
  const head = roleHead(words);
  // "The companies hoped …", "the senators said": more than one, so no one entity.
  const plural = singular(last.text.toLowerCase()) !== last.text.toLowerCase();
  if (words.length > 4 || isCapitalised(last.text) || plural) return undefined;
  if (OUTLET_NOUNS.has(head))
    return head === 'paper' && RESEARCH_PAPER.test(context.text)
      ? undefined
      : describedOutlet(context, position);
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

/**
 * "The paper said": the last news outlet named, bar the wire of a dateline ("SEOUL, Aug. 20 (Yonhap) --"), which
 * files the article and is no description's; else the organisation that spoke in the quote before ("…,” the Rodong
 * Sinmun said. The paper said …": a paper whose name has no word of an outlet's).
 */
function describedOutlet(context: SpeakerContext, position: number): EntityMentionRef | undefined {
  const outlet = lastMentionBefore(
    context,
    position,
    (entity) => entity.type === 'organization' && isOutlet(entity),
  );
  if (outlet !== undefined && !isDatelineWire(context.text, outlet)) return outlet;
  const previous = context.previous?.entity;
  if (previous?.type !== 'organization') return undefined;
  const spoke = lastMentionBefore(context, position, (entity) => entity === previous);
  return spoke === undefined || isDatelineWire(context.text, spoke) ? undefined : spoke;
}

/** "(Yonhap) --", "(CNN)" in the first line: the wire or network that files the article. */
function isDatelineWire(text: string, mention: Span): boolean {
  const lineStart = paragraphStart(text, mention.start);
  return (
    mention.start - lineStart <= DATELINE_LENGTH &&
    text[mention.start - 1] === '(' &&
    text[mention.end] === ')'
  );
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
  if (recent === undefined || isBasedIn(context.text, recent)) return undefined;
  return recent.start >= paragraphStart(context.text, position) ? recent : undefined;
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

/**
 * A capitalised name the tagger missed, or wrote otherwise ("PENCE"), that is a known person's surname; its capitalised
 * words may be joined by "of", the surname last ("The Story of Alexandria Redwood said": Redwood).
 */
function surnameMatch(context: SpeakerContext, words: readonly Word[]): EntityMentionRef | undefined {
  const joined = (word: Word, index: number) => word.text === 'of' && index > 0 && index < words.length - 1;
  if (!words.every((word, index) => isCapitalised(word.text) || joined(word, index))) return undefined;
  return surnameIndex(context.mentions).get((words.at(-1) as Word).text.toLowerCase());
}
