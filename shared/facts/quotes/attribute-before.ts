import { isCapitalised, isPossessive, type Word } from '../words.ts';
import { firstMention, mentionEndingNear, nameBeforeAppositive } from './appositives.ts';
import { MAX_NAME_WORDS } from './attribute-after.ts';
import { colonSubject } from './colon-subjects.ts';
import {
  PERSON_PRONOUNS,
  PROGRESSIVE_AUXILIARIES,
  type ReportingVerb,
  reportingVerb,
  SPEECH_NOUNS,
} from './lexicon.ts';
import { descriptionAsWritten, unreadSubject } from './long-subjects.ts';
import {
  attributionWords,
  isPhraseWord,
  MAX_PHRASE_WORDS,
  phraseAfter,
  phraseBefore,
  sentenceStart,
  skipBackOver,
} from './phrases.ts';
import type { QuoteMarks } from './quote-marks.ts';
import { quotedObjectBefore } from './quoted-as.ts';
import { contractedPronoun, hasBaseFormSubject, isNounUse, passiveAgent } from './reporting-verb-forms.ts';
import { openingSubject } from './sentence-openers.ts';
import { type Attribution, entityAttribution, type SpeakerContext } from './speaker-context.ts';
import { resolvePhrase } from './speakers.ts';

export interface Candidate {
  readonly attribution: Attribution;
  readonly rank: number;
}

/** Words that open the object of "to share": "to share her love", "to share a photo". */
const OBJECT_OPENERS = new Set('a an the his her their its my our your some'.split(' '));
/** The forms of "email" ("emailed", "e-mails"): reporting verbs only right before the quote (emailReachesQuote). */
const EMAIL_VERB = /^e-?mail/u;
/** How many words an email verb's object may run before "that" or the colon: "emailed the Globe's editors:". */
const MAX_EMAIL_OBJECT_WORDS = 4;
/** Pronouns of the writer or the reader: "I remember thinking", whom no entity names. */
const NARRATORS = new Set(['i', 'we', 'you']);
/** "Trump’s claim that …" attributes a quote more weakly than any reporting verb with a named subject. */
const SPEECH_NOUN_RANK = 0.75;

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

/** Conjunctions that join a speech verb to the verb before, which shares its subject: "declined … but said". */
const CONJUNCTIONS = new Set(['and', 'but']);

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

/** "in the words of": `index` is at "words". */
function isInTheWordsOf(words: readonly Word[], index: number): boolean {
  return (
    words[index]?.text.toLowerCase() === 'words' &&
    words[index - 1]?.text.toLowerCase() === 'the' &&
    words[index - 2]?.text.toLowerCase() === 'in' &&
    words[index + 1]?.text === 'of'
  );
}

/**
 * "in the words of the Crown prosecutor, Mark Tedeschi, “…”": the source after "of", or the person an appositive
 * after it names.
 */
