import { isCapitalised, isPossessive, type Word } from '../words.ts';
import { firstMention, mentionEndingNear, nameBeforeAppositive } from './appositives.ts';
import {
  BASE_FORM_SUBJECTS,
  DOCUMENT_NOUNS,
  NOT_SPEAKERS,
  PASSIVE_AUXILIARIES,
  PERSON_PRONOUNS,
  PROGRESSIVE_AUXILIARIES,
  type ReportingVerb,
  reportingVerb,
  SPEECH_NOUNS,
} from './lexicon.ts';
import { descriptionAsWritten, nameWithAffiliation, unclosedAppositive } from './long-subjects.ts';
import { isTitleCase, QUOTATION_MARK, type QuoteMarks } from './marks.ts';
import {
  attributionWords,
  DASHES,
  isPhraseWord,
  phraseAfter,
  phraseBefore,
  sentenceEnd,
  sentenceStart,
  skipBackOver,
} from './phrases.ts';
import { openingPersonOf, openingSubject } from './sentence-openers.ts';
import { type Attribution, entityAttribution, type SpeakerContext } from './speaker-context.ts';
import { resolvePhrase } from './speakers.ts';

export interface Candidate {
  readonly attribution: Attribution;
  readonly rank: number;
}

const MAX_AFTER_WORDS = 45;
const MAX_SUBJECT_WORDS = 9;
const MAX_APPOSITIVE_WORDS = 30;
const MAX_NAME_WORDS = 6;
/** After a quote that ends its own sentence ("….”), how many words may follow its attribution's verb. */
const MAX_WORDS_AFTER_CLOSED_QUOTE = 4;
/** Words before a verb form that make it a noun: "his claims", "the report", "Clinton's tweets". */
const NOUN_MARKERS = new Set('the a an his her their its our my your these those this that of'.split(' '));
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'van', 'von', 'al', 'bin', 'la', 'le', 'di', 'y']);
/** Words that open the object of "to share": "to share her love", "to share a photo". */
const OBJECT_OPENERS = new Set('a an the his her their its my our your some'.split(' '));
/** Pronouns of the writer or the reader: "I remember thinking", whom no entity names. */
const NARRATORS = new Set(['i', 'we', 'you']);
/** "Reading from the ruling:": a participle opens the clause, and names no one. */
const PARTICIPLE_OPENER = /^\p{Lu}\p{Ll}+ing\b/u;
/** How many words may open a sentence before the person who is its subject ("And President Bush"). */
const OPENING_WORDS = 4;
/** A verb right after these is a relative clause's ("a resident who posted about it, said"), not the attribution's. */
const RELATIVE_PRONOUNS = new Set(['who', 'that', 'which']);
/** "Trump’s claim that …" attributes a quote more weakly than any reporting verb with a named subject. */
const SPEECH_NOUN_RANK = 0.75;

function verbAt(words: readonly Word[], index: number): ReportingVerb | undefined {
  const word = words[index];
  return word === undefined || isCapitalised(word.text) ? undefined : reportingVerb(word.text);
}

