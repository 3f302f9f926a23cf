import { isCapitalised, type Word } from '../words.ts';
import { firstMention } from './appositives.ts';
import { PASSIVE_AUXILIARIES } from './lexicon.ts';
import {
  affiliationWithPlace,
  descriptionAsWritten,
  nameWithAffiliation,
  subjectWords,
  unclosedAppositive,
  unreadSubject,
} from './long-subjects.ts';
import {
  attributionWords,
  DASHES,
  isPhraseWord,
  isTimeWord,
  phraseAfter,
  phraseBefore,
  sentenceEnd,
  skipBackOver,
} from './phrases.ts';
import { QUOTATION_MARK, type QuoteMarks } from './quote-marks.ts';
import { quotedObjectAfter } from './quoted-as.ts';
import { isFiniteSpeechVerb, isNounUse, passiveAgent, verbAt } from './reporting-verb-forms.ts';
import { type Attribution, entityAttribution, type SpeakerContext } from './speaker-context.ts';
import { resolvePhrase } from './speakers.ts';

const MAX_AFTER_WORDS = 45;
const MAX_SUBJECT_WORDS = 9;
const MAX_APPOSITIVE_WORDS = 30;
export const MAX_NAME_WORDS = 6;
/** After a quote that ends its own sentence ("….”), how many words may follow its attribution's verb. */
const MAX_WORDS_AFTER_CLOSED_QUOTE = 4;
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'van', 'von', 'al', 'bin', 'la', 'le', 'di', 'y']);
/** A past form no verb list may know: "rejoined", "interjected". */
const PAST_FORM = /^\p{Ll}{3,}ed$/u;
/** A third-person form no verb list may know: "worries", "quips". */
const THIRD_FORM = /^\p{Ll}{3,}s$/u;
/** A verb right after these is a relative clause's ("a resident who posted about it, said"), not the attribution's. */
const RELATIVE_PRONOUNS = new Set(['who', 'that', 'which']);

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
    return (
      resolvePhrase(context, phrase, first.text) ??
      descriptionAsWritten(context, phrase, first.text) ??
      unreadSubject(context, subjectWords(words, index + 1), first.text)
    );
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
    const quoted = quotedObjectAfter(words, verb);
    if (quoted !== undefined)
      return resolvePhrase(context, quoted, text) ?? unreadSubject(context, quoted, text);
    const subject = subjectBetween(context, words.slice(subjectStart, verb), text);
    if (subject) return subject;
  }
  if (!closed) {
    const unlisted =
      unlistedVerbAttribution(context, words, index) ??
      (endsOnComma(context.masked, quote) ? invertedNameAttribution(context, words, index) : undefined) ??
      (endsOnComma(context.masked, quote) ? weakVerbAttribution(context, words, index) : undefined);
    if (unlisted) return unlisted;
  }
  return dash ? nameAfterDash(context, words.slice(index)) : undefined;
}

/**
 * "“Then why were you talking about it,” he rejoined.", "“…,” Alito rejoined.": after a quote that did not close its
 * sentence, a he/she or a name of one or two capitalised words and a past form in -ed that no verb list knows, then the
 * sentence's end or a comma, attribute it (else the quote would take the speaker of the quote before).
 */
function unlistedVerbAttribution(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
): Attribution | undefined {
  const length = subjectLength(
    words,
    index,
    2,
    (word) => isCapitalised(word.text),
    (at) => PAST_FORM.test(words[at]?.text ?? ''),
  );
  if (length === undefined) return undefined;
  const verb = words[index + length];
  const after = words[index + length + 1]?.text;
  if (
    verb === undefined ||
    !PAST_FORM.test(verb.text) ||
    (after !== undefined && after !== '.' && after !== ',')
  )
    return undefined;
  return resolvePhrase(context, words.slice(index, index + length), verb.text);
}

/**
 * "“…,” vowed Mayor Ann Reyes on Monday.", "“…,” worries former adviser Zbigniew Brzezinski.": a verb that no list ranks
 * as speech (a form in -s or -ed) or only as characterising it, then a phrase that names a person or organisation and
 * ends the clause: the name says it.
 */
