/**
 * A paragraph that is a quotation and nothing else, with no attribution of its own, after a paragraph that ends
 * by reporting what a named person, or an organisation other than a news outlet, said: "Mayor Ann Reyes said on
 * Monday that the city would appeal.¶“We will fight this in every court.”" The quote is theirs. Carried only when
 * it is safe, as a wrong speaker is worse than none:
 * - the paragraph before ends with a sentence (ending in a full stop) with no quotation in it, that opens with
 *   the speaker who is the subject of its reporting verb, or with "According to" them, or reports them in a
 *   he/she between commas ("Any small hospital, he said, would need these supplies."), and names no other person
 *   after the verb ("Reyes said Tran told her the port would close." could be either's);
 * - the verb reports speech ("said", "told", "added", "argued"), not a question ("asked": the answer is someone
 *   else's) nor a finding ("revealed", "reported"). */
import type { Entity, Span } from '../../result.ts';
import { lastIndexStartingBefore } from '../words.ts';
import { bestCandidate } from './attribute-before.ts';
import { OUTLET_NAME, PERSON_PRONOUNS, reportingVerb } from './lexicon.ts';
import { attributionWords, sentenceStart } from './phrases.ts';
import { holdsQuotation } from './previous-sentence.ts';
import type { QuoteMarks } from './quote-marks.ts';
import { sentenceOpener } from './sentence-openers.ts';
import type { Attribution, EntityMentionRef, SpeakerContext } from './speaker-context.ts';

/** Reporting verbs after which the next paragraph's quotation need not be the subject's own words. */
const NOT_CARRIED =
  /^(?:(?:ask|wonder|question|reveal|report|disclose|quote|plead|chant)(?:s|es|d|ed)?|begs|begged|reads?|rules?|ruled|sings?|sang)$/u;

/** The quote's speaker, carried from the paragraph before (see the header). */
export function attributeReportedParagraph(
  context: SpeakerContext,
  quote: QuoteMarks,
): Attribution | undefined {
  const { masked } = context;
  const lineStart = paragraphStart(masked, quote.open);
  if (lineStart === undefined) return undefined;
  const lineEnd = masked.indexOf('\n', quote.close);
  if (!/^[\s.!?]*$/u.test(masked.slice(quote.close + 1, lineEnd < 0 ? masked.length : lineEnd)))
    return undefined;
  let end = lineStart;
  while (end > 0 && /\s/u.test(masked[end - 1] as string)) end--;
  if (end === 0 || masked[end - 1] !== '.') return undefined;
  const words = attributionWords(masked, sentenceStart(masked, end - 1), end);
  if (holdsQuotation(context.text, words)) return undefined;
  const best = bestCandidate(context, words)?.attribution;
  const entity = best?.entity;
  if (best === undefined || entity === undefined || !isCarriedSpeaker(entity)) return undefined;
  // "According to Ann Reyes, the city would appeal.¶“…”": the source that opens the sentence.
  const accordingTo = best.verb === 'according to' && words[0]?.text === 'According';
  if (!accordingTo && !reportsSpeech(best.verb)) return undefined;
  if (
    !accordingTo &&
    sentenceOpener(context, end - 1) !== entity &&
    !isParentheticalPronoun(context, best.mention)
  )
    return undefined;
  return namesOtherPerson(context, best.mention.end, end, entity) ? undefined : best;
}

/**
 * The start of the line that `open` opens after nothing but white space, found by walking back over that white
 * space alone (not by looking for the line's start, which scans a text of one long line back to its start for
 * every quote in it); undefined when the quote is not first on its line or its line is the text's first.
 */
function paragraphStart(masked: string, open: number): number | undefined {
  let index = open - 1;
  while (index >= 0 && masked[index] !== '\n' && /\s/u.test(masked[index] as string)) index--;
  return index >= 0 && masked[index] === '\n' ? index + 1 : undefined;
}

/** "Any small hospital, he said, would need …": a he/she between commas, resolved to the person named before. */
function isParentheticalPronoun(context: SpeakerContext, mention: Span): boolean {
  const word = context.text.slice(mention.start, mention.end).toLowerCase();
  const before = context.masked.slice(Math.max(0, mention.start - 3), mention.start).trim();
  return PERSON_PRONOUNS.has(word) && before.endsWith(',');
}

/** A person, or an organisation that is not a news outlet ("The Harlow Group said in a statement …"). */
function isCarriedSpeaker(entity: Entity): boolean {
  return entity.type === 'person' || (entity.type === 'organization' && !OUTLET_NAME.test(entity.name));
}

function reportsSpeech(verb: string): boolean {
  const lower = verb.toLowerCase();
  const form = reportingVerb(lower);
  return form?.rank === 2 && form.form !== 'ing' && form.form !== 'base' && !NOT_CARRIED.test(lower);
}

function namesOtherPerson(
  context: SpeakerContext,
  from: number,
  to: number,
  speaker: EntityMentionRef['entity'],
): boolean {
  for (
    let index = lastIndexStartingBefore(context.mentions, from) + 1;
    index < context.mentions.length;
    index++
  ) {
    const mention = context.mentions[index] as EntityMentionRef;
    if (mention.start >= to) break;
    if (mention.start >= from && mention.entity.type === 'person' && mention.entity !== speaker) return true;
  }
  return false;
}