/** "“...,” Biden said", "“...,” said the State Department", "“...” ― Carla Sanchez", "“...,” per the bylaws". */
export function attributeAfter(context: SpeakerContext, quote: QuoteMarks): Attribution | undefined {
  const from = quote.close + 1;
  const words = attributionWords(context.masked, from, sentenceEnd(context.masked, from)).slice(
    0,
    MAX_AFTER_WORDS,
  );
  const closed = /[.]$/u.test(context.masked.slice(quote.open + 1, quote.close).trimEnd());
  let index = 0;
  let dash = false;
  while (index < words.length && isLeadingPunctuation((words[index] as Word).text)) {
    dash ||= DASHES.has((words[index] as Word).text);
    index++;
  }
  const first = words[index];
  if (first === undefined) return undefined;
  const lower = first.text.toLowerCase();
  if (lower === 'according' && words[index + 1]?.text.toLowerCase() === 'to') {
    return resolvePhrase(context, phraseAfter(words, index + 2), 'according to');
  }
  if (lower === 'per') return resolvePhrase(context, phraseAfter(words, index + 1), 'per');
  const firstVerb = verbAt(words, index);
  if (firstVerb?.rank === 2 && firstVerb.form !== 'ing' && firstVerb.form !== 'base') {
    const phrase = phraseAfter(words, index + 1);
    if (closed && !endsAttribution(words, index + 1 + phrase.length)) return undefined;
    return resolvePhrase(context, phrase, first.text) ?? descriptionAsWritten(context, phrase, first.text);
  }
  if (PASSIVE_AUXILIARIES.has(lower) && verbAt(words, index + 1)?.form === 'past') {
    return passiveAgent(context, words, index + 1, (words[index + 1] as Word).text);
  }
  // "…,” as a Homeland Security memo put it.
  const subjectStart = lower === 'as' ? index + 1 : index;
  const verb = words.findIndex(
    (_, at) =>
      at > subjectStart &&
      isFiniteSpeechVerb(words, at) &&
      !isNounUse(words[at - 1]) &&
      !RELATIVE_PRONOUNS.has(words[at - 1]?.text.toLowerCase() ?? ''),
  );
  if (verb > subjectStart && !(closed && !endsAttribution(words, verb + 1))) {
    const text = lower === 'as' && words[verb]?.text === 'put' ? 'put it' : (words[verb] as Word).text;
    const subject = subjectBetween(context, words.slice(subjectStart, verb), text);
    if (subject) return subject;
  }
  return dash ? nameAfterDash(context, words.slice(index)) : undefined;
}

/**
 * After a quote that closed its own sentence ("….” Mr. Clarke said.), an attribution is the whole of the
 * next sentence but for a short adjunct ("on Twitter"): else that sentence is about something else.
 */
function endsAttribution(words: readonly Word[], from: number): boolean {
  const rest = words.slice(from).filter((word) => word.text !== '.');
  return rest.length <= MAX_WORDS_AFTER_CLOSED_QUOTE && !rest.some((word) => QUOTATION_MARK.test(word.text));
}

function isFiniteSpeechVerb(words: readonly Word[], index: number): boolean {
  if (words[index]?.text === 'put') return words[index + 1]?.text === 'it';
  const verb = verbAt(words, index);
  if (verb?.rank !== 2) return false;
  if (verb.form === 'ing') return false;
  if (verb.form === 'base') return hasBaseFormSubject(words, index);
  return true;
}

function isLeadingPunctuation(word: string): boolean {
  return word === ',' || word === ')' || DASHES.has(word);
}

/**
 * The subject between a quote and its verb: "Biden", "Rep. Gwen Moore (D-Wis.)", or a name with an
 * appositive, "Quina Jones, 25,", "Rep. Jim Jordan (R-Ohio), an oversight panel member,". When the part
 * before the appositive is a description ("Scott's niece, state Del. Marcia Price,"), the person named in
 * the appositive is the speaker.
 */
function subjectBetween(
  context: SpeakerContext,
  words: readonly Word[],
  verb: string,
): Attribution | undefined {
  const end = skipBackOver(words, words.length - 1) + 1;
  const core = words.slice(0, end);
  const comma = core.findIndex((word) => word.text === ',');
  if (comma < 0) {
    const phrase = phraseBefore(words, words.length);
    if (phrase.length === core.length && core.length <= MAX_SUBJECT_WORDS)
      return resolvePhrase(context, phrase, verb) ?? descriptionAsWritten(context, phrase, verb);
    return nameWithAffiliation(context, core, core.length - phrase.length - 1, verb);
  }
  const head = core.slice(0, comma);
  const appositive = core.slice(comma + 1, -1);
  if (core.at(-1)?.text !== ',') return unclosedAppositive(context, head, core.slice(comma + 1), verb);
  if (head.length === 0 || head.length > MAX_SUBJECT_WORDS) return undefined;
  if (!head.every(isPhraseWord) || appositive.length > MAX_APPOSITIVE_WORDS) return undefined;
  const named = resolvePhrase(context, head, verb);
  if (named?.speakerType !== undefined || appositive.length === 0) return named;
  const person = firstMention(context, appositive[0] as Word, appositive.at(-1) as Word, 'person');
  return person ? entityAttribution(person, verb) : named;
}

