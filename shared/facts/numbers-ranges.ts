/**
 * Ranges of numbers: "10 to 15 minutes", "between 25 and 75 cents", "two or three days", "20-30 seconds",
 * "$5 to $8 billion". The upper end is read as a fact of its own; the lower end, written without its unit or
 * scale, takes them from it, and both ends carry `range`: the span of the whole range and its two values.
 */
import type { NumberFact, Span } from '../result.ts';
import { isAfterName } from './numbers-context.ts';
import { NUMBER_WORDS } from './numbers-spelled.ts';
import { CURRENCY_CODES } from './numbers-units.ts';
import { overlapsAny, type Word } from './words.ts';

const PLAIN_FIGURE = /^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/u;
const DASHES = new Set(['-', '–']);
/**
 * Words before a number that make "N to M" a change and its result: "by 500 to 39,200", "up 5 to 80", "plunged $4
 * to $14.75" (the verbs of a price or a count moving, in the forms news writes them).
 */
const CHANGE_WORDS = new Set(
  (
    'by up down off rose rise rises risen fell fall falls fallen jumped jumps climbed climbs dropped drops gained ' +
    'gains lost loses slipped slips slid slides plunged plunges soared soars sank sinks tumbled tumbles declined ' +
    'declines increased increases decreased decreases surged surges dipped dips eased eases edged edges advanced ' +
    'advances retreated rallied rallies grew grows shed sheds added adds'
  ).split(' '),
);
/** A word or mark glued before a figure that makes it part of a code: "COVID-19", "10:30", "1/2", "No.4". */
const GLUED_BEFORE = /^[\p{L}\p{N}]|^[-–/:.,#]$/u;
/** A figure from 1800 to 2100: "from 2014 to 2019" is a range of years, which the dates read. */
const YEAR = /^(?:18|19|20)\d\d$|^2100$/u;

interface LowerEnd {
  readonly word: Word;
  readonly value: number;
  /** The word that opens the range: "between", else the lower end itself. */
  readonly opener: Word;
}

/** The value a single word gives as the lower end of a range: "10", "2.5", "1,200", "seven". */
function wordValue(word: Word): number | undefined {
  if (PLAIN_FIGURE.test(word.text)) return Number(word.text.replaceAll(',', ''));
  return NUMBER_WORDS[word.text.toLowerCase()];
}

/** The index of the first word that starts at or after `offset`. */
export function wordAt(words: readonly Word[], offset: number): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((words[middle] as Word).start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The lower end before the fact whose first word is at `index`: a number joined to it by "to", "or", a dash
 * glued to both, or "and" after "between".
 */
function lowerEndBefore(words: readonly Word[], index: number): LowerEnd | undefined {
  const joiner = words[index - 1];
  const lower = words[index - 2];
  const first = words[index] as Word;
  if (joiner === undefined || lower === undefined) return undefined;
  const value = wordValue(lower);
  if (value === undefined || YEAR.test(lower.text)) return undefined;
  const before = words[index - 3];
  if (before && before.end === lower.start && GLUED_BEFORE.test(before.text)) return undefined; // "COVID-19 to"
  const join = joiner.text.toLowerCase();
  if (DASHES.has(join)) {
    const glued = lower.end === joiner.start && joiner.end === first.start;
    return glued && PLAIN_FIGURE.test(lower.text) ? { word: lower, value, opener: lower } : undefined;
  }
  // "rose by 500 to 39,200": a change and where it ended, not a range.
  if (before && CHANGE_WORDS.has(before.text.toLowerCase())) return undefined;
  if (join === 'to' || join === 'or') return { word: lower, value, opener: lower };
  if (join === 'and' && before?.text.toLowerCase() === 'between')
    return { word: lower, value, opener: before };
  return undefined;
}

/**
 * The figure or number word that opens a fact's text ("$8 billion" gives 8, "three million people" 3), to find
 * the scale the fact's value carries.
 */
function leadingFigure(fact: NumberFact): number | undefined {
  const match = fact.text.match(/\d[\d,]*(?:\.\d+)?/u);
  if (match) return Number(match[0].replaceAll(',', ''));
  return NUMBER_WORDS[fact.text.split(/[\s-]/u)[0]?.toLowerCase() ?? ''];
}

/**
 * Adds the lower ends of ranges to `facts` (in text order) and `range` to both ends. A lower end with no unit
 * ("10 to 15 minutes") becomes a fact with the upper end's kind and unit; a lower end read as money without the
 * upper end's scale ("$5 to $8 billion") takes the scale. The lower end must be below the upper one.
 */
export function withRanges(
  text: string,
  words: readonly Word[],
  facts: readonly NumberFact[],
  exclude: readonly Span[],
): NumberFact[] {
  const result = [...facts];
  for (let position = 0; position < result.length; position++) {
    const upper = result[position] as NumberFact;
    if (upper.range !== undefined) continue;
    const index = wordAt(words, upper.start);
    if (words[index] === undefined) continue;
    const lower = lowerEndBefore(words, index);
    const figure = leadingFigure(upper);
    if (lower === undefined || figure === undefined || figure === 0) continue;
    const scale = upper.value / figure;
    const previous = result[position - 1];
    const written = previous !== undefined && previous.end > lower.word.start ? previous : undefined;
    if (written !== undefined) {
      // "up $5 to $80": a change and where it ended; "$50, $75 or $100": choices. Neither is a range.
      const opening = words[wordAt(words, written.start) - 1];
      const choices = scale === 1 && words[index - 1]?.text.toLowerCase() === 'or';
      const range =
        choices || CHANGE_WORDS.has(opening?.text.toLowerCase() ?? '')
          ? undefined
          : moneyRange(written, upper, scale, lower);
      if (range) {
        result[position - 1] = range.lower;
        result[position] = range.upper;
      }
      continue;
    }
    if (overlapsAny(lower.word, exclude) || isAfterName(text, words, index - 2, CURRENCY_CODES)) continue;
    const value = lower.value * scale < upper.value ? lower.value * scale : lower.value;
    if (!(value < upper.value)) continue;
    const range = { start: lower.opener.start, end: upper.end, from: value, to: upper.value };
    const lowerFact: NumberFact = {
      start: lower.word.start,
      end: lower.word.end,
      text: text.slice(lower.word.start, lower.word.end),
      kind: upper.kind,
      value,
      ...(upper.unit === undefined ? {} : { unit: upper.unit }),
      range,
    };
    result.splice(position, 1, lowerFact, { ...upper, range });
    position++;
  }
  return result;
}

/**
 * "$5 to $8 billion", "from $500 to $2,400": a money fact before the upper end, in the same currency, with its
 * scale or without it (then it takes the upper end's).
 */
function moneyRange(
  written: NumberFact,
  upper: NumberFact,
  scale: number,
  lower: LowerEnd,
): { lower: NumberFact; upper: NumberFact } | undefined {
  if (written.kind !== 'money' || upper.kind !== 'money' || written.unit !== upper.unit || scale < 1) {
    return undefined;
  }
  if (written.end !== lower.word.end || written.value !== lower.value) return undefined;
  const value = written.value * scale;
  if (!(value < upper.value)) return undefined;
  const range = { start: written.start, end: upper.end, from: value, to: upper.value };
  return { lower: { ...written, value, range }, upper: { ...upper, range } };
}

/** "aged 55 to 75 years", "aged 30 years": an age, not a span of time. */
export function asAge(words: readonly Word[], number: NumberFact): NumberFact {
  if (number.kind !== 'duration' || number.unit === undefined) return number;
  const opening = words[wordAt(words, number.range?.start ?? number.start) - 1];
  if (opening?.text.toLowerCase() !== 'aged') return number;
  return { ...number, kind: 'quantity', unit: `${number.unit}s old` };
}
