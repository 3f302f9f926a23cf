/**
 * Photo captions run into the story: Daily Mail texts whose line breaks were lost carry their captions with no
 * full stop ("… the matter Sterling (pictured) was smoking a pipe earlier this season Rodgers, who has …, spoke to
 * them …"), so what reads as one sentence holds a caption or two and then the story's own clause. A caption is
 * recognised by a picture position in brackets ("(left)", "(pictured with his wife)"); where a caption stops, a word
 * with no stop after it is followed by a capitalised clause that has a verb of its own ("… this season Liverpool
 * boss Brendan Rodgers (left) hasn't …", "… the incident Ibe was present …"). A he/she reads the last such clause,
 * not the caption's subject that opens the run.
 */
import { isCapitalised, splitWords, type Word } from '../words.ts';
import { PASSIVE_AUXILIARIES, reportingVerb } from './lexicon.ts';

/** A picture position in brackets: "(left)", "(second right)", "(pictured with Rojo last month)", "(centre)". */
const CAPTION_MARKER =
  /\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|far left|far right|second left|second right|front|circled)\b[^()\n]{0,60}\)/iu;
/** Lowercase words after which a capitalised word continues the clause: "spoke to Sterling", "and Ibe". */
const CONTINUING = new Set(
  (
    'a an the of to in on at by for with from into onto over under about after before between against during ' +
    'without within like including via per than as and or but nor that which who whom whose his her its their ' +
    'our my your this these those is was were are be been being has have had do does did will would can could ' +
    'may might must should shall not'
  ).split(' '),
);
/** Words that stand before a name inside one noun phrase: "Liverpool boss Brendan Rodgers", "nicknamed Stokesey". */
const BEFORE_NAME = new Set(
  'named called dubbed nicknamed star boss manager coach striker midfielder defender goalkeeper captain president minister leader chief director'.split(
    ' ',
  ),
);
/** Finite verbs that show a clause began: "Ibe was present", "commitments will keep". */
const FINITE = new Set(
  (
    "is was are were has had have hasn’t hasn't hadn’t hadn't haven’t haven't wasn’t wasn't isn’t isn't will " +
    "would can could may might must should did does do didn’t didn't doesn’t doesn't won’t won't can’t can't"
  ).split(' '),
);
/** Conjunctions that open the story's next sentence after a caption with no stop: "… a lingerie model And it was …". */
const SENTENCE_CONJUNCTIONS = new Set('And But Yet So'.split(' '));
/** Determiners and possessives that may open the subject after such a conjunction: "… And the player's lawyers obtained". */
const SUBJECT_DETERMINERS = new Set('the a an this that these those his her its their our my'.split(' '));
/** Sentence openers that no name holds, capitalised mid-sentence only where a stop was lost: "… West Brom But after …". */
const CONTRAST_OPENERS = new Set(['But', 'However']);
const UNSTOPPED_CONTRAST = /[\p{L}\p{N}] (?:But|However) /u;
/** A regular past form: "watched", "joined" (not "speed", "red"). */
const PAST_FORM = /^\p{Ll}{2,}[^e\P{Ll}]ed$/u;
/** How many words (a caption marker counts as one) a clause's subject may run before its verb. */
const MAX_SUBJECT_WORDS = 6;

/**
 * Where the clause holding `position` starts, within the sentence that starts at `start`: the sentence's start,
 * unless the sentence before `position` holds a caption marker and a caption boundary, when it is the last
 * boundary's capitalised word.
 */
export function captionClauseStart(masked: string, start: number, position: number): number {
  const sentence = masked.slice(start, position);
  const marked = CAPTION_MARKER.test(sentence);
  if (!marked && !UNSTOPPED_CONTRAST.test(sentence)) return start;
  const words = splitWords(sentence, start);
  for (let index = words.length - 1; index > 0; index--) {
    if (marked && isCaptionBoundary(masked, words, index)) return (words[index] as Word).start;
    if (isUnstoppedContrast(masked, words, index)) return (words[index] as Word).start;
  }
  return start;
}

/**
 * "… after hitting the winner against West Brom But after their mini-revival, Pearson wants …": "But" or "However"
 * capitalised right after a word with no stop opens the story's next sentence, whatever ran before it (a caption
 * with no picture marker); no name holds them.
 */
function isUnstoppedContrast(masked: string, words: readonly Word[], index: number): boolean {
  const word = words[index] as Word;
  const before = words[index - 1] as Word;
  return (
    CONTRAST_OPENERS.has(word.text) &&
    /[\p{L}\p{N}]$/u.test(before.text) &&
    /^ $/u.test(masked.slice(before.end, word.start))
  );
}