/** "“...” ― Krystal Correa": a name (capitalised words) right after a dash ends the attribution. */
function nameAfterDash(context: SpeakerContext, words: readonly Word[]): Attribution | undefined {
  const name: Word[] = [];
  for (const word of words) {
    const particle = NAME_PARTICLES.has(word.text) && name.length > 0;
    if (!(isCapitalised(word.text) || particle) || !isPhraseWord(word) || name.length >= MAX_NAME_WORDS)
      break;
    name.push(word);
  }
  const rest = words.slice(name.length).filter((word) => word.text !== '.' && word.text !== ',');
  if (name.length === 0 || (rest.length > 0 && !QUOTATION_MARK.test((rest[0] as Word).text)))
    return undefined;
  return resolvePhrase(context, name, '—');
}

/**
 * The strongest reporting verb before the quote in its sentence, nearest first among equals; else, when a
 * colon introduces the quote ("Sanders made the following comment: “…”"), the subject that opens the sentence.
 */
export function attributeBefore(context: SpeakerContext, quote: QuoteMarks): Attribution | undefined {
  const start = sentenceStart(context.masked, quote.open);
  const words = attributionWords(context.masked, start, quote.open);
  const best = bestCandidate(context, words)?.attribution;
  if (best !== undefined || words.at(-1)?.text !== ':') return best;
  return colonSubject(context, words, quote);
}

/**
 * "Sanders made the following comment: “…”": the subject that opens the sentence, or a person named in its first
 * words. Not when the sentence has a
 * reporting verb whose subject is a pronoun or "someone" ("someone would have said: “…”"), and a bare name before the
 * colon ("Prelogar: “…”") only when the quote ends the sentence: "Hollywood Reporter: “Mad Men” return" is
 * a headline, not a quotation.
 */
function colonSubject(
  context: SpeakerContext,
  words: readonly Word[],
  quote: QuoteMarks,
): Attribution | undefined {
  const colon = words.length - 1;
  if (words.some((_, index) => index < colon && hasUnnamedSubject(words, index))) return undefined;
  const subject = openingSubject(context, words, colon) ?? openingPerson(context, words, colon);
  if (subject?.speaker === undefined || PARTICIPLE_OPENER.test(subject.speaker)) return undefined;
  const label = subject.mention.end >= (words[colon - 1] as Word).end;
  return label && !endsSentenceAfter(context.masked, quote) ? undefined : { ...subject, verb: ':' };
}

/** A person named in the first words of the sentence: "And President Bush yesterday, asked whether …, replied:". */
function openingPerson(
  context: SpeakerContext,
  words: readonly Word[],
  until: number,
): Attribution | undefined {
  const first = words[0];
  const last = words[Math.min(until, OPENING_WORDS) - 1];
  const person = first && last && firstMention(context, first, last, 'person');
  return person && entityAttribution(person, '');
}

/** A verb of speech in a finite form whose subject is a pronoun or "someone": "he told", "someone would have said". */
function hasUnnamedSubject(words: readonly Word[], index: number): boolean {
  const verb = verbAt(words, index);
  if (verb?.rank !== 2 || verb.form === 'base' || verb.form === 'ing' || isNounUse(words[index - 1]))
    return false;
  const subject = words[skipBackOver(words, index - 1)]?.text.toLowerCase() ?? '';
  return NOT_SPEAKERS.has(subject) || PERSON_PRONOUNS.has(subject);
}

/** Nothing but punctuation follows the quote in its sentence: “Are you OK?” the voice asked. is not one. */
function isWholeSentence(masked: string, quote: QuoteMarks): boolean {
  const from = quote.close + 1;
  return /^[\s.!?]*$/u.test(masked.slice(from, sentenceEnd(masked, from) + 1));
}

/** The quote ends its sentence: with its own full stop, or with nothing but punctuation after it. */
function endsSentenceAfter(masked: string, quote: QuoteMarks): boolean {
  if (/[.!?]$/u.test(masked.slice(quote.open + 1, quote.close).trimEnd())) return true;
  const from = quote.close + 1;
  return /^[\s.!?]*$/u.test(masked.slice(from, sentenceEnd(masked, from) + 1));
}

