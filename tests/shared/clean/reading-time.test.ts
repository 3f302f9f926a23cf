import { describe, expect, it } from 'vitest';
import { countWords, readingTime, WORD_PATTERN } from '#shared/clean/reading-time.ts';
import { randomText } from '../../helpers/random-text.ts';

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
      const text = randomText(seed, 1 + (seed % 40), ALPHABET);
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
