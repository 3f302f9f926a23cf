/**
 * What the words around a figure say about it: whether it is part of a name ("Flight 8501", "Windows 10"),
 * whether a plural noun after it is something counted, and whether a "C" or "F" glued to it is a temperature.
 */
import { CALENDAR_NAMES, type Word } from './words.ts';

/** A capitalised word of letters only: "Flight", "Windows", "AirAsia" (not "U.S", "Afghanistan’s"). */
const NAME_WORD = /^\p{Lu}\p{L}*$/u;
/** A whole number as names carry it ("737", "8501"), not a decimal ("HuffPollster 4.3 points"). */
const INTEGER = /^\d+$/u;
/** Marks after which a word opens a sentence or a clause of its own. */
const OPENING_MARKS = new Set([
  '.',
  '!',
  '?',
  ':',
  ';',
  '"',
  '“',
  '‘',
  "'",
  '(',
  '[',
  '—',
  '–',
  '-',
  '•',
  '|',
  '*',
]);
/** Capitalised words before a figure that name a time, not a thing ("on Monday 40 bodies had been found"). */
const TIME_NAMES = new Set([
  ...CALENDAR_NAMES,
  ...'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
]);

/**
 * A figure right after a capitalised word inside a sentence is part of a name or a number of something named:
 * "Flight 8501 remains", "Windows 10 users", "Boeing 737 jets", "Channel 5 show", "Interstate 30". At the start
 * of a sentence the capitalised word is an ordinary one ("About 30 ships", "Only 3 bodies"), and a currency code
 * ("EUR 5 million"), a possessive ("Afghanistan’s 30 million people") or "I" is no name, and a decimal is no number of a
 * name ("HuffPollster 4.3 points").
 */
export function isAfterName(
  text: string,
  words: readonly Word[],
  index: number,
  currencyCodes: ReadonlySet<string>,
): boolean {
  const word = words[index] as Word;
  const previous = words[index - 1];
  if (previous === undefined || previous.end === word.start) return false;
  if (!(INTEGER.test(word.text) && NAME_WORD.test(previous.text)) || previous.text === 'I') return false;
  if (currencyCodes.has(previous.text) || TIME_NAMES.has(previous.text)) return false;
  const before = words[index - 2];
  if (before === undefined || OPENING_MARKS.has(before.text)) return false;
  return !text.slice(before.end, previous.start).includes('\n');
}

/** Words that never stand between a number and the noun it counts: "seats 18 and offers", "four of golf’s". */
const FUNCTION_WORDS = new Set(
  (
    'and or nor but of in on at to for from with by as than that which who whom whose the a an this these ' +
    'those its his her their our my your is are was were be been has have had will would can could may might ' +
    'not no so if then when where while into onto over under after before about against between through per'
  ).split(' '),
);

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

/** Parts of a whole, not things counted: "three tenths of a second", "two thirds of voters". */
const FRACTIONS = new Set(
  (
    'thirds fourths fifths sixths sevenths eighths ninths tenths elevenths twelfths twentieths hundredths ' +
    'thousandths millionths billionths'
  ).split(' '),
);
/** Parts of a whole only before "of": "three quarters of the votes", but "the past two quarters", "both halves". */
const FRACTIONS_BEFORE_OF = new Set(['halves', 'quarters']);

export function isFraction(word: string, following: string | undefined): boolean {
  const lower = word.toLowerCase();
  return FRACTIONS.has(lower) || (FRACTIONS_BEFORE_OF.has(lower) && following?.toLowerCase() === 'of');
}

/** Words of weather and heat that make "25C" a temperature. */
const TEMPERATURE_WORDS =
  /^(?:temperatures?|degrees?|heat|heatwave|weather|warm(?:er|est|ing)?|cold(?:er|est)?|hot(?:ter|test)?|cool(?:er)?|freezing|frost|thermometers?|forecasts?|celsius|fahrenheit|highs?|lows?|climate|sunshine)$/iu;
const GLUED_SCALE = /^\d+(?:[.,]\d+)?[CF]$/u;

/**
 * "peak at 25C", "28C (82F)": a figure glued to "C" or "F" is a temperature when a word of weather or another
 * such temperature is near it (eight words before, four after), else a seat, a flat or a grade ("seat 12F").
 */
export function isGluedTemperature(words: readonly Word[], index: number): boolean {
  const from = Math.max(0, index - 8);
  const to = Math.min(words.length, index + 6);
  for (let at = from; at < to; at++) {
    if (at === index || at === index + 1) continue;
    const word = words[at] as Word;
    if (TEMPERATURE_WORDS.test(word.text) || word.text === '°') return true;
    const next = words[at + 1];
    if (next && next.start === word.end && GLUED_SCALE.test(word.text + next.text)) return true;
  }
  return false;
}
