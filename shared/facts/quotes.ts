import type { Entity, EntityType, QuoteFact, Span } from '../result.ts';
import { CLAUSE_OPENERS, isCapitalised, lastIndexStartingBefore, splitWords, type Word } from './words.ts';

/** A pair of quotation marks: `open`/`close` are the marks' offsets, `inner` the words between them. */
interface QuoteMarks {
  readonly open: number;
  readonly close: number;
  readonly inner: Span;
  /** Runs to the end of its paragraph because the next paragraph continues it with a new opening mark. */
  readonly continued: boolean;
}

/** Who said it, as written (a name, a noun phrase or a pronoun), and whom that resolves to. */
interface Attribution {
  readonly speaker?: string;
  readonly speakerType?: EntityType;
  readonly mention: Span;
  readonly verb: string;
}

interface Candidate extends Attribution {
  readonly rank: number;
  readonly position: number;
}

interface EntityMentionRef extends Span {
  readonly entity: Entity;
}

const OPENING_DOUBLE = new Set(['“', '„', '«']);
const CLOSING_DOUBLE = new Set(['”', '»']);
const STRAIGHT_DOUBLE = '"';
const OPENING_SINGLE = '‘';
const CLOSING_SINGLE = '’';
const ANY_DOUBLE = /["“”„«»]/u;
const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const WHITESPACE = /\s+/u;
const INNER_TRIM_END = /[\s,]+$/u;
const INNER_TRIM_START = /^\s+/u;
const LOWERCASE_START = /^\p{Ll}/u;
const KEPT_TERMINAL = /[.!?,]/u;
const MIN_QUOTE_WORDS = 3;
const CONTEXT_WINDOW = 400;
const MAX_SUBJECT_WORDS = 6;
const AFTER_WORDS = 9;
/** How many entity mentions back a pronoun may look for its antecedent. */
const MAX_ANTECEDENT_DISTANCE = 200;
/** How many entity mentions back an appositive subject ("X, who ..., said") may be. */
const MAX_APPOSITIVE_MENTIONS = 8;
/** How far (in characters) a quote may follow the previous one and still inherit its speaker. */
const INHERIT_WINDOW = 160;

/** Verbs that report speech; an attribution with one of these beats a weaker verb in the same sentence. */
const SPEECH_VERBS = new Set(
  (
    'say said says told tell tells wrote write writes added adds stated announced announces explained ' +
    'explains noted notes declared declares asked asks replied replies insisted insists warned warns argued ' +
    'argues claimed claims stressed stresses emphasized emphasised emphasizes emphasises underlined ' +
    'acknowledged admitted recalled remarked commented continued concluded tweeted posted responded ' +
    'suggested confirmed reiterated quipped joked shouted complained conceded observed predicted revealed ' +
    'reveals disclosed boasted recounted testified alleged texted pleaded begged wondered answered ' +
    'countered cautioned maintained mused tweets'
  ).split(' '),
);
const WEAK_VERBS = new Set(
  'pledged promised vowed urged called demanded agreed described hoped accused blamed welcomed'.split(' '),
);
/** Participles that attribute to the sentence's subject: "Xi ..., telling a meeting that “...”". */
const SPEECH_PARTICIPLES = new Set(
  'saying telling adding writing noting warning stressing arguing insisting explaining declaring calling'.split(
    ' ',
  ),
);
const ADVERBS = new Set(
  'also later earlier previously then again repeatedly reportedly once has have had recently separately further'.split(
    ' ',
  ),
);
/** Words that end a subject noun phrase when read backwards from its verb, or forwards after it. */
const PHRASE_BOUNDARIES = new Set(
  (
    'that which who whom whose what and but or nor when while if because as after before since though although ' +
    'in on at during with for to from by than where whether so then said says told wrote added ' +
    'according about over into onto upon via per against'
  ).split(' '),
);
const DETERMINERS = new Set(['the', 'a', 'an']);
/** Capitalised words that may begin a subject; other clause openers ("Later", "But") end it. */
const SUBJECT_OPENERS = new Set(
  'The A An This These Those His Her Its Their Our My He She It They We I You'.split(' '),
);
/** "Michael Porter [of] Harvard Business School": the person is the speaker, not the employer. */
const AFFILIATION = /^\s+(?:of|at|from)\s+(?:the\s+)?$/u;
/** A verb after one of these is passive ("she was called"): its subject is not the speaker. */
const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'get', 'got']);
const PERSON_PRONOUNS = new Set(['he', 'she']);
const THING_PRONOUNS = new Set(['it']);
const ABBREVIATIONS = new Set(
  'Mr Mrs Ms Dr St Jr Sr Gen Sen Rep Gov Lt Col Capt Prof Rev Inc Corp Ltd Co No vs Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(
    ' ',
  ),
);
const TERMINAL = new Set(['.', '!', '?']);
const CLOSERS = new Set(['”', '"', '’', "'", ')', '»']);