/** A verb whose subject names no one ("they say") ranks below one of the same kind that does. */
function strength(candidate: Candidate): number {
  return candidate.rank - (candidate.attribution.speaker === undefined ? 0.5 : 0);
}

function sameMention(candidate: Candidate, other: Candidate | undefined): boolean {
  const { mention } = candidate.attribution;
  return other?.attribution.mention.start === mention.start && other.attribution.mention.end === mention.end;
}

/**
 * The strongest candidate, nearest first among equals; but a verb right before a colon that introduces the quote
 * is its attribution whatever came before ("… she only wants …, I remember thinking: “…”" is not hers).
 */
export function bestCandidate(context: SpeakerContext, words: readonly Word[]): Candidate | undefined {
  let best: Candidate | undefined;
  const beforeColon = words.at(-1)?.text === ':' ? words.length - 2 : -1;
  for (let index = 0; index < words.length; index++) {
    const candidate = candidateAt(context, words, index, best);
    // Unless it only relabels the subject before ("the judge told X, defending: “…”").
    if (candidate && index === beforeColon && !sameMention(candidate, best)) return candidate;
    if (candidate && (best === undefined || strength(candidate) >= strength(best))) best = candidate;
  }
  return best;
}

/**
 * A reporting verb and its subject. Past and third-person forms take the phrase before them; a base form
 * only after "they", "will" and the like (else it is a noun: "Editor's note"); an -ing form after "is"/"was"
 * takes the phrase before that, and otherwise ("…, saying") the subject of the verb before it or of the
 * sentence. A verb that opens its sentence is followed by its subject: "Said Ellis: “…”".
 */
function candidateAt(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
  earlier: Candidate | undefined,
): Candidate | undefined {
  const word = words[index] as Word;
  const lower = word.text.toLowerCase();
  if (lower === 'according' && words[index + 1]?.text.toLowerCase() === 'to') {
    const attribution = resolvePhrase(context, phraseAfter(words, index + 2), 'according to');
    return attribution && { attribution, rank: 2 };
  }
  if (SPEECH_NOUNS.has(lower) && isPossessive(words[index - 1]?.text ?? '')) {
    // "Trump’s claim that there have been “thousands of shootings”": the possessor said it.
    const attribution = resolvePhrase(context, nameBefore(words, index), lower);
    return attribution?.speakerType === undefined ? undefined : { attribution, rank: SPEECH_NOUN_RANK };
  }
  const idiom = lower === 'made' || lower === 'put' ? idiomEnd(words, index) : undefined;
  const verb = idiom ? { rank: 2 as const, form: 'past' as const } : reportingVerb(lower);
  if (verb === undefined || isNounUse(words[index - 1]) || sharesAThing(words, index)) return undefined;
  const text = idiom ? context.text.slice(word.start, idiom.end) : word.text;
  if (index === 0) {
    if (!isCapitalised(word.text) || verb.form === 'ing') return undefined;
    const attribution = resolvePhrase(context, phraseAfter(words, 1), text);
    return attribution && { attribution, rank: verb.rank };
  }
  if (isCapitalised(word.text)) return undefined;
  const attribution = verbSubject(context, words, index, verb, text, earlier);
  return attribution && { attribution, rank: verb.rank };
}

function verbSubject(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
  verb: ReportingVerb,
  text: string,
  earlier: Candidate | undefined,
): Attribution | undefined {
  const infinitive = verb.form === 'base' && words[index - 1]?.text === 'to';
  if (verb.form === 'base' && !infinitive && !hasBaseFormSubject(words, index)) return undefined;
  if (verb.form !== 'ing' && !infinitive) return subjectBefore(context, words, index, text);
  const auxiliary = skipBackOver(words, index - 1);
  if (PROGRESSIVE_AUXILIARIES.has(words[auxiliary]?.text.toLowerCase() ?? '')) {
    return subjectBefore(context, words, auxiliary, text);
  }
  const absolute = withSubject(context, words, index, text) ?? catenativeSubject(context, words, index, text);
  if (absolute !== undefined) return absolute;
  if (earlier !== undefined) return { ...earlier.attribution, verb: text };
  const subject = sentenceSubject(context, words, index);
  return subject && { ...subject, verb: text };
}

