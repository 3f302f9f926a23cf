import type { Entity, QuoteFact, Span } from '../../result.ts';
import { isCapitalised } from '../words.ts';
import { aboutObjectAttribution } from './about-objects.ts';
import { attributeAccordingTo } from './according-to.ts';
import { attributeAfter } from './attribute-after.ts';
import { attributeBefore } from './attribute-before.ts';
import { followsRunInCaption } from './captions.ts';
import { attributeClosingClause } from './closing-clause.ts';
import { personGenders } from './gender.ts';
import { attributeLabel } from './labels.ts';
import { PHRASE_BOUNDARIES, reportingVerb } from './lexicon.ts';
import { findQuoteMarks } from './marks.ts';
import { mentionIndex } from './mention-index.ts';
import { nestedAttributions } from './nested-quotes.ts';
import { sentenceEnd, sentenceStart } from './phrases.ts';
import { attributePreviousSentence } from './previous-sentence.ts';
import { isNested, isPunctuatedTitle, isTitleCase, maskQuotes, type QuoteMarks } from './quote-marks.ts';
import { attributeReportedParagraph } from './reported-paragraph.ts';
import { sentenceOpener } from './sentence-openers.ts';
import type { Attribution, SpeakerContext } from './speaker-context.ts';

interface FoundQuote {
  readonly marks: QuoteMarks;
  readonly inner: Span;
  attribution: Attribution | undefined;
}

/** Only "and", "or" and commas between two quotations: "about “…,” and “…”". */
const LIST_JOIN = /^[\s,]*(?:(?:and|or)\s*)?$/u;

/** "went on about “…,” and “…”": a quotation listed right after one that is the object of "about" is its speaker's. */
function aboutListAttribution(
  masked: string,
  previous: FoundQuote | undefined,
  quote: QuoteMarks,
): Attribution | undefined {
  const attribution = previous?.attribution;
  if (previous === undefined || attribution === undefined || !/ about$/u.test(attribution.verb))
    return undefined;
  return LIST_JOIN.test(masked.slice(previous.marks.close + 1, quote.open)) ? attribution : undefined;
}

const WHITESPACE = /\s+/u;
const PRONOUN = /^(?:he|she|him|her|they|it)$/iu;
const LOWERCASE_START = /^\p{Ll}/u;
const MIN_QUOTE_WORDS = 3;
/** How far (in characters) a quote may follow the previous one in its paragraph and still inherit its speaker. */
const INHERIT_WINDOW = 600;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const WORD_BEFORE = /(\S+)\s*$/u;
const WORD_AFTER = /^\s*(\S+)/u;
const TITLE_PREPOSITIONS = new Set('on in of at from to for with by about into onto'.split(' '));
/** Determiners before a name in marks that modifies a noun: "during a “Commander-in-Chief Forum” sponsored by". */
const TITLE_DETERMINERS = new Set('a an the his her their its our my your this that'.split(' '));
/** A noun of a work with a title, then a comma: "Haley's classic novel, “Roots …”", "Davis' commentary, “…,” is". */
const WORK_NOUN_BEFORE =
  /\b(?:commentary|column|op-ed|essay|editorial|book|novel|memoir|song|album|film|movie|documentary|poem|play|podcast|series|episode),\s*$/iu;
/**
 * A determiner, up to two more words, a lowercase noun and a verb of naming, right before the marks: "a holiday called",
 * "the new ballot measure dubbed", "One such spying application called". The noun is the thing named, not the subject of a verb that reports speech.
 */
const NAMED_NOUN_BEFORE =
  /\b(?:a|an|the|this|that|his|her|their|its|our|my|your|another|one|A|An|The|One)\s+(?:[\p{L}-]+\s+){0,2}?(\p{Ll}[\p{Ll}-]*)\s+(?:called|named|dubbed|titled|entitled|nicknamed)\s*$/u;
/** "is known as “Wolf Pack”", "the so-called “dark side”": a name, or a phrase as others say it, whoever they are. */
const KNOWN_AS_BEFORE = /\b(?:known as|so-called)\s*$/iu;
/** A participle of naming set off after its noun: "a new breed of malware, dubbed “Agent Smith,” has …". */
const NAMING_PARTICIPLE_BEFORE = /,\s*(?:dubbed|nicknamed|codenamed|code-named|titled|entitled)\s*$/iu;
/** Words before a verb of naming that are its object, not a thing named: "called it “a disgrace”". */
const OBJECT_PRONOUNS = new Set(
  'it him her them this that these those himself herself itself themselves one me us you'.split(' '),
);
/** A noun of a work right before the marks: "the show “…”", "her book “…”". */
const WORK_NOUN_RIGHT_BEFORE =
  /\b(?:show|program|programme|book|novel|memoir|song|album|film|movie|documentary|poem|play|podcast|series|episode|musical|sitcom)\s*$/iu;