/**
 * Direct quotations (curly or straight marks, multi-sentence, partial) with their speakers: the subject of
 * the reporting verb before or after the quote ("..., Biden said", "The State Department said ... “...”"),
 * resolved to an entity when the subject names one, and "he"/"she"/"it" resolved to the last person or
 * organisation. A quote without its own attribution inherits the speaker of a quote just before it in the
 * same paragraph. Quotes of fewer than three words with no attribution (scare quotes, titles) are left out.
 */
export function findQuotes(text: string, entities: readonly Entity[]): QuoteFact[] {
  const marks = findQuoteMarks(text);
  const masked = maskQuotes(text, marks);
  const mentions = mentionIndex(entities);
  const found: AttributedQuote[] = [];
  let previous: AttributedQuote | undefined;
  for (const quote of marks) {
    const context = { text, masked, mentions, previous: previous?.attribution };
    const own = attributeAfter(context, quote) ?? attributeBefore(context, quote);
    const words = text.slice(quote.inner.start, quote.inner.end).split(WHITESPACE).length;
    if (words < MIN_QUOTE_WORDS && own === undefined) continue;
    previous = { marks: quote, attribution: own ?? inherit(text, previous, quote) };
    found.push(previous);
  }
  attributeContinuedQuotes(found);
  return found.map(({ marks: quote, attribution }) => {
    const inner = text.slice(quote.inner.start, quote.inner.end);
    return {
      ...quote.inner,
      text: inner,
      ...(attribution?.speaker === undefined
        ? {}
        : { speaker: attribution.speaker, speakerMention: attribution.mention, verb: attribution.verb }),
      partial: LOWERCASE_START.test(inner),
    };
  });
}

interface AttributedQuote {
  readonly marks: QuoteMarks;
  attribution: Attribution | undefined;
}

/** A quote that runs on into the next paragraph is attributed where it ends: "... ,” Blinken said." */
function attributeContinuedQuotes(quotes: readonly AttributedQuote[]): void {
  for (let index = quotes.length - 2; index >= 0; index--) {
    const quote = quotes[index] as AttributedQuote;
    const next = quotes[index + 1] as AttributedQuote;
    if (quote.marks.continued && quote.attribution === undefined) quote.attribution = next.attribution;
  }
}

/** Pairs quotation marks paragraph by paragraph in one pass; stray closing marks are ignored. */
function findQuoteMarks(text: string): QuoteMarks[] {
  const marks: QuoteMarks[] = [];
  let open = -1;
  let singles = false;
  let paragraphEnd = -1;
  for (let index = 0; index < text.length; index++) {
    if (index > paragraphEnd) {
      paragraphEnd = text.indexOf('\n', index);
      if (paragraphEnd < 0) paragraphEnd = text.length;
      singles = !ANY_DOUBLE.test(text.slice(index, paragraphEnd));
    }
    const char = text[index] as string;
    if (char === '\n') {
      if (open >= 0 && opensParagraph(text, index)) pushMarks(marks, text, open, index, true);
      open = -1;
    } else if (OPENING_DOUBLE.has(char)) {
      open = index;
    } else if (CLOSING_DOUBLE.has(char)) {
      if (open >= 0) pushMarks(marks, text, open, index, false);
      open = -1;
    } else if (char === STRAIGHT_DOUBLE) {
      if (open >= 0) {
        pushMarks(marks, text, open, index, false);
        open = -1;
      } else if (!SPACE.test(text[index + 1] ?? ' ')) open = index;
    } else if (singles && char === OPENING_SINGLE && !LETTER.test(text[index - 1] ?? '')) {
      open = index;
    } else if (singles && char === CLOSING_SINGLE && open >= 0 && !LETTER.test(text[index + 1] ?? '')) {
      pushMarks(marks, text, open, index, false);
      open = -1;
    }
  }
  return marks;
}

function opensParagraph(text: string, newline: number): boolean {
  let index = newline;
  while (index < text.length && SPACE.test(text[index] as string)) index++;
  const char = text[index] ?? '';
  return OPENING_DOUBLE.has(char) || char === STRAIGHT_DOUBLE || char === OPENING_SINGLE;
}

