import type { NumberFact, Span } from '../result.ts';
import { overlapsAny, splitWords, type Word } from './words.ts';

export interface NumberOptions {
  /** Spans already claimed (dates): numbers inside them are not reported again. */
  readonly exclude?: readonly Span[];
}

/** A number read from one or more words: `next` is the index of the first word after it. */
interface ParsedNumber {
  readonly value: number;
  readonly next: number;
  readonly spelled: boolean;
  /** The unit glued on with a hyphen, as in "two-day" or "10-km"; `old` marks an age ("28-year-old"). */
  readonly hyphenUnit?: { readonly word: string; readonly end: number; readonly old?: number };
}

/** Number words below twenty, also used by dates.ts. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = {
  dozen: 12,
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};
/** Abbreviated scales written after a figure; "m" and "k" only count next to a currency ("€20m"). */
const SCALE_ABBREVIATIONS: Readonly<Record<string, number>> = { bn: 1e9, mn: 1e6, tn: 1e12, m: 1e6, k: 1e3 };
const CURRENCY_ONLY_SCALES = new Set(['m', 'k']);

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
};
/** Prefixes glued to "$": US$, A$, C$, HK$, NZ$, S$. */
const DOLLAR_PREFIXES: Readonly<Record<string, string>> = {
  US: 'USD',
  A: 'AUD',
  C: 'CAD',
  HK: 'HKD',
  NZ: 'NZD',
  S: 'SGD',
};
const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'CNY', 'JPY', 'INR', 'CHF', 'AUD', 'CAD', 'HKD', 'RUB']);
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  yuan: 'CNY',
  renminbi: 'CNY',
  yen: 'JPY',
  rupee: 'INR',
  rupees: 'INR',
  rouble: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  rubles: 'RUB',
  sterling: 'GBP',
};
const PERCENT_WORDS = new Set(['percent', 'pct']);
const DURATION_UNITS: Readonly<Record<string, string>> = {
  second: 'second',
  seconds: 'second',
  minute: 'minute',
  minutes: 'minute',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decade',
  decades: 'decade',
  century: 'century',
  centuries: 'century',
};
const QUANTITY_UNITS: Readonly<Record<string, string>> = {
  km: 'km',
  kilometre: 'km',
  kilometres: 'km',
  kilometer: 'km',
  kilometers: 'km',
  mile: 'mi',
  miles: 'mi',
  m: 'm',
  metre: 'm',
  metres: 'm',
  meter: 'm',
  meters: 'm',
  cm: 'cm',
  mm: 'mm',
  kg: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  kilos: 'kg',
  grams: 'g',
  tonne: 't',
  tonnes: 't',
  ton: 't',
  tons: 't',
  lb: 'lb',
  lbs: 'lb',
  ft: 'ft',
  foot: 'ft',
  feet: 'ft',
  inch: 'in',
  inches: 'in',
  litre: 'L',
  litres: 'L',
  liter: 'L',
  liters: 'L',
  gallon: 'gal',
  gallons: 'gal',
  barrel: 'bbl',
  barrels: 'bbl',
  mph: 'mph',
  knots: 'kn',
  acre: 'acre',
  acres: 'acre',
  hectare: 'ha',
  hectares: 'ha',
  degrees: '°',
  MW: 'MW',
  GW: 'GW',
  kW: 'kW',
  kWh: 'kWh',
  TWh: 'TWh',
};
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
const LOWERCASE_WORD = /^\p{Ll}[\p{Ll}'’-]*$/u;
const DIGITS = /^\p{N}/u;
const STARTS_WITH_LETTER = /^\p{L}/u;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u;
const PLAIN = /^\d+(?:\.\d+)?$/u;
const DECIMAL_COMMA = /^\d+,\d{1,2}$/u;
const AGE_ENDING = /(?:^|-)(?:years?|months?|weeks?|days?)-old$/iu;
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
  let index = 0;
  while (index < words.length) {
    const read = readFactAt(text, words, index, exclude);
    if (read.number) numbers.push(read.number);
    index = Math.max(index + 1, read.next);
  }
  return numbers;
}

