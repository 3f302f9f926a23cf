import type { NumberFact, Span } from '../result.ts';
import { isAfterName, isFraction, isFunctionWord, isGluedTemperature } from './numbers-context.ts';
import { type PageMoney, withPageMoney } from './numbers-currency.ts';
import { currencyBefore, currencyWordAt, withCodesFromText } from './numbers-currency-words.ts';
import { fractionAt } from './numbers-fractions.ts';
import { asAge, withRanges } from './numbers-ranges.ts';
import {
  AGE_ENDING,
  mayBeSpelledNumber,
  type ParsedNumber,
  parseSpelled,
  SCALES,
} from './numbers-spelled.ts';
import {
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  DOLLAR_PREFIXES,
  DURATION_UNITS,
  firstPart,
  HUNDREDTHS,
  isUnit,
  PERCENT_WORDS,
  QUANTITY_UNITS,
  RATE_UNITS,
  TEMPERATURE_SCALES,
} from './numbers-units.ts';
import { overlapsAny, splitWords, type Word } from './words.ts';

export { NUMBER_WORDS } from './numbers-spelled.ts';

export interface NumberOptions {
  /** Spans already claimed (dates): numbers inside them are not reported again. */
  readonly exclude?: readonly Span[];
  /** What "$" and "cents" are on the page (`pageMoneyOf`); US dollars when not given. */
  readonly money?: PageMoney;
}

/** Abbreviated scales written after a figure; "m" and "k" only count next to a currency ("€20m"). */
const SCALE_ABBREVIATIONS: Readonly<Record<string, number>> = { bn: 1e9, mn: 1e6, tn: 1e12, m: 1e6, k: 1e3 };
const CURRENCY_ONLY_SCALES = new Set(['m', 'k']);