/** A capitalised word right after a word with no stop, that opens a clause with a verb of its own. */
function isCaptionBoundary(masked: string, words: readonly Word[], index: number): boolean {
  const word = words[index] as Word;
  const before = words[index - 1] as Word;
  if (!isCapitalised(word.text) || word.text === 'I') return false;
  if (!/[\p{Ll}\p{N}]$/u.test(before.text) || isCapitalised(before.text)) return false;
  if (!/^\s+$/u.test(masked.slice(before.end, word.start))) return false;
  const previous = before.text.toLowerCase();
  if (CONTINUING.has(previous) || BEFORE_NAME.has(previous) || reportingVerb(previous) !== undefined)
    return false;
  return !isActivePast(words, index - 1) && opensClause(words, index);
}

/**
 * "… (left) watched Manchester United And Chelsea played …": a verb's past form ends no caption, the name after
 * it is its object; but for a passive one ("… the game was abandoned Police said …").
 */
function isActivePast(words: readonly Word[], at: number): boolean {
  return (
    PAST_FORM.test((words[at] as Word).text) &&
    !PASSIVE_AUXILIARIES.has(words[at - 1]?.text.toLowerCase() ?? '')
  );
}

/**
 * After the capitalised word: a comma and a relative or appositive ("Rodgers, who …", "Rodgers, the manager"), or
 * within a few words of a noun phrase (names, lowercase nouns, a caption marker) a finite verb. After a sentence's
 * conjunction the noun phrase may open with a determiner ("… model But the club has …", "… And his lawyers obtained").
 */
function opensClause(words: readonly Word[], index: number): boolean {
  let at = index + 1;
  if (
    SENTENCE_CONJUNCTIONS.has((words[index] as Word).text) &&
    SUBJECT_DETERMINERS.has(words[at]?.text ?? '')
  )
    at++;
  while (isCapitalised(words[at]?.text ?? '')) at++;
  if (words[at]?.text === ',') return /^(?:who|the|a|an|aged|\p{N}+)$/u.test(words[at + 1]?.text ?? '');
  for (let count = 0; count < MAX_SUBJECT_WORDS && at < words.length; count++) {
    const text = (words[at] as Word).text;
    if (text === '(') {
      const close = words.findIndex((other, place) => place > at && other.text === ')');
      if (close < 0) return false;
      at = close + 1;
      continue;
    }
    const lower = text.toLowerCase();
    if (FINITE.has(lower) || isFiniteReportingVerb(lower) || /^\p{Ll}+ed$/u.test(text)) return true;
    if (!/^\p{L}/u.test(text) || CONTINUING.has(lower)) return false;
    at++;
  }
  return false;
}

function isFiniteReportingVerb(word: string): boolean {
  const verb = reportingVerb(word);
  return verb !== undefined && (verb.form === 'third' || verb.form === 'past');
}

/** How many words a caption run into the story holds at least: "Hull were beaten 2-0 by Southampton on Saturday". */
const MIN_CAPTION_WORDS = 4;
/** A quotation's first letter is a capital and a sentence ends in it: it opens a sentence of its own. */
const OPENS_SENTENCE = /^\p{Lu}/u;
const ENDS_SENTENCE = /[.!?]['’"”]?(?:\s|$)/u;
/** What may end a caption right before a quotation's opening mark: a word or a picture position's bracket. */
const CAPTION_END = /[\p{L}\p{N})]$/u;
/** Forms of a verb, which may take the quotation as their object: "entitled", "shouting". */
const VERB_FORM = /(?:ed|ing)$/u;

/**
 * "… the squad is there. Brendan Rodgers is under pressure after a third season without a trophy 'The signings have
 * to be right. …'": a quotation that opens with a capital and holds a sentence, after a word that could not introduce
 * it (no colon, comma, speech verb, preposition or verb form), begins a sentence of its own; the words between the
 * last full stop and its mark (`start` to `open`) are a photo caption run into the story with no stop.
 */
export function followsRunInCaption(text: string, start: number, open: number, inner: string): boolean {
  if (!OPENS_SENTENCE.test(inner) || !ENDS_SENTENCE.test(inner)) return false;
  const before = text.slice(start, open).trimEnd();
  if (!CAPTION_END.test(before)) return false;
  const words = splitWords(before, start).filter((word) => /[\p{L}\p{N}]/u.test(word.text));
  const last = words.at(-1)?.text ?? '';
  const lower = last.toLowerCase();
  return (
    words.length >= MIN_CAPTION_WORDS &&
    !CONTINUING.has(lower) &&
    !BEFORE_NAME.has(lower) &&
    reportingVerb(lower) === undefined &&
    !(VERB_FORM.test(lower) && !isCapitalised(last))
  );
}