/** "It quoted critics, with Boswell stating: “…”": the name between "with" and the -ing verb says it. */
function withSubject(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
  verb: string,
): Attribution | undefined {
  const phrase = phraseBefore(words, index);
  if (words[index - phrase.length - 1]?.text.toLowerCase() !== 'with') return undefined;
  const named = phrase.length > 0 ? resolvePhrase(context, phrase, verb) : undefined;
  return named?.entity === undefined ? undefined : named;
}

/**
 * "she only wants to share her love with him": an infinitive of "share" with an object shares a thing, not words
 * ("she shared her story: “…”" still reports them).
 */
function sharesAThing(words: readonly Word[], index: number): boolean {
  if (words[index]?.text.toLowerCase() !== 'share' || words[index - 1]?.text.toLowerCase() !== 'to')
    return false;
  return OBJECT_OPENERS.has(words[index + 1]?.text.toLowerCase() ?? '');
}

/**
 * "I remember thinking: “…”", "he kept saying": a pronoun and one verb before the -ing form are its subject, so the
 * quote is not the sentence's other person's ("As I listened to Ann …, I remember thinking: “…”" is the narrator's).
 */
function catenativeSubject(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
  verb: string,
): Attribution | undefined {
  const pronoun = words[index - 2];
  const between = words[index - 1]?.text ?? '';
  if (pronoun === undefined || !/^\p{Ll}+$/u.test(between)) return undefined;
  if (!PERSON_PRONOUNS.has(pronoun.text.toLowerCase()) && !NARRATORS.has(pronoun.text.toLowerCase()))
    return undefined;
  return resolvePhrase(context, [pronoun], verb);
}

/**
 * "they say", "officials say", "Obama and Clinton call": a plural subject, or a modal ("will say"); and
 * "the article read", where the base is the past.
 */
function hasBaseFormSubject(words: readonly Word[], index: number): boolean {
  const before = words[index - 1]?.text ?? '';
  const lower = before.toLowerCase();
  if (BASE_FORM_SUBJECTS.has(lower)) return true;
  // "the article read", "the sign read": the past of "read", which only a text does to a quotation.
  if (words[index]?.text === 'read' && DOCUMENT_NOUNS.has(lower)) return true;
  if (lower.endsWith('s') && !isPossessive(before) && !lower.endsWith('ss')) return true;
  return (
    isCapitalised(before) &&
    words.slice(Math.max(0, index - 4), index - 1).some((word) => word.text === 'and')
  );
}

function isNounUse(before: Word | undefined): boolean {
  if (before === undefined) return false;
  return NOUN_MARKERS.has(before.text.toLowerCase()) || isPossessive(before.text);
}

/** The possessor before a speech noun: a name, "[Paul Brandt’s] claim", or "[the senator’s] statement". */
function nameBefore(words: readonly Word[], index: number): Word[] {
  let from = index;
  while (from > 0 && isCapitalised((words[from - 1] as Word).text) && index - from < MAX_NAME_WORDS) from--;
  if (from === index && words[index - 2]?.text.toLowerCase() === 'the') from = index - 2;
  return words.slice(from, index);
}

/** "made (it) clear", "as X put it": where the idiom ends, if the verb at `index` starts one. */
function idiomEnd(words: readonly Word[], index: number): Word | undefined {
  const next = words[index + 1]?.text.toLowerCase();
  const verb = words[index]?.text.toLowerCase();
  if (verb === 'put') return next === 'it' ? words[index + 1] : undefined;
  if (next === 'clear') return words[index + 1];
  if (next === 'it' && words[index + 2]?.text.toLowerCase() === 'clear') return words[index + 2];
  return undefined;
}

