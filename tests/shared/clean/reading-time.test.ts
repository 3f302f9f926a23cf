import { describe, expect, it } from 'vitest';
import { countWords, readingTime, WORD_PATTERN } from '#shared/clean/reading-time.ts';

const byPattern = (text: string): number => text.match(WORD_PATTERN)?.length ?? 0;

/** Characters that test every branch: joiners, letters and digits of several scripts, astral ones, spaces. */
const ALPHABET = [
  'a',
  'Z',
  '7',
  'é',
  'ß',
  'Ж',
  'ا',
  '٣',
  '中',
  'の',
  'カ',
  '한',
  '𠀀',
  '𝐀',
  '😀',
  "'",
  '’',
  '.',
  '-',
  ' ',
  '\n',
  ',',
  '"',
  '\u0301',
  '\ud800',
  '\udc00',
  '_',
  '½',
];

/** A string of `length` characters drawn from ALPHABET by a seeded generator (the same on every run). */
function randomText(seed: number, length: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += ALPHABET[(state >>> 16) % ALPHABET.length];
  }
  return text;
}

describe('countWords', () => {
  it.each([
    ['', 0],
    ['The U.S. economy grew 2.5% in 2023.', 7],
    ["rock-'n'-roll isn't over", 5],
    ['Le président a dit « non ».', 5],
    ['東京で会議', 5],
    ['abc漢字 def', 2],
    ['x - y -- z', 3],
    ['𠀀𠀁 and 𝐀𝐁', 4],
  ])('counts the words of %j as the word pattern does (%i)', (text, expected) => {
    // Act
    const words = countWords(text);
    // Assert
    expect(words).toBe(expected);
    expect(words).toBe(byPattern(text));
  });

  it('counts as many words as the word pattern matches in 2,000 random strings', () => {
    for (let seed = 1; seed <= 2000; seed += 1) {
      // Arrange
      const text = randomText(seed, 1 + (seed % 40));
      // Act / Assert
      expect(countWords(text), JSON.stringify(text)).toBe(byPattern(text));
    }
  });
});

describe('readingTime', () => {
  it('gives at least one minute, and a minute per 238 words', () => {
    expect(readingTime('one two')).toEqual({ wordCount: 2, readingMinutes: 1 });
    expect(readingTime('word '.repeat(476))).toEqual({ wordCount: 476, readingMinutes: 2 });
  });
});