const IRREGULAR_PLURALS = new Set([
  'people',
  'children',
  'men',
  'women',
  'police',
  'personnel',
  'staff',
  'cattle',
  'sheep',
  'fish',
  'teeth',
  'mice',
  'geese',
]);
/** Words ending in "s" that are not plural nouns after a number. */
const NOT_PLURAL = new Set([
  'is',
  'was',
  'has',
  'his',
  'its',
  'this',
  'as',
  'us',
  'yes',
  'thus',
  'plus',
  'less',
]);
/** "crisis", "basis", "class", "status": singular nouns that end in "s". */
const SINGULAR_ENDING = /(?:ss|is|us)$/u;
/** "golf's", "Real’s": a possessive, not a plural. */
const POSSESSIVE_S = /['’]s$/u;
/** "$254-billion Canadian": a nationality after a bare "$" amount names its dollar. */
const DOLLAR_NATIONALITIES: Readonly<Record<string, string>> = { Canadian: 'CAD', Australian: 'AUD' };
/** Units of length that "square" makes an area: "6,300 square miles", "5,378 square km". */
const AREA_UNITS: ReadonlySet<string> = new Set(['km', 'mi', 'm', 'ft', 'yd', 'cm']);
const YEAR = /^(?:18|19|20)\d\d$|^2100$/u;
const RATE_JOINERS = new Set(['per', 'a', 'an', 'each']);
const LOWERCASE_WORD = /^\p{Ll}[\p{Ll}'’-]*$/u;
const DIGIT = /^\p{N}/u;
const STARTS_WITH_LETTER = /^\p{L}/u;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u;
const PLAIN = /^\d+(?:\.\d+)?$/u;
const DECIMAL_COMMA = /^\d+,\d{1,2}$/u;
/** "100,00": a decimal comma, or a thousands group the writer cut short ("over $100,00" for $100,000). */
const TWO_DIGIT_COMMA = /^\d+,\d\d$/u;
/** A figure only a text writing decimals with a comma has: "7,7", "13.488,1", "1.234.567". */
const DECIMAL_COMMA_SIGN = /(?<![\d.,])\d+,\d(?![\d,])|\d\.\d{3}(?:\.\d{3}|,\d)/u;
const GLUE_BEFORE = new Set(['-', '/', ':', '#', '.', ',']);
const GLUE_AFTER = new Set(['/', ':']);

/**
 * Money, percentages, durations, quantities with units (ages among them) and counts of things, each with its
 * value and span. Spelled-out numbers are read too ("two countries", "three hours"). A number that says
 * nothing of what it counts ("aged 55", "911", "the two") is not reported.
 */
export function findNumbers(text: string, options: NumberOptions = {}): NumberFact[] {
  const words = splitWords(text);
  const exclude = [...(options.exclude ?? [])].sort((a, b) => a.start - b.start);
  const numbers: NumberFact[] = [];
  /** Amounts in a currency's word that several currencies share ("francs"), for the text to decide. */
  const shared = new Map<NumberFact, string>();
  const commaDecimals = writesDecimalCommas(text);
  let index = 0;
  while (index < words.length) {
    const word = (words[index] as Word).text;
    if (!mayOpenNumber(word) || (TWO_DIGIT_COMMA.test(word) && !commaDecimals())) {
      index += 1;
      continue;
    }
    const read = readFactAt(text, words, index, exclude);
    if (read.number) numbers.push(read.number);
    if (read.number && read.currencyWord) shared.set(read.number, read.currencyWord);
    index = Math.max(index + 1, read.next);
  }
  const coded = withCodesFromText(text, numbers, shared);
  const facts = withRanges(text, words, coded, exclude).map((number) => asAge(words, number));
  return withPageMoney(text, facts, options.money);
}

/**
 * Whether the text writes decimals with a comma, asked only when a figure such as "100,00" needs it (once): an
 * English text that does not ("£95,000 … £63,00") has cut a thousands group short, and its figure is not read.
 */
function writesDecimalCommas(text: string): () => boolean {
  let known: boolean | undefined;
  return () => {
    known ??= DECIMAL_COMMA_SIGN.test(text);
    return known;
  };
}

/** Only a figure or a spelled number (or the "a" of "a million") opens a fact: most words need no reading. */
function mayOpenNumber(word: string): boolean {
  return startsWithDigit(word) || mayBeSpelledNumber(word);
}

/** The fact starting at word `index`, if any, and the index to read on from (past any number words seen). */
function readFactAt(
  text: string,
  words: readonly Word[],
  index: number,
  exclude: readonly Span[],
): { number?: NumberFact; next: number; currencyWord?: string } {
  const minus = minusBefore(words, index);
  const first = minus ?? (words[index] as Word);
  const fraction = minus === undefined ? fractionAt(words, index) : undefined;
  if (minus === undefined && fraction === undefined && isGluedToPrevious(words, index))
    return { next: index + 1 };
  const parsed = fraction ?? parseNumber(words, index);
  if (parsed === undefined) return { next: index + 1 };
  const currency = currencyBefore(words, index);
  // "$10-15 million": the first figure of a range has the scale of the second, which is not read here.
  if (currency && minus === undefined && isDashRangeEnd(words, parsed.next + 1)) return { next: parsed.next };
  let value = parsed.value;
  let next = parsed.next;
  let end = parsed.hyphenUnit?.end ?? (words[next - 1] as Word).end;
  const scale = words[next];
  const scaleValue = scale === undefined ? undefined : scaleAfter(words, next, currency !== undefined);
  if (scale && scaleValue !== undefined && parsed.hyphenUnit === undefined) {
    value *= scaleValue;
    end = scale.end;
    next++;
  }
  const start = currency?.start ?? first.start;
  const described = describe(text, words, next, parsed, currency?.code);
  if (described === undefined) return { next };
  // "3/4 of voters", "1 1/2 people": a fraction is a share of a unit, not a number of things.
  if (described.kind === 'count' && parsed.fraction && !Number.isInteger(value))
    return { next: described.next };
  // "Flight 8501 remains", "Windows 10 users": a figure after a name counts nothing.
  if (described.kind === 'count' && !parsed.spelled && isAfterName(text, words, index, CURRENCY_CODES)) {
    return { next: described.next };
  }
  if (minus !== undefined) {
    // Only a temperature reads a minus sign before it: "-5°C". Elsewhere "-" joins a range or a code.
    if (described.unit !== '°C' && described.unit !== '°F') return { next: described.next };
    value = -value;
  }
  if (described.share !== undefined) value *= described.share;
  // "27,403.54 points": an index level, a measure in its unit; things counted come in whole numbers.
  const kind = described.kind === 'count' && !Number.isInteger(value) ? 'quantity' : described.kind;
  const span = { start, end: Math.max(end, described.end) };
  if (overlapsAny(span, exclude)) return { next: described.next };
  const number: NumberFact = {
    ...span,
    text: text.slice(span.start, span.end),
    kind,
    value: round(value),
    ...(described.unit === undefined ? {} : { unit: described.unit }),
  };
  return { number, next: described.next, ...(described.word ? { currencyWord: described.word } : {}) };
}

interface Description {
  readonly kind: NumberFact['kind'];
  readonly unit?: string;
  readonly end: number;
  readonly next: number;
  /** The part of the unit one of these is: 0.01 for cents ("15 cents" is 0.15 USD). */
  readonly share?: number;
  /** A currency's word that several currencies share ("francs"): the text decides its code. */
  readonly word?: string;
}

/** What the number measures, read from the currency before it and the words after it. */
function describe(
  text: string,
  words: readonly Word[],
  next: number,
  parsed: ParsedNumber,
  currency: string | undefined,
): Description | undefined {
  const after = words[next];
  const end = after?.end ?? 0;
  if (parsed.hyphenUnit) {
    const word = parsed.hyphenUnit.word.toLowerCase();
    const duration = DURATION_UNITS[word];
    if (duration && parsed.hyphenUnit.old !== undefined) {
      return { kind: 'quantity', unit: `${duration}s old`, end: parsed.hyphenUnit.old, next };
    }
    const old = words[next];
    if (duration && isOld(old)) {
      return { kind: 'quantity', unit: `${duration}s old`, end: old.end, next: next + 1 };
    }
    const quantity = QUANTITY_UNITS[parsed.hyphenUnit.word] ?? QUANTITY_UNITS[word];
    const kind = duration ? 'duration' : 'quantity';
    return { kind, unit: duration ?? quantity, end: parsed.hyphenUnit.end, next };
  }
  if (currency) {
    const national = currency === 'USD' && after ? DOLLAR_NATIONALITIES[after.text] : undefined;
    if (national && words[next - 1]?.end !== after?.start) {
      return { kind: 'money', unit: national, end: (after as Word).end, next: next + 1 };
    }
    return { kind: 'money', unit: currency, end: 0, next };
  }
  if (after === undefined) return undefined;
  const lower = after.text.toLowerCase();
  if (after.text === '%' || PERCENT_WORDS.has(lower))
    return { kind: 'percent', unit: '%', end, next: next + 1 };
  if (lower === 'per' && words[next + 1]?.text.toLowerCase() === 'cent') {
    return { kind: 'percent', unit: '%', end: (words[next + 1] as Word).end, next: next + 2 };
  }
  if (lower === 'percentage' && words[next + 1]?.text.toLowerCase().startsWith('point')) {
    return { kind: 'percent', unit: 'percentage point', end: (words[next + 1] as Word).end, next: next + 2 };
  }
  const named = currencyWordAt(text, words, next);
  if (named) {
    const { code, word } = named;
    return {
      kind: 'money',
      end: named.end,
      next: named.next,
      ...(code ? { unit: code } : {}),
      ...(word ? { word } : {}),
    };
  }
  if (CURRENCY_CODES.has(after.text)) return { kind: 'money', unit: after.text, end, next: next + 1 };
  const hundredth = HUNDREDTHS[lower];
  if (hundredth) return { kind: 'money', unit: hundredth, end, next: next + 1, share: 0.01 };
  const duration = DURATION_UNITS[lower];
  if (duration) {
    // "13 year old", "eight years old": an age, not a span of time.
    const old = words[next + 1];
    if (isOld(old)) {
      return { kind: 'quantity', unit: `${duration}s old`, end: old.end, next: next + 2 };
    }
    return { kind: 'duration', unit: duration, end, next: next + 1 };
  }
  const temperature = temperatureAt(words, next) ?? gluedTemperatureAt(words, next);
  if (temperature) return temperature;
  const area = areaAt(words, next);
  if (area) return area;
  const metric = words[next + 1];
  if (lower === 'metric' && metric && QUANTITY_UNITS[metric.text.toLowerCase()] === 't') {
    return { kind: 'quantity', unit: 't', end: metric.end, next: next + 2 };
  }
  const quantity = QUANTITY_UNITS[after.text] ?? (after.text.length > 2 ? QUANTITY_UNITS[lower] : undefined);
  if (quantity) return rateAt(words, next + 1) ?? { kind: 'quantity', unit: quantity, end, next: next + 1 };
  if (isYear(parsed, words[next - 1])) return undefined;
  if (parsed.spelled && parsed.value === 1) return undefined; // "one believes", "the one"
  for (const offset of [0, 1]) {
    const noun = words[next + offset];
    if (noun === undefined || (offset === 1 && !LOWERCASE_WORD.test(after.text))) break;
    if (offset === 1 && isFunctionWord(after.text)) break;
    const unit = DURATION_UNITS[noun.text];
    if (unit) return { kind: 'duration', unit, end: noun.end, next: next + offset + 1 };
    if (isPluralNoun(noun.text) && !isFraction(noun.text, words[next + offset + 1]?.text))
      return { kind: 'count', unit: noun.text, end: noun.end, next: next + offset + 1 };
  }
  return undefined;
}

/** "20°C", "68 °F", "30 degrees Celsius". */
function temperatureAt(words: readonly Word[], index: number): Description | undefined {
  const sign = words[index];
  const scale = words[index + 1];
  if (sign === undefined || scale === undefined) return undefined;
  const degree = sign.text === '°' && scale.start === sign.end;
  const unit = TEMPERATURE_SCALES[scale.text];
  if (unit === undefined || !(degree || sign.text.toLowerCase() === 'degrees')) return undefined;
  if (degree && scale.text.length > 1 && !/^[CF]$/u.test(scale.text)) return undefined;
  return { kind: 'quantity', unit, end: scale.end, next: index + 2 };
}

/** "peak at 25C": a figure glued to "C" or "F" near a word of weather (`isGluedTemperature`). */
function gluedTemperatureAt(words: readonly Word[], index: number): Description | undefined {
  const scale = words[index];
  const figure = words[index - 1];
  if (scale === undefined || figure === undefined || scale.start !== figure.end) return undefined;
  if ((scale.text !== 'C' && scale.text !== 'F') || !isGluedTemperature(words, index - 1)) return undefined;
  return { kind: 'quantity', unit: `°${scale.text}`, end: scale.end, next: index + 1 };
}

/** "6,300 square miles", "40 sq km": an area, `km²`, `mi²`. */
function areaAt(words: readonly Word[], index: number): Description | undefined {
  const square = words[index]?.text.toLowerCase();
  const unitWord = words[index + 1];
  if ((square !== 'square' && square !== 'sq') || unitWord === undefined) return undefined;
  const unit = QUANTITY_UNITS[unitWord.text] ?? QUANTITY_UNITS[unitWord.text.toLowerCase()];
  if (unit === undefined || !AREA_UNITS.has(unit)) return undefined;
  return { kind: 'quantity', unit: `${unit}²`, end: unitWord.end, next: index + 2 };
}

/**
 * A unit over time after a quantity's unit: "km/h", "miles per hour", "barrels a day". `index` is the word
 * after the unit.
 */
function rateAt(words: readonly Word[], index: number): Description | undefined {
  const unitWord = words[index - 1] as Word;
  const unit = QUANTITY_UNITS[unitWord.text] ?? QUANTITY_UNITS[unitWord.text.toLowerCase()];
  const rates = unit === undefined ? undefined : RATE_UNITS[unit];
  const joiner = words[index];
  const time = words[index + 1];
  if (rates === undefined || joiner === undefined || time === undefined) return undefined;
  const slash = joiner.text === '/' && joiner.start === unitWord.end && time.start === joiner.end;
  const spelled = RATE_JOINERS.has(joiner.text.toLowerCase());
  const rate = rates[slash ? time.text : time.text.toLowerCase()];
  if (rate === undefined || !(slash || spelled)) return undefined;
  return { kind: 'quantity', unit: rate, end: time.end, next: index + 2 };
}

/** A bare figure from 1800 to 2100 before a noun is a year ("the 2008 financial crisis"), not a count. */
function isYear(parsed: ParsedNumber, word: Word | undefined): boolean {
  return !parsed.spelled && word !== undefined && YEAR.test(word.text);
}

function isPluralNoun(word: string): boolean {
  if (!LOWERCASE_WORD.test(word) || POSSESSIVE_S.test(word)) return false;
  if (IRREGULAR_PLURALS.has(word)) return true;
  return word.length > 3 && word.endsWith('s') && !SINGULAR_ENDING.test(word) && !NOT_PLURAL.has(word);
}

/** "old" after a span of time makes an age: "eight years old", "10-11 year olds". */
function isOld(word: Word | undefined): word is Word {
  const lower = word?.text.toLowerCase();
  return lower === 'old' || lower === 'olds';
}

/** "-5°C": a minus sign right before a figure, with a space (or nothing) before the sign. */
function minusBefore(words: readonly Word[], index: number): Word | undefined {
  const word = words[index] as Word;
  const sign = words[index - 1];
  if (!startsWithDigit(word.text) || sign === undefined || sign.end !== word.start) return undefined;
  if (sign.text !== '-' && sign.text !== '−') return undefined;
  const before = words[index - 2];
  return before === undefined || before.end < sign.start ? sign : undefined;
}

/** A figure glued to letters or separators before it ("COVID-19", "F-16", "10:30", "24/7") is a name or code. */
function isGluedToPrevious(words: readonly Word[], index: number): boolean {
  const word = words[index] as Word;
  const previous = words[index - 1];
  if (!startsWithDigit(word.text)) return false;
  if (previous && previous.end === word.start && GLUE_BEFORE.has(previous.text)) {
    return !isDashRangeEnd(words, index);
  }
  if (previous && previous.end === word.start && STARTS_WITH_LETTER.test(previous.text)) {
    // "COP28", "USD25": a code glued to a figure names a thing (a summit); an amount has a space ("USD 25").
    return !(previous.text in DOLLAR_PREFIXES);
  }
  const following = words[index + 1];
  return following !== undefined && following.start === word.end && GLUE_AFTER.has(following.text);
}

/**
 * "10-15 minutes", "20–30%": the figure after a dash glued between it and a smaller figure, itself not glued to
 * a word before it ("COVID-19", "2013-14" and "3-1" stay unread).
 */
function isDashRangeEnd(words: readonly Word[], index: number): boolean {
  const word = words[index];
  const dash = words[index - 1];
  const lower = words[index - 2];
  const before = words[index - 3];
  if (word === undefined || dash === undefined || lower === undefined) return false;
  if ((dash.text !== '-' && dash.text !== '–') || lower.end !== dash.start || dash.end !== word.start)
    return false;
  if (before !== undefined && before.end === lower.start && !(before.text in CURRENCY_SYMBOLS)) return false;
  const from = figureValue(lower.text);
  const to = figureValue(word.text);
  return from !== undefined && to !== undefined && from < to && !YEAR.test(lower.text);
}

function parseNumber(words: readonly Word[], index: number): ParsedNumber | undefined {
  const word = words[index] as Word;
  if (startsWithDigit(word.text)) return parseFigure(words, index);
  return parseSpelled(words, index);
}

function parseFigure(words: readonly Word[], index: number): ParsedNumber | undefined {
  const word = words[index] as Word;
  const value = figureValue(word.text);
  if (value === undefined) return undefined;
  const following = words[index + 1];
  if (following && following.start === word.end && STARTS_WITH_LETTER.test(following.text)) {
    const unit = following.text;
    const lower = unit.toLowerCase();
    const known =
      lower in SCALES ||
      unit in SCALE_ABBREVIATIONS ||
      unit in QUANTITY_UNITS ||
      lower in QUANTITY_UNITS ||
      unit === 'C' ||
      unit === 'F';
    if (!known) return undefined;
  }
  const hyphen = words[index + 1];
  const unit = words[index + 2];
  const hyphenScale = hyphenScaleValue(word, hyphen, unit);
  if (hyphenScale !== undefined) return { value: value * hyphenScale, next: index + 3, spelled: false };
  if (
    hyphen?.text === '-' &&
    hyphen.start === word.end &&
    unit &&
    unit.start === hyphen.end &&
    isUnit(unit.text)
  ) {
    const old = AGE_ENDING.test(unit.text) ? unit.end : undefined;
    const hyphenUnit = { word: firstPart(unit.text), end: unitEnd(unit), ...(old ? { old } : {}) };
    return { value, next: index + 3, spelled: false, hyphenUnit };
  }
  return { value, next: index + 1, spelled: false };
}

/** "$670-billion", "€180-million": a scale joined to the figure by a hyphen. */
function hyphenScaleValue(
  figure: Word,
  hyphen: Word | undefined,
  scale: Word | undefined,
): number | undefined {
  if (
    hyphen?.text !== '-' ||
    hyphen.start !== figure.end ||
    scale === undefined ||
    scale.start !== hyphen.end
  ) {
    return undefined;
  }
  const lower = scale.text.toLowerCase();
  return lower === 'hundred' || lower === 'dozen' ? undefined : SCALES[lower];
}

function figureValue(text: string): number | undefined {
  if (THOUSANDS.test(text) || PLAIN.test(text)) return Number(text.replaceAll(',', ''));
  if (DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return undefined;
}

function unitEnd(word: Word): number {
  return word.start + firstPart(word.text).length;
}

function scaleAfter(words: readonly Word[], index: number, hasCurrency: boolean): number | undefined {
  const word = words[index] as Word;
  const previous = words[index - 1] as Word;
  const lower = word.text.toLowerCase();
  if (lower in SCALES && lower !== 'hundred') return SCALES[lower];
  const abbreviation = SCALE_ABBREVIATIONS[lower];
  if (abbreviation === undefined) return undefined;
  if (CURRENCY_ONLY_SCALES.has(lower) && !(hasCurrency && previous.end === word.start)) return undefined;
  return abbreviation;
}

/** Whether a word opens with a digit (`\p{N}`): ASCII by its code, the rest by regex (every word comes here). */
function startsWithDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 48 && code <= 57;
  return DIGIT.test(word);
}

/** Floating-point noise from scaling ("1.1 billion") removed. */
function round(value: number): number {
  return Number(value.toPrecision(12));
}