/** The subject of the verb at `index`: the phrase before it, the name before an appositive, or before "who". */
function subjectBefore(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
  verb: string,
): Attribution | undefined {
  const phrase = phraseBefore(words, index);
  if (phrase.length > 0) return resolvePhrase(context, phrase, verb);
  const agent = passiveAgent(context, words, index, verb);
  if (agent !== undefined) return agent;
  const previous = words[skipBackOver(words, index - 1)];
  if (previous?.text === ',') {
    const named = nameBeforeAppositive(context, (words[0] as Word).start, previous.start);
    return named && entityAttribution(named, verb);
  }
  if (previous?.text.toLowerCase() === 'who') {
    const named = mentionEndingNear(context, previous.start);
    return named && entityAttribution(named, verb);
  }
  return undefined;
}

/** A passive reporting verb's agent: "[was written] by Springsteen", "[is described] by the agency as". */
function passiveAgent(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
  verb: string,
): Attribution | undefined {
  const auxiliary = words[index - 1]?.text.toLowerCase() ?? '';
  if (!PASSIVE_AUXILIARIES.has(auxiliary) || words[index + 1]?.text !== 'by') return undefined;
  const agent = resolvePhrase(context, phraseAfter(words, index + 2), verb);
  return agent?.speaker === undefined ? undefined : agent;
}

/**
 * The subject of the whole sentence, for "…, saying": the phrase that opens it, after an opening adverbial
 * ("In a statement, President Obama …"); else the first person or organisation named in it.
 */
function sentenceSubject(
  context: SpeakerContext,
  words: readonly Word[],
  until: number,
): Attribution | undefined {
  const subject = openingSubject(context, words, until);
  if (subject !== undefined) return subject;
  const first = words.find((word, at) => at < until && /\p{L}/u.test(word.text));
  const named = first && firstMention(context, first, words[until - 1] ?? first);
  return named && entityAttribution(named, '');
}

/**
 * A quote that opens its sentence with no attribution of its own, after a sentence that names a speaker:
 * "Mr. Clarke said he had no doubts. “...”", or a paragraph ending "…, Pence said:" or "Sanders made the
 * following comment:" before it. A quote that is a whole sentence after one, in its paragraph, that opens with a
 * person and reports no one ("On TV, Sen. Ann Reyes named jobs as the reason. “…”") is that person's.
 */
export function attributePreviousSentence(
  context: SpeakerContext,
  quote: QuoteMarks,
): Attribution | undefined {
  const { masked } = context;
  const start = sentenceStart(masked, quote.open);
  if (masked.slice(start, quote.open).trim() !== '') return undefined;
  let end = start;
  while (end > 0 && /\s/u.test(masked[end - 1] as string)) end--;
  if (end === 0) return undefined;
  const crossesParagraph = masked.slice(end, quote.open).includes('\n');
  if (crossesParagraph && masked[end - 1] !== ':') return undefined;
  const words = attributionWords(masked, sentenceStart(masked, end - 1), end);
  if (holdsQuotation(context.text, words)) return undefined;
  const best = bestCandidate(context, words)?.attribution;
  if (best === undefined && words.at(-1)?.text === ':') return colonSubject(context, words, quote);
  if (best === undefined && !crossesParagraph && isWholeSentence(masked, quote)) {
    return openingPersonOf(context, words, end);
  }
  return best?.speakerType === undefined ? undefined : best;
}

function isClosingMark(text: string, mark: Word): boolean {
  return mark.text === '”' || (mark.text === '"' && /\S/u.test(text[mark.start - 1] ?? ' '));
}

/** A quotation among the words, not counting a quoted title ("On “Face the Nation,” Sen. …"). */
export function holdsQuotation(text: string, words: readonly Word[]): boolean {
  const marks = words.filter((word) => QUOTATION_MARK.test(word.text));
  // "….” Moran disagreed.": the mark that opens the words closes the quotation before them.
  if (marks[0] !== undefined && marks[0] === words[0] && isClosingMark(text, marks[0])) marks.shift();
  for (let index = 0; index < marks.length; index += 2) {
    const open = marks[index] as Word;
    const close = marks[index + 1];
    if (close === undefined || !isTitleCase(text.slice(open.end, close.start).trim())) return true;
  }
  return false;
}