/** The fact starting at word `index`, if any, and the index to read on from (past any number words seen). */
function readFactAt(
  text: string,
  words: readonly Word[],
  index: number,
  exclude: readonly Span[],
): { number?: NumberFact; next: number } {
  const first = words[index] as Word;
  if (isGluedToPrevious(words, index)) return { next: index + 1 };
  const parsed = parseNumber(words, index);
  if (parsed === undefined) return { next: index + 1 };
  const currency = currencyBefore(words, index);
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
  const described = describe(words, next, parsed, currency?.code);
  if (described === undefined) return { next };
  const span = { start, end: Math.max(end, described.end) };
  if (overlapsAny(span, exclude)) return { next: described.next };
  const number: NumberFact = {
    ...span,
    text: text.slice(span.start, span.end),
    kind: described.kind,
    value: round(value),
    ...(described.unit === undefined ? {} : { unit: described.unit }),
  };
  return { number, next: described.next };
}

interface Description {
  readonly kind: NumberFact['kind'];
  readonly unit?: string;
  readonly end: number;
  readonly next: number;
}

/** What the number measures, read from the currency before it and the words after it. */
function describe(
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
    const quantity = QUANTITY_UNITS[parsed.hyphenUnit.word] ?? QUANTITY_UNITS[word];
    const kind = duration ? 'duration' : 'quantity';
    return { kind, unit: duration ?? quantity, end: parsed.hyphenUnit.end, next };
  }
  if (currency) return { kind: 'money', unit: currency, end: 0, next };
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
  const code = CURRENCY_WORDS[lower] ?? (CURRENCY_CODES.has(after.text) ? after.text : undefined);
  if (code) return { kind: 'money', unit: code, end, next: next + 1 };
  const duration = DURATION_UNITS[lower];
  if (duration) return { kind: 'duration', unit: duration, end, next: next + 1 };
  const quantity = QUANTITY_UNITS[after.text] ?? (after.text.length > 2 ? QUANTITY_UNITS[lower] : undefined);
  if (quantity) return { kind: 'quantity', unit: quantity, end, next: next + 1 };
  for (const offset of [0, 1]) {
    const noun = words[next + offset];
    if (noun === undefined || (offset === 1 && !LOWERCASE_WORD.test(after.text))) break;
    const unit = DURATION_UNITS[noun.text];
    if (unit) return { kind: 'duration', unit, end: noun.end, next: next + offset + 1 };
    if (isPluralNoun(noun.text))
      return { kind: 'count', unit: noun.text, end: noun.end, next: next + offset + 1 };
  }
  return undefined;
}

function isPluralNoun(word: string): boolean {
  if (!LOWERCASE_WORD.test(word)) return false;
  if (IRREGULAR_PLURALS.has(word)) return true;
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !NOT_PLURAL.has(word);
}

/** A figure glued to letters or separators before it ("COVID-19", "F-16", "10:30", "24/7") is a name or code. */
function isGluedToPrevious(words: readonly Word[], index: number): boolean {
  const word = words[index] as Word;
  const previous = words[index - 1];
  if (!DIGITS.test(word.text)) return false;
  if (previous && previous.end === word.start && GLUE_BEFORE.has(previous.text)) return true;
  if (previous && previous.end === word.start && STARTS_WITH_LETTER.test(previous.text)) {
    return !(previous.text in DOLLAR_PREFIXES) && !CURRENCY_CODES.has(previous.text);
  }
  const following = words[index + 1];
  return following !== undefined && following.start === word.end && GLUE_AFTER.has(following.text);
}

function parseNumber(words: readonly Word[], index: number): ParsedNumber | undefined {
  const word = words[index] as Word;
  if (DIGITS.test(word.text)) return parseFigure(words, index);
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
      lower in SCALES || unit in SCALE_ABBREVIATIONS || unit in QUANTITY_UNITS || lower in QUANTITY_UNITS;
    if (!known) return undefined;
  }
  const hyphen = words[index + 1];
  const unit = words[index + 2];
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