/** Up to four lowercase words, no punctuation: a label in marks ("national enterprise reporter"). */
const LABEL_WORDS = /^\p{Ll}[\p{Ll}-]*(?: \p{Ll}[\p{Ll}-]*){0,3}$/u;
/** A name of two capitalised words right after the closing mark: "” Stephanie Reyes". */
const NAME_AFTER = /^\s+\p{Lu}[\p{Ll}'’-]+\s+\p{Lu}[\p{Ll}'’-]+/u;
/** How many words a name in marks holds at most. */
const MAX_NAME_WORDS = 6;
/** A verb after a title set off by commas: "commentary, “Tell your story,” is very thoughtful". */
const COPULA_AFTER = /^\s*(?:is|was|are|were|has|had|remains|became)\b/u;

/**
 * Direct quotations (curly or straight marks, multi-sentence, partial) with their speakers. The speaker is
 * the subject of the reporting verb before or after the quote ("…, Biden said", "said Biden, the …", "The
 * State Department said … “…”", "Trump called it a “disgrace”"), a name after a dash, or a transcript's
 * label; it is resolved to the person or organisation it names (pronouns by the article's own he/she,
 * descriptions like "the newspaper" to the one entity they can mean). A quote with no attribution of its own
 * continues the quote before it in its paragraph, or in the paragraph before when that ended with the
 * attribution ("…,” he said.¶“…”), or takes the speaker of the sentence just before it, or, when it is a paragraph
 * of its own, of the paragraph before that ends by reporting what one person said. Quotes of fewer than
 * three words and titles ("Face the Nation") are kept only with an attribution of their own.
 */
export function findQuotes(text: string, entities: readonly Entity[]): QuoteFact[] {
  const marks = findQuoteMarks(text);
  // No quotation marks, no quotes: the mentions and genders below are read only for attributions.
  if (marks.length === 0) return [];
  const masked = maskQuotes(text, marks);
  const mentions = mentionIndex(text, entities);
  const people = mentions.filter((mention) => mention.entity.type === 'person');
  const genders = personGenders(text, masked, people);
  const nestedAttribution = nestedAttributions(text, marks);
  const found: FoundQuote[] = [];
  const earlier: Attribution[] = [];
  let previous: FoundQuote | undefined;
  let outer: FoundQuote | undefined;
  for (const quote of marks) {
    if (isNameOrTitle(text, quote)) continue;
    const context: SpeakerContext = {
      text,
      masked,
      mentions,
      genders,
      previous: previous?.attribution,
      earlier,
    };
    if (outer !== undefined && isNested(quote, outer.marks)) {
      // A quotation inside one whose speaker is not known yet is kept only when the words around it name its own
      // ("“Trump walked onto the stage, chanting “U-S-A!”” in an excerpt).
      const outerAttribution = outer.attribution?.speaker === undefined ? undefined : outer.attribution;
      const attribution = nestedAttribution(context, quote, outer.marks, outerAttribution);
      if (attribution?.speaker !== undefined) found.push({ marks: quote, inner: quote.inner, attribution });
      continue;
    }
    const label = attributeLabel(context, quote);
    const inner = label ? { start: label.start, end: quote.inner.end } : quote.inner;
    const own =
      label?.attribution ??
      aboutListAttribution(masked, previous, quote) ??
      aboutObjectAttribution(context, quote) ??
      attributeAfter(context, quote) ??
      attributeBefore(context, quote) ??
      attributeAccordingTo(context, quote) ??
      attributeClosingClause(context, quote);
    const quoted = text.slice(inner.start, inner.end);
    const continues = previous?.attribution?.speaker !== undefined && isSameSentence(masked, previous, quote);
    if (own === undefined && !(continues && !isTitleCase(quoted)) && !isQuotation(quoted)) continue;
    const attribution =
      own ??
      inherit(context, previous, quote) ??
      attributePreviousSentence(context, quote) ??
      attributeReportedParagraph(context, quote);
    previous = { marks: quote, inner, attribution };
    if (attribution !== undefined) earlier.push(attribution);
    outer = previous;
    found.push(previous);
  }
  attributeContinuedQuotes(found);
  return found.map(({ inner, attribution }) => {
    const quoted = text.slice(inner.start, inner.end);
    return {
      ...inner,
      text: quoted,
      ...(attribution?.speaker === undefined
        ? {}
        : {
            speaker: attribution.speaker,
            ...(attribution.speakerType === undefined ? {} : { speakerType: attribution.speakerType }),
            speakerMention: attribution.mention,
          }),
      ...(attribution?.verb ? { verb: attribution.verb } : {}),
      partial: LOWERCASE_START.test(quoted),
    };
  });
}

