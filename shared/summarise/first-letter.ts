/**
 * What a token starts with, by Unicode category (`\p{L}`, `\p{Lu}`, `\p{Ll}`, `\p{N}`). The key phrases ask this
 * of every token of the article, so ASCII is answered from the character code and only other characters go to
 * the regular expressions; the empty string starts with nothing.
 */

const LETTER = /^\p{L}/u;
const UPPERCASE = /^\p{Lu}/u;
const LOWERCASE = /^\p{Ll}/u;
const NUMBER = /^\p{N}/u;

const isAsciiUppercase = (code: number) => code >= 65 && code <= 90;
const isAsciiLowercase = (code: number) => code >= 97 && code <= 122;
const isAsciiDigit = (code: number) => code >= 48 && code <= 57;
/**
 * The first code unit, or -1 (answered as ASCII: no letter, no digit) for the empty string, whose `charCodeAt(0)`
 * would read out of bounds and give NaN, making V8 throw away the code it optimised for small integers.
 */
const firstCode = (text: string): number => (text.length > 0 ? text.charCodeAt(0) : -1);

export function startsWithLetter(text: string): boolean {
  const code = firstCode(text);
  if (code < 128) return isAsciiUppercase(code) || isAsciiLowercase(code);
  return LETTER.test(text);
}

export function startsUppercase(text: string): boolean {
  const code = firstCode(text);
  if (code < 128) return isAsciiUppercase(code);
  return UPPERCASE.test(text);
}

export function startsLowercase(text: string): boolean {
  const code = firstCode(text);
  if (code < 128) return isAsciiLowercase(code);
  return LOWERCASE.test(text);
}

export function startsWithNumber(text: string): boolean {
  const code = firstCode(text);
  if (code < 128) return isAsciiDigit(code);
  return NUMBER.test(text);
}
