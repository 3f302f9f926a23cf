/**
 * Fractions before a unit: "1/4 pound", "5-1/2 years", "2 1/2 hours", "3½ miles", "½ cup". A fraction is read
 * only as a share of a unit (numbers.ts drops one before a plain noun: "3/4 of voters" is no count), and only with
 * the denominators of everyday measures, so that "24/7", "9/11" and a score "3/5" stay unread.
 */
import type { ParsedNumber } from './numbers-spelled.ts';
import type { Word } from './words.ts';

const VULGAR_FRACTIONS: Readonly<Record<string, number>> = {
  '½': 1 / 2,
  '⅓': 1 / 3,
  '⅔': 2 / 3,
  '¼': 1 / 4,
  '¾': 3 / 4,
  '⅛': 1 / 8,
  '⅜': 3 / 8,
  '⅝': 5 / 8,
  '⅞': 7 / 8,
};
/** "3½": a whole number with a fraction sign glued on (one word), or the sign alone. */
const WITH_VULGAR = /^(\d*)([½⅓⅔¼¾⅛⅜⅝⅞])$/u;
const INTEGER = /^\d{1,4}$/u;
const DENOMINATORS = new Set([2, 3, 4, 8, 16]);

/** The fraction that starts at word `index`, if one does, as a number read up to `next`. */
export function fractionAt(words: readonly Word[], index: number): ParsedNumber | undefined {
  const word = words[index] as Word;
  const previous = words[index - 1];
  if (previous !== undefined && previous.end === word.start && previous.text !== '$') return undefined;
  const vulgar = vulgarAt(words, index);
  if (vulgar !== undefined) return vulgar;
  const simple = simpleAt(words, index);
  if (simple !== undefined) return { value: simple, next: index + 3, spelled: false, fraction: true };
  if (!INTEGER.test(word.text)) return undefined;
  const whole = Number(word.text);
  const hyphen = words[index + 1];
  // "5-1/2": the whole number, a hyphen and the fraction, all glued.
  if (hyphen?.text === '-' && hyphen.start === word.end && words[index + 2]?.start === hyphen.end) {
    const part = simpleAt(words, index + 2);
    if (part !== undefined) return { value: whole + part, next: index + 5, spelled: false, fraction: true };
  }
  // "2 1/2": the whole number and the fraction one space apart.
  const next = words[index + 1];
  if (next !== undefined && next.start === word.end + 1) {
    const part = simpleAt(words, index + 1);
    if (part !== undefined) return { value: whole + part, next: index + 4, spelled: false, fraction: true };
  }
  return undefined;
}

/** "3½", "½", "3 ½". */
function vulgarAt(words: readonly Word[], index: number): ParsedNumber | undefined {
  const word = words[index] as Word;
  const glued = WITH_VULGAR.exec(word.text);
  if (glued) {
    const value = Number(glued[1] || 0) + (VULGAR_FRACTIONS[glued[2] as string] as number);
    return { value, next: index + 1, spelled: false, fraction: true };
  }
  const sign = words[index + 1];
  const part = sign && sign.start === word.end + 1 ? VULGAR_FRACTIONS[sign.text] : undefined;
  if (part === undefined || !INTEGER.test(word.text)) return undefined;
  return { value: Number(word.text) + part, next: index + 2, spelled: false, fraction: true };
}

/** "1/4": numerator, slash and denominator glued, the numerator below the denominator, nothing glued after. */
function simpleAt(words: readonly Word[], index: number): number | undefined {
  const top = words[index];
  const slash = words[index + 1];
  const bottom = words[index + 2];
  if (top === undefined || slash?.text !== '/' || bottom === undefined) return undefined;
  if (slash.start !== top.end || bottom.start !== slash.end) return undefined;
  if (!INTEGER.test(top.text) || !INTEGER.test(bottom.text)) return undefined;
  const after = words[index + 3];
  if (after !== undefined && after.start === bottom.end && /^[/\p{L}\p{N}-]/u.test(after.text))
    return undefined;
  const numerator = Number(top.text);
  const denominator = Number(bottom.text);
  if (!DENOMINATORS.has(denominator) || numerator === 0 || numerator >= denominator) return undefined;
  return numerator / denominator;
}