function invertedNameAttribution(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
): Attribution | undefined {
  const verb = words[index] as Word;
  const known = verbAt(words, index);
  const form =
    known === undefined ? PAST_FORM.test(verb.text) || THIRD_FORM.test(verb.text) : known.rank === 1;
  if (!form || known?.form === 'ing' || known?.form === 'base') return undefined;
  const phrase = phraseAfter(words, index + 1);
  if (phrase.length === 0 || !endsClause(words, words.indexOf(phrase.at(-1) as Word) + 1)) return undefined;
  const named = resolvePhrase(context, phrase, verb.text);
  return named?.speakerType === undefined ? undefined : named;
}

/**
 * "“Fight them,” he urged Iraqis in a radio address.": a he/she or a name right after the quote, then a verb that
 * characterises speech ("urged", "vowed", "called"), in a form with a subject.
 */
function weakVerbAttribution(
  context: SpeakerContext,
  words: readonly Word[],
  index: number,
): Attribution | undefined {
  const length = subjectLength(
    words,
    index,
    3,
    (word) => isCapitalised(word.text) && isPhraseWord(word),
    (at) => verbAt(words, at) !== undefined,
  );
  if (length === undefined) return undefined;
  const verb = verbAt(words, index + length);
  if (verb?.rank !== 1 || verb.form === 'ing' || verb.form === 'base') return undefined;
  const named = resolvePhrase(
    context,
    words.slice(index, index + length),
    (words[index + length] as Word).text,
  );
  return named?.speakerType === undefined ? undefined : named;
}

/**
 * The quote ends on a comma, inside its marks or right after them, as one does before its attribution ("“…,” he
 * urged"); "“Weird Al” Yankovic called him" and "The four “loopholes” he cited are" do not.
 */
function endsOnComma(masked: string, quote: QuoteMarks): boolean {
  return (
    masked
      .slice(quote.open + 1, quote.close)
      .trimEnd()
      .endsWith(',') || /^\s*,/u.test(masked.slice(quote.close + 1, quote.close + 3))
  );
}

/** The clause ends at `at`: the sentence's end, a comma, or a time adjunct ("on Monday", "last week"). */
function endsClause(words: readonly Word[], at: number): boolean {
  const next = words[at];
  if (next === undefined || next.text === ',' || next.text === '.' || isTimeWord(next)) return true;
  return next.text === 'on' && isTimeWord(words[at + 1]);
}

/**
 * After a quote that closed its own sentence ("….” Mr. Clarke said.), an attribution is the whole of the
 * next sentence but for a short adjunct ("on Twitter"): else that sentence is about something else.
 */
function endsAttribution(words: readonly Word[], from: number): boolean {
  const rest = words.slice(from).filter((word) => word.text !== '.');
  return rest.length <= MAX_WORDS_AFTER_CLOSED_QUOTE && !rest.some((word) => QUOTATION_MARK.test(word.text));
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
    return (
      nameWithAffiliation(context, core, core.length - phrase.length - 1, verb) ??
      (core.length > MAX_SUBJECT_WORDS ? unreadSubject(context, core, verb) : undefined)
    );
  }
  const placed = affiliationWithPlace(context, core, verb);
  if (placed) return placed;
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
 * How many words of `words` from `index` are the subject of a verb right after them: 1 for a he/she, else the
 * fewest capitalised words (up to `most`), each one that `fits`, that a verb (`isVerbAt`) follows.
 */
function subjectLength(
  words: readonly Word[],
  index: number,
  most: number,
  fits: (word: Word) => boolean,
  isVerbAt: (at: number) => boolean,
): number | undefined {
  if (/^(?:he|she)$/u.test((words[index] as Word).text)) return 1;
  for (let size = 1; size <= most; size++) {
    if (words.slice(index, index + size).every(fits) && isVerbAt(index + size)) return size;
  }
  return undefined;
}
