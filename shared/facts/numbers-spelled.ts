import { firstPart, isUnit } from './numbers-units.ts';
import type { Word } from './words.ts';

/** A number read from one or more words: `next` is the index of the first word after it. */
export interface ParsedNumber {
  readonly value: number;
  readonly next: number;
  readonly spelled: boolean;
  /** The unit glued on with a hyphen, as in "two-day" or "10-km"; `old` marks an age ("28-year-old"). */
  readonly hyphenUnit?: { readonly word: string; readonly end: number; readonly old?: number };
  /** A fraction ("1/4", "5-1/2", "3½"): a share of a unit, never a count of things. */
  readonly fraction?: true;
}

export const AGE_ENDING = /(?:^|-)(?:years?|months?|weeks?|days?)-olds?$/iu;

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
export const SCALES: Readonly<Record<string, number>> = {
  dozen: 12,
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** Whether parseSpelled may read a number from this word: a number word, or "a"/"an" before a scale. */
export function mayBeSpelledNumber(word: string): boolean {
  // Every word of the text comes here: most are turned away by their first two letters, with no lower-casing.
  if (ruledOutByStart(word)) return false;
  const lower = word.toLowerCase();
  return lower === 'a' || lower === 'an' || isNumberWord(firstPart(lower));
}

/** "twenty-five", "two hundred and five", "a million", and "two-day" (a number with its unit glued on). */
export function parseSpelled(words: readonly Word[], index: number): ParsedNumber | undefined {
  const first = words[index] as Word;
  const lower = first.text.toLowerCase();
  if ((lower === 'a' || lower === 'an') && words[index + 1]) {
    const scale = (words[index + 1] as Word).text.toLowerCase();
    if (scale in SCALES) {
      return { value: SCALES[scale] as number, next: index + 2, spelled: true };
    }
    return undefined;
  }
  // Most words are no number: reject them before splitting.
  if (!isNumberWord(firstPart(lower))) return undefined;
  // "several hundred thousand years", "tens of thousand of copies", "a half million": a scale with no number before
  // it says no value ("the dozen students", "another million people", "hundred-foot cliffs" do).
  if (firstPart(lower) in SCALES && !lower.includes('-') && !isOneScale(lower, words[index - 1]))
    return undefined;
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

/** Words before a bare scale that make it one of it: "another million", "an extra dozen", "a further thousand". */
const ONE_MORE = new Set(['another', 'extra', 'additional', 'further']);

/** "the dozen", "another million", "an extra dozen": the words before a bare scale that make it one of it. */
function isOneScale(scale: string, previous: Word | undefined): boolean {
  const before = previous?.text.toLowerCase();
  return (before !== undefined && ONE_MORE.has(before)) || (scale === 'dozen' && before === 'the');
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

/** Number words and scales. A Set, not `in` on the records: "constructor" is in every object. */
const SPELLED_PARTS: ReadonlySet<string> = new Set([...Object.keys(NUMBER_WORDS), ...Object.keys(SCALES)]);
/** Two ASCII codes as one number: the key of a word's first two characters, lower-cased. */
const startKey = (first: number, second: number) => (first | 0x20) * 128 + (second | 0x20);
/**
 * The first two letters of the words a spelled number may open with ("an", number words, scales; "a" is alone),
 * marked by their key in a table of every pair of ASCII codes: read for every word of the text.
 */
const STARTS = new Uint8Array(128 * 128);
for (const part of [...SPELLED_PARTS, 'an']) STARTS[startKey(part.charCodeAt(0), part.charCodeAt(1))] = 1;

/**
 * Whether a word's ASCII start rules it out as "a", "an" or a number word: one character other than "a", or two
 * whose lower case begins none of them (an ASCII character lower-cases to itself or, a capital, with 0x20 set).
 */
function ruledOutByStart(word: string): boolean {
  const first = word.charCodeAt(0);
  if (!(first < 128)) return false;
  if (word.length === 1) return (first | 0x20) !== 0x61;
  const second = word.charCodeAt(1);
  return second < 128 && STARTS[startKey(first, second)] === 0;
}

export function isNumberWord(word: string): boolean {
  if (SPELLED_PARTS.has(word)) return true;
  return word.includes('-') && word.split('-').every((part) => SPELLED_PARTS.has(part));
}