function pushMarks(marks: QuoteMarks[], text: string, open: number, close: number, continued: boolean): void {
  const raw = text.slice(open + 1, close);
  const start = open + 1 + (INNER_TRIM_START.exec(raw)?.[0].length ?? 0);
  const end = close - (INNER_TRIM_END.exec(raw)?.[0].length ?? 0);
  if (end > start) marks.push({ open, close, inner: { start, end }, continued });
}

/**
 * The text with every quotation's words blanked out (offsets kept), so that verbs and names inside a
 * quote are never read as its attribution; a quote's final . ! ? or , is kept to mark where sentences end.
 */
function maskQuotes(text: string, marks: readonly QuoteMarks[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const { open, close } of marks) {
    parts.push(text.slice(cursor, open + 1));
    const inner = text.slice(open + 1, close);
    const last = inner.trimEnd().at(-1) ?? '';
    const blank = ' '.repeat(inner.length);
    const keep = KEPT_TERMINAL.test(last) ? inner.trimEnd().length - 1 : -1;
    parts.push(keep >= 0 ? `${blank.slice(0, keep)}${last}${blank.slice(keep + 1)}` : blank);
    cursor = close;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

function mentionIndex(entities: readonly Entity[]): EntityMentionRef[] {
  return entities
    .flatMap((entity) => entity.mentions.map((mention) => ({ ...mention, entity })))
    .sort((a, b) => a.start - b.start);
}

interface Context {
  readonly text: string;
  readonly masked: string;
  readonly mentions: readonly EntityMentionRef[];
  readonly previous: Attribution | undefined;
}

/** "“...,” Biden said", "“...,” said the State Department", "“...,” according to a US official". */
function attributeAfter(context: Context, quote: QuoteMarks): Attribution | undefined {
  const from = quote.close + 1;
  const end = sentenceEnd(context.masked, from);
  const words = splitWords(context.masked.slice(from, end), from).slice(0, AFTER_WORDS);
  let index = 0;
  while (index < words.length && isLeadingPunctuation((words[index] as Word).text)) index++;
  const first = words[index];
  if (first === undefined) return undefined;
  const lower = first.text.toLowerCase();
  if (lower === 'according' && words[index + 1]?.text.toLowerCase() === 'to') {
    return subjectAttribution(context, phraseAfter(words, index + 2), 'according to');
  }
  if (SPEECH_VERBS.has(lower)) return subjectAttribution(context, phraseAfter(words, index + 1), first.text);
  for (let verb = index + 1; verb < words.length && verb - index <= MAX_SUBJECT_WORDS + 1; verb++) {
    const word = (words[verb] as Word).text;
    if (SPEECH_VERBS.has(word.toLowerCase())) {
      const subject = withoutAdverbs(words.slice(index, verb));
      if (PASSIVE_AUXILIARIES.has(subject.at(-1)?.text.toLowerCase() ?? '')) return undefined;
      return subjectAttribution(context, subject, word);
    }
    if (!isPhraseWord(word)) return undefined;
  }
  return undefined;
}

/** The strongest reporting verb before the quote in its sentence, nearest first among equals. */
function attributeBefore(context: Context, quote: QuoteMarks): Attribution | undefined {
  const start = sentenceStart(context.masked, quote.open);
  const words = splitWords(context.masked.slice(start, quote.open), start);
  let best: Candidate | undefined;
  for (let index = 0; index < words.length; index++) {
    const candidate = candidateAt(context, words, index);
    if (candidate && (best === undefined || candidate.rank >= best.rank)) best = candidate;
  }
  return best;
}

function candidateAt(context: Context, words: readonly Word[], index: number): Candidate | undefined {
  const word = words[index] as Word;
  const lower = word.text.toLowerCase();
  const position = word.start;
  if (SPEECH_PARTICIPLES.has(lower) && words[index - 1]?.text === ',') {
    const subject = firstEntityMention(context, (words[0] as Word).start, word.start);
    if (subject === undefined) return undefined;
    return { ...entityAttribution(subject, word.text), rank: 2, position };
  }
  const madeClear = lower === 'made' && isMadeClear(words, index);
  const rank = SPEECH_VERBS.has(lower) || madeClear ? 2 : WEAK_VERBS.has(lower) ? 1 : 0;
  if (rank === 0) return undefined;
  const verb = madeClear ? context.text.slice(word.start, madeClear.end) : word.text;
  const phrase = phraseBefore(words, index);
  const comma = words[index - 1];
  const appositive =
    phrase.length === 0 && comma?.text === ','
      ? nameBeforeAppositive(context, (words[0] as Word).start, comma.start)
      : undefined;
  const attribution = appositive
    ? entityAttribution(appositive, verb)
    : subjectAttribution(context, phrase, verb);
  return attribution ? { ...attribution, rank, position } : undefined;
}

/**
 * "Michael Porter, of Harvard Business School, who headed the research, said": the name before the commas,
 * a person's rather than an organisation's.
 */
function nameBeforeAppositive(context: Context, from: number, to: number): EntityMentionRef | undefined {
  const last = lastIndexStartingBefore(context.mentions, to);
  let organization: EntityMentionRef | undefined;
  for (let index = last; index >= 0 && last - index < MAX_APPOSITIVE_MENTIONS; index--) {
    const mention = context.mentions[index] as EntityMentionRef;
    if (mention.start < from) break;
    if (context.text[mention.end] !== ',') continue;
    if (mention.entity.type === 'person') return mention;
    if (mention.entity.type !== 'organization') continue;
    const before = context.mentions[index - 1];
    const affiliation = before && context.text.slice(before.end, mention.start);
    if (before?.entity.type === 'person' && AFFILIATION.test(affiliation ?? '')) return before;
    organization ??= mention;
  }
  return organization;
}

function isMadeClear(words: readonly Word[], index: number): Word | undefined {
  const next = words[index + 1]?.text.toLowerCase();
  if (next === 'clear') return words[index + 1];
  if (next === 'it' && words[index + 2]?.text.toLowerCase() === 'clear') return words[index + 2];
  return undefined;
}

/** The noun phrase right before a verb, read backwards: "China’s foreign ministry [wrote]". */
function phraseBefore(words: readonly Word[], verb: number): Word[] {
  const phrase: Word[] = [];
  let index = verb - 1;
  while (index >= 0 && ADVERBS.has((words[index] as Word).text.toLowerCase())) index--;
  if (PASSIVE_AUXILIARIES.has(words[index]?.text.toLowerCase() ?? '')) return [];
  for (; index >= 0 && phrase.length < MAX_SUBJECT_WORDS; index--) {
    const word = words[index] as Word;
    if (!isPhraseWord(word.text)) break;
    phrase.unshift(word);
  }
  return phrase;
}

/** The noun phrase right after a verb: "[said] the State Department [on Monday]". */
function phraseAfter(words: readonly Word[], from: number): Word[] {
  const phrase: Word[] = [];
  for (let index = from; index < words.length && phrase.length < MAX_SUBJECT_WORDS; index++) {
    const word = words[index] as Word;
    if (!isPhraseWord(word.text)) break;
    phrase.push(word);
  }
  return phrase;
}

function withoutAdverbs(words: readonly Word[]): Word[] {
  const kept = [...words];
  while (kept.length > 0 && ADVERBS.has((kept.at(-1) as Word).text.toLowerCase())) kept.pop();
  return kept;
}

function isPhraseWord(word: string): boolean {
  if (CLAUSE_OPENERS.has(word) && !SUBJECT_OPENERS.has(word)) return false;
  return LETTER.test(word[0] ?? '') && !PHRASE_BOUNDARIES.has(word.toLowerCase());
}

function isLeadingPunctuation(word: string): boolean {
  return word === ',' || word === '—' || word === '–' || word === '-' || word === ')';
}

/** Resolves a subject phrase: a pronoun to its antecedent, a phrase headed by a name to that entity. */
function subjectAttribution(context: Context, phrase: Word[], verb: string): Attribution | undefined {
  // "the State Department" names the department; "the agency" and "a US official" keep their article.
  if (
    phrase.length > 1 &&
    (phrase[0] as Word).text.toLowerCase() === 'the' &&
    isCapitalised(phrase[1]?.text ?? '')
  ) {
    phrase.shift();
  }
  const head = phrase.at(-1);
  const first = phrase[0];
  if (head === undefined || first === undefined) return undefined;
  const lower = head.text.toLowerCase();
  if (phrase.length === 1 && PERSON_PRONOUNS.has(lower)) {
    const person = lastMentionBefore(context, head.start, 'person');
    return person
      ? { ...entityAttribution(person, verb), mention: { start: head.start, end: head.end } }
      : undefined;
  }
  if (phrase.length === 1 && THING_PRONOUNS.has(lower)) {
    const previous = context.previous;
    const antecedent =
      previous?.speaker !== undefined && previous.speakerType !== 'person'
        ? { speaker: previous.speaker, speakerType: previous.speakerType }
        : entityFields(lastMentionBefore(context, head.start, 'organization'));
    if (antecedent?.speaker === undefined) return undefined;
    return { ...antecedent, mention: { start: head.start, end: head.end }, verb };
  }
  if (DETERMINERS.has(lower) || lower === 'they' || lower === 'we' || lower === 'i' || lower === 'you') {
    return undefined;
  }
  const named = mentionCovering(context, head);
  if (named) return entityAttribution(named, verb);
  const span = { start: first.start, end: head.end };
  return { speaker: context.text.slice(span.start, span.end), mention: span, verb };
}

function entityAttribution(mention: EntityMentionRef, verb: string): Attribution {
  return {
    speaker: mention.entity.name,
    speakerType: mention.entity.type,
    mention: { start: mention.start, end: mention.end },
    verb,
  };
}

function entityFields(mention: EntityMentionRef | undefined) {
  return mention && { speaker: mention.entity.name, speakerType: mention.entity.type };
}

/** A quote with no attribution of its own continues the previous quote of its paragraph, if close by. */
function inherit(
  text: string,
  previous: AttributedQuote | undefined,
  quote: QuoteMarks,
): Attribution | undefined {
  if (previous?.attribution === undefined) return undefined;
  const between = text.slice(previous.marks.close, quote.open);
  const near = between.length <= INHERIT_WINDOW;
  const sameParagraph = !between.includes('\n');
  return near && (sameParagraph || previous.marks.continued) ? previous.attribution : undefined;
}

function mentionCovering(context: Context, word: Word): EntityMentionRef | undefined {
  const index = lastIndexStartingBefore(context.mentions, word.end);
  const mention = context.mentions[index];
  return mention && mention.end > word.start ? mention : undefined;
}

function firstEntityMention(context: Context, from: number, to: number): EntityMentionRef | undefined {
  const index = lastIndexStartingBefore(context.mentions, from) + 1;
  for (let cursor = index; cursor < context.mentions.length; cursor++) {
    const mention = context.mentions[cursor] as EntityMentionRef;
    if (mention.start >= to) return undefined;
    if (mention.entity.type !== 'other') return mention;
  }
  return undefined;
}

function lastMentionBefore(
  context: Context,
  position: number,
  type: EntityType,
): EntityMentionRef | undefined {
  const last = lastIndexStartingBefore(context.mentions, position);
  for (let index = last; index >= 0 && last - index < MAX_ANTECEDENT_DISTANCE; index--) {
    const mention = context.mentions[index] as EntityMentionRef;
    if (mention.entity.type === type && mention.end <= position && !isQuoted(context, mention))
      return mention;
  }
  return undefined;
}

/** A name inside a quotation is blanked in the masked text: it cannot be what "he" refers to. */
function isQuoted(context: Context, span: Span): boolean {
  return context.masked[span.start] !== context.text[span.start];
}

/** Where the sentence holding `position` starts, looking back at most CONTEXT_WINDOW characters. */
function sentenceStart(masked: string, position: number): number {
  const limit = Math.max(0, position - CONTEXT_WINDOW);
  for (let index = position - 1; index >= limit; index--) {
    const char = masked[index] as string;
    if (char === '\n') return index + 1;
    if (TERMINAL.has(char) && endsSentence(masked, index)) return index + 1;
  }
  return limit;
}

/** Where the sentence holding `position` ends, looking ahead at most CONTEXT_WINDOW characters. */
function sentenceEnd(masked: string, position: number): number {
  const limit = Math.min(masked.length, position + CONTEXT_WINDOW);
  for (let index = position; index < limit; index++) {
    const char = masked[index] as string;
    if (char === '\n') return index;
    if (TERMINAL.has(char) && endsSentence(masked, index)) return index;
  }
  return limit;
}

/** A . ! ? ends a sentence when whitespace follows (after any closing marks) and it ends no abbreviation. */
function endsSentence(masked: string, index: number): boolean {
  let next = index + 1;
  while (CLOSERS.has(masked[next] ?? '')) next++;
  if (next < masked.length && !SPACE.test(masked[next] as string)) return false;
  if (masked[index] !== '.') return true;
  let wordStart = index;
  while (wordStart > 0 && LETTER.test(masked[wordStart - 1] as string)) wordStart--;
  const word = masked.slice(wordStart, index);
  const initial = word.length === 1 && word === word.toUpperCase();
  return !initial && !ABBREVIATIONS.has(word);
}