function figureValue(text: string): number | undefined {
  if (THOUSANDS.test(text) || PLAIN.test(text)) return Number(text.replaceAll(',', ''));
  if (DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return undefined;
}

/** "twenty-five", "two hundred and five", "a million", and "two-day" (a number with its unit glued on). */
function parseSpelled(words: readonly Word[], index: number): ParsedNumber | undefined {
  const first = words[index] as Word;
  const lower = first.text.toLowerCase();
  if ((lower === 'a' || lower === 'an') && words[index + 1]) {
    const scale = (words[index + 1] as Word).text.toLowerCase();
    if (scale in SCALES) {
      return { value: SCALES[scale] as number, next: index + 2, spelled: true };
    }
    return undefined;
  }
  // Most words are no number: reject them before splitting (every word of the text comes here).
  if (!isNumberWord(firstPart(lower))) return undefined;
  const parts = lower.split('-');
  let leading = 0;
  while (leading < parts.length && isNumberWord(parts[leading] as string)) leading++;
  if (leading === 0) return undefined;
  const total = new SpelledTotal();
  for (const part of parts.slice(0, leading)) total.add(part);
  if (leading < parts.length) {
    const unit = parts[leading] as string;
    if (!isUnit(unit)) return undefined;
    const unitStart = first.start + parts.slice(0, leading).join('-').length + 1;
    const old = AGE_ENDING.test(first.text) ? first.end : undefined;
    return {
      value: total.value,
      next: index + 1,
      spelled: true,
      hyphenUnit: { word: unit, end: unitStart + unit.length, ...(old ? { old } : {}) },
    };
  }
  let next = index + 1;
  while (next < words.length) {
    const word = (words[next] as Word).text.toLowerCase();
    const afterAnd = words[next + 1]?.text.toLowerCase() ?? '';
    if (word === 'and' && total.allowsAnd && isNumberWord(afterAnd)) {
      next++;
      continue;
    }
    if (!isNumberWord(word)) break;
    for (const part of word.split('-')) total.add(part);
    next++;
  }
  return { value: total.value, next, spelled: true };
}

class SpelledTotal {
  private total = 0;
  private current = 0;
  private lastWasScale = false;

  add(word: string): void {
    const scale = SCALES[word];
    if (scale !== undefined && scale < 1000) this.current = (this.current || 1) * scale;
    else if (scale !== undefined) {
      this.total += (this.current || 1) * scale;
      this.current = 0;
    } else this.current += NUMBER_WORDS[word] ?? 0;
    this.lastWasScale = scale !== undefined;
  }

  get allowsAnd(): boolean {
    return this.lastWasScale;
  }

  get value(): number {
    return this.total + this.current;
  }
}

function isNumberWord(word: string): boolean {
  if (word in NUMBER_WORDS || word in SCALES) return true;
  return word.includes('-') && word.split('-').every((part) => part in NUMBER_WORDS || part in SCALES);
}

function isUnit(word: string): boolean {
  const part = firstPart(word);
  return (
    part.toLowerCase() in DURATION_UNITS || part in QUANTITY_UNITS || part.toLowerCase() in QUANTITY_UNITS
  );
}

/** "year-old" -> "year": the unit of a compound adjective is its first part. */
function firstPart(word: string): string {
  return word.split('-')[0] as string;
}

function unitEnd(word: Word): number {
  return word.start + firstPart(word.text).length;
}

function currencyBefore(words: readonly Word[], index: number): { start: number; code: string } | undefined {
  const word = words[index] as Word;
  const symbol = words[index - 1];
  if (symbol && symbol.end === word.start && symbol.text in CURRENCY_SYMBOLS) {
    const prefix = words[index - 2];
    if (symbol.text === '$' && prefix && prefix.end === symbol.start && prefix.text in DOLLAR_PREFIXES) {
      return { start: prefix.start, code: DOLLAR_PREFIXES[prefix.text] as string };
    }
    return { start: symbol.start, code: CURRENCY_SYMBOLS[symbol.text] as string };
  }
  if (symbol && CURRENCY_CODES.has(symbol.text) && symbol.end <= word.start) {
    return { start: symbol.start, code: symbol.text };
  }
  return undefined;
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

/** Floating-point noise from scaling ("1.1 billion") removed. */
function round(value: number): number {
  return Number(value.toPrecision(12));
}