/**
 * "Reid has called him a “human leech” and a “spoiled brat.”": the quote before is in the same sentence, so a
 * short quote (not a name: “No, not even,” “Perry” countered) is the same speaker's.
 */
function isSameSentence(masked: string, previous: FoundQuote, quote: QuoteMarks): boolean {
  return (
    sentenceStart(masked, quote.open) <= previous.marks.open &&
    !masked.slice(previous.marks.close, quote.open).includes('\n')
  );
}

/** Without an attribution, a few words or a title in marks are a scare quote or a name, not a quotation. */
function isQuotation(quoted: string): boolean {
  return quoted.split(WHITESPACE).length >= MIN_QUOTE_WORDS && !isTitleCase(quoted);
}

/**
 * Marks around a nickname inside a name (Marcia “Cia” Price) or a title after a preposition or possessive
 * (CNN’s “State of the Union”, appeared on “Face the Nation”) or a noun of a work and a comma (the novel, “Roots”)
 * hold no one's words.
 */
function isNameOrTitle(text: string, quote: QuoteMarks): boolean {
  const quoted = text.slice(quote.inner.start, quote.inner.end);
  // "invented a holiday called “Anglika”", "made a film called “Night Shift Blues”": the name of a thing.
  const naming = NAMED_NOUN_BEFORE.exec(text.slice(Math.max(0, quote.open - 60), quote.open));
  const named =
    (naming !== null && !OBJECT_PRONOUNS.has((naming[1] as string).toLowerCase())) ||
    KNOWN_AS_BEFORE.test(text.slice(Math.max(0, quote.open - 20), quote.open)) ||
    NAMING_PARTICIPLE_BEFORE.test(text.slice(Math.max(0, quote.open - 20), quote.open));
  if (named && quoted.split(WHITESPACE).length <= MAX_NAME_WORDS) return true;
  if (WORK_NOUN_BEFORE.test(text.slice(Math.max(0, quote.open - 30), quote.open))) {
    // "his column, “We must stay,” she wrote" is the column's words: a title when Title Case, or set off by commas before a verb.
    const appositive =
      text
        .slice(quote.open + 1, quote.close)
        .trimEnd()
        .endsWith(',') && COPULA_AFTER.test(text.slice(quote.close + 1));
    if (isTitleCase(quoted.replaceAll(':', '')) || appositive) return true;
  }
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, quote.open - 30), quote.open))?.[1] ?? '';
  if (isLabelOfName(text, quote, quoted, before)) return true;
  if (!isTitleCase(quoted)) {
    // NPR’s “Wait, Wait … Don’t Tell Me!”, appeared on “Hello, Goodbye!”, the show “Yes, Minister”: a title with
    // its own punctuation, after a possessive, a preposition or a noun of a work.
    if (!isPunctuatedTitle(quoted)) return false;
    const work = WORK_NOUN_RIGHT_BEFORE.test(text.slice(Math.max(0, quote.open - 30), quote.open));
    return work || TITLE_PREPOSITIONS.has(before.toLowerCase()) || /['’]s?$/u.test(before);
  }
  const after = WORD_AFTER.exec(text.slice(quote.close + 1, quote.close + 30))?.[1] ?? '';
  if (isCapitalised(before) && isCapitalised(after) && !before.endsWith('.')) return true;
  // "as “The Wall Street Journal” wrote": a name with "the" that is the subject of a verb of saying.
  const verb = reportingVerb(after.toLowerCase().replace(/[,.;:]$/u, ''));
  if (/^The\s/u.test(quoted) && (verb?.form === 'past' || verb?.form === 'third')) return true;
  // "his “Keepin' It Real” radio program", "a “Commander-in-Chief Forum” sponsored by": a noun or participle after
  // it; "called it a “Total Disaster” and …" is words.
  if (
    TITLE_DETERMINERS.has(before.toLowerCase()) &&
    /^\p{Ll}+$/u.test(after) &&
    !PHRASE_BOUNDARIES.has(after)
  )
    return true;
  return TITLE_PREPOSITIONS.has(before.toLowerCase()) || /['’]s?$/u.test(before);
}

/**
 * "its “national enterprise reporter” Stephanie Reyes", "his “spiritual adviser” Tom Hale": a few lowercase words in
 * marks between a determiner and a name label that person; no one is quoted.
 */
function isLabelOfName(text: string, quote: QuoteMarks, quoted: string, before: string): boolean {
  if (!TITLE_DETERMINERS.has(before.toLowerCase()) || !LABEL_WORDS.test(quoted)) return false;
  return NAME_AFTER.test(text.slice(quote.close + 1, quote.close + 60));
}

/**
 * A quote with no attribution of its own continues the previous quote: in the same paragraph, or the one
 * that ended the paragraph before with its attribution ("…,” he said.¶“…”), or runs on from it. Inside a
 * later sentence, only when one word comes before it ("…,” Moran said. BellSouth's “offer was flawed.”) or
 * that sentence opens with the same speaker ("…,” Reid said. Reid has called him a “human leech.”):
 * "…,” Yankovic wrote. Freberg was known for “St. George and the Dragonet.” is not Yankovic's; in the next paragraph,
 * only by that same-speaker opening. A quote that opens
 * its sentence is not carried past a sentence that names another speaker ("…,” Holt said. Moran disagreed. “…”).
 */
function inherit(
  context: SpeakerContext,
  previous: FoundQuote | undefined,
  quote: QuoteMarks,
): Attribution | undefined {
  const { masked } = context;
  const attribution = previous?.attribution;
  if (previous === undefined || attribution?.speaker === undefined) return undefined;
  const from = previous.marks.close + 1;
  const between = masked.slice(from, quote.open);
  const newline = between.indexOf('\n');
  if (newline < 0) {
    if (between.length > INHERIT_WINDOW) return undefined;
    const start = sentenceStart(masked, quote.open);
    const before = masked.slice(start, quote.open).trim().split(WHITESPACE);
    if (start <= from) return attribution;
    if (afterCaptionOnly(context, from, start, quote)) return attribution;
    if (before.length <= 1 || !WORD_CHARACTER.test(before.join(' '))) {
      // "“…,” Holt said. Moran disagreed. “It will not pass.”": the sentence before names another speaker (by
      // name: a he/she there is as likely the speaker before, "…,” Obama said after meeting Putin. He didn't …").
      // Only a sentence wholly between the two quotes: "…,’ said Locke while …. ‘…" is the quote before's own.
      if (!sentenceBetween(masked, previous.marks.close, start)) return attribution;
      const other = attributePreviousSentence(context, quote);
      const named =
        other?.entity !== undefined &&
        !PRONOUN.test(context.text.slice(other.mention.start, other.mention.end));
      return named && other?.entity !== attribution.entity ? undefined : attribution;
    }
    const opener = sentenceOpener(context, quote.open);
    return opener !== undefined && opener === attribution.entity ? attribution : undefined;
  }
  if (previous.marks.continued) return attribution;
  const tail = between.slice(0, newline).trimEnd();
  const opensParagraph = between.slice(newline).trim() === '';
  const tailIsOneSentence = sentenceEnd(masked, from) >= from + tail.length - 1;
  if (opensParagraph && tailIsOneSentence) return attribution;
  // "… pounding Trump as a “con artist.”¶In recent weeks, Reid has gone after Trump as a “human leech.”": the next
  // paragraph's sentence opens with the same speaker.
  if (between.length > INHERIT_WINDOW || sentenceStart(masked, quote.open) <= from) return undefined;
  const opener = sentenceOpener(context, quote.open);
  return opener !== undefined && opener === attribution.entity ? attribution : undefined;
}

/**
 * "…,' argued the manager. Baines (left) has scored 15 penalties from 16 attempts 'Ross showed responsibility.'": only
 * a photo caption run in with no stop stands between the quote before's sentence and this one, which opens its own
 * sentence; the story goes on with the same speaker.
 */
function afterCaptionOnly(context: SpeakerContext, from: number, start: number, quote: QuoteMarks): boolean {
  const { masked, text } = context;
  if (!followsRunInCaption(masked, start, quote.open, text.slice(quote.inner.start, quote.inner.end)))
    return false;
  let end = start;
  while (end > from && /\s/u.test(masked[end - 1] as string)) end--;
  return end <= from + 1 || sentenceStart(masked, end - 1) <= from;
}

/** The sentence that ends right before `start` begins after the quote that closed at `close`. */
function sentenceBetween(masked: string, close: number, start: number): boolean {
  let end = start;
  while (end > close && /\s/u.test(masked[end - 1] as string)) end--;
  return end > close + 1 && sentenceStart(masked, end - 1) >= close;
}

/** A quote that runs on into the next paragraph is attributed where it ends: "... ,” Blinken said." */
function attributeContinuedQuotes(quotes: readonly FoundQuote[]): void {
  for (let index = quotes.length - 2; index >= 0; index--) {
    const quote = quotes[index] as FoundQuote;
    const next = quotes[index + 1] as FoundQuote;
    if (quote.marks.continued && quote.attribution === undefined) quote.attribution = next.attribution;
  }
}