function wordsOfSource(
  context: SpeakerContext,
  words: readonly Word[],
  from: number,
): Attribution | undefined {
  const phrase = phraseAfter(words, from);
  const source = resolvePhrase(context, phrase, 'in the words of');
  const comma = from + phrase.length;
  const named = words[comma]?.text === ',' ? phraseAfter(words, comma + 1) : [];
  if (named.length === 0 || !isCapitalised((named[0] as Word).text)) return source;
  const person = resolvePhrase(context, named, 'in the words of');
  return person?.speakerType === 'person' ? person : source;
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
  if (isInTheWordsOf(words, index)) {
    const attribution = wordsOfSource(context, words, index + 2);
    return attribution && { attribution, rank: 2 };
  }
  if (SPEECH_NOUNS.has(lower) && isPossessive(words[index - 1]?.text ?? '')) {
    // "Trump’s claim that there have been “thousands of shootings”": the possessor said it.
    const attribution = resolvePhrase(context, nameBefore(words, index), lower);
    return attribution?.speakerType === undefined ? undefined : { attribution, rank: SPEECH_NOUN_RANK };
  }
  const idiom = lower === 'made' || lower === 'put' ? idiomEnd(words, index) : undefined;
  const verb = idiom ? { rank: 2 as const, form: 'past' as const } : reportingVerb(lower);
  // "He’s claiming that fraud is “a big problem”": the pronoun before a contracted "is", not a possessive.
  const pronoun = verb?.form === 'ing' ? contractedPronoun(words[skipBackOver(words, index - 1)]) : undefined;
  if (verb !== undefined && pronoun !== undefined) {
    const attribution = resolvePhrase(context, [pronoun], word.text);
    return attribution && { attribution, rank: verb.rank };
  }
  if (verb === undefined || isNounUse(words[index - 1]) || sharesAThing(words, index)) return undefined;
  if (EMAIL_VERB.test(lower) && !emailReachesQuote(words, index)) return undefined;
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
  if (verb.form !== 'ing' && !infinitive) {
    const subject = subjectBefore(context, words, index, text);
    // Only a verb that reports speech: "It is light and even thought it …" is a typo's "though".
    return (
      subject ?? (verb.rank === 2 ? coordinatedSubject(context, words, index, text, earlier) : undefined)
    );
  }
  const auxiliary = skipBackOver(words, index - 1);
  if (PROGRESSIVE_AUXILIARIES.has(words[auxiliary]?.text.toLowerCase() ?? '')) {
    return subjectBefore(context, words, auxiliary, text);
  }
  const quoted = quotedObjectBefore(words, index);
  if (quoted !== undefined)
    return resolvePhrase(context, quoted, text) ?? unreadSubject(context, quoted, text);
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
 * "Reyes emailed that …", "Reyes e-mailed reporters: “…”": an email verb before the quote introduces it only through
 * "that", a colon or nothing; "Morales emailed a friend, “Carlos (spy),” who …" names the friend, not the email.
 */
function emailReachesQuote(words: readonly Word[], index: number): boolean {
  if (index + 1 === words.length) return true;
  const rest = words.slice(index + 1, index + 2 + MAX_EMAIL_OBJECT_WORDS);
  const reach = rest.findIndex((word) => word.text === ':' || word.text.toLowerCase() === 'that');
  return reach >= 0 && rest.slice(0, reach).every((word) => /^\p{L}/u.test(word.text));
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

/**
 * "Reyes praised the plan and said it was “long overdue”": a speech verb joined by "and" to the one before shares its subject,
 * that of the reporting verb before it or else the person or organisation that opens the sentence; inside a relative
 * clause, its antecedent's.
 */
function coordinatedSubject(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
  verb: string,
  earlier: Candidate | undefined,
): Attribution | undefined {
  const and = skipBackOver(words, index - 1);
  if (!CONJUNCTIONS.has(words[and]?.text.toLowerCase() ?? '')) return undefined;
  // "… and said he thought it was a “mistake”": the he/she's own verb attributes it.
  if (PERSON_PRONOUNS.has(words[index + 1]?.text.toLowerCase() ?? '')) return undefined;
  // "Holt thanked Reyes, who smiled and said …": the relative clause's verbs are its antecedent's.
  for (let at = and - 1; at >= 0 && words[at]?.text !== ','; at--) {
    if (words[at]?.text.toLowerCase() !== 'who') continue;
    const named = mentionEndingNear(context, (words[at] as Word).start);
    return named && entityAttribution(named, verb);
  }
  if (earlier?.attribution.speaker !== undefined) return { ...earlier.attribution, verb };
  const subject = openingSubject(context, words, index);
  return subject?.entity === undefined ? undefined : { ...subject, verb };
}

/** The subject of the verb at `index`: the phrase before it, the name before an appositive, or before "who". */
function subjectBefore(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
  verb: string,
): Attribution | undefined {
  const phrase = phraseBefore(words, index);
  if (phrase.length > 0) {
    const longer = longerSubject(words, phrase);
    if (longer !== undefined) return cutSubject(context, longer, phrase, verb);
    // "The thrift said that “…”": a description that opens the sentence, kept as written when no list knows its noun,
    // before a verb that reports speech ("The tech the district wants is …" reports none).
    const opens = phrase[0] === words[0] && reportingVerb(verb.toLowerCase())?.rank === 2;
    return (
      resolvePhrase(context, phrase, verb) ??
      (opens ? descriptionAsWritten(context, phrase, verb) : undefined)
    );
  }
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

/**
 * The whole subject when the phrase read before the verb stopped at its most words while the subject goes on ("The
 * regional chairman of the board of directors of the Harbor Federal savings group said"): back to the sentence's
 * start or a word that ends a subject. Undefined when the phrase is whole.
 */
function longerSubject(words: readonly Word[], phrase: readonly Word[]): Word[] | undefined {
  const start = words.indexOf(phrase[0] as Word);
  if (phrase.length < MAX_PHRASE_WORDS || !isPhraseWord(words[start - 1] ?? { text: ',', start: 0, end: 0 }))
    return undefined;
  let from = start;
  while (from > 0 && isPhraseWord(words[from - 1] as Word)) from--;
  return words.slice(from, start + phrase.length);
}

/**
 * A subject longer than the phrase read: the person it ends on ("… and Democratic presidential nominee Hillary
 * Clinton said"), else, when the phrase names someone, the description as written or no one known (unreadSubject),
 * never a name inside it ("the board of … the Harbor Federal savings group").
 */
function cutSubject(
  context: SpeakerContext,
  subject: readonly Word[],
  phrase: readonly Word[],
  verb: string,
): Attribution | undefined {
  const named = resolvePhrase(context, phrase, verb);
  if (named === undefined) return undefined;
  if (named.speakerType === 'person' && isCapitalised((phrase.at(-1) as Word).text)) return named;
  return unreadSubject(context, subject, verb);
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
