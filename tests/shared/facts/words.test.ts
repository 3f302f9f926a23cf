import { describe, expect, it } from 'vitest';
import { splitWords, WORD_PATTERN, wordBefore, wordsBackward } from '#shared/facts/words.ts';
import { randomText } from '../../helpers/random-text.ts';

/** What splitWords replaced: every match of the word pattern with its offsets. */
const byPattern = (text: string, offset = 0) =>
  [...text.matchAll(WORD_PATTERN)].map((match) => ({
    text: match[0],
    start: offset + match.index,
    end: offset + match.index + match[0].length,
  }));

/** Characters that test every branch: joiners, letters, marks and digits of several scripts, astral ones. */
const ALPHABET = [
  'a',
  'Z',
  '7',
  'é',
  'e\u0301',
  'Ж',
  'ا',
  '٣',
  '中',
  'カ',
  '𠀀',
  '𝐀',
  '𝟘',
  '😀',
  "'",
  '’',
  '.',
  ',',
  '-',
  ' ',
  '\n',
  '\u00a0',
  '\u2009',
  '"',
  '$',
  '%',
  '\ud800',
  '\udc00',
  '_',
  '½',
  '²',
];

describe('splitWords', () => {
  it.each([
    ['', []],
    [
      'China’s co-founder paid $6,000.50 (1.5%).',
      ['China’s', 'co-founder', 'paid', '$', '6,000.50', '(', '1.5', '%', ')', '.'],
    ],
    ['U.S. 3. x', ['U.S', '.', '3', '.', 'x']],
    ['😀𝐀𝐁 a', ['😀', '𝐀𝐁', 'a']],
  ])('splits %j as the word pattern does', (text, expected) => {
    // Act
    const words = splitWords(text, 5);
    // Assert
    expect(words.map((word) => word.text)).toEqual(expected);
    expect(words).toEqual(byPattern(text, 5));
  });

  it('finds the word pattern’s matches and offsets in 3,000 random strings', () => {
    for (let seed = 1; seed <= 3000; seed += 1) {
      // Arrange
      const text = randomText(seed, 1 + (seed % 50), ALPHABET);
      // Act / Assert
      expect(splitWords(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });
});

describe('wordBefore', () => {
  /** What it replaces: the last run of non-space characters before white space at the end. */
  const byPattern = (window: string) => /(\S+)\s+$/u.exec(window)?.[1];

  it.each([
    ['the publishing giant ', 'giant'],
    ['the think tank\n', 'tank'],
    ['the TV-series,\u00a0 ', 'TV-series,'],
    ['no space at the end', undefined],
    ['   ', undefined],
    ['', undefined],
  ])('reads %j as (\\S+)\\s+$ does', (window, expected) => {
    expect(wordBefore(window)).toBe(expected);
    expect(wordBefore(window)).toBe(byPattern(window));
  });

  it('reads 3,000 random strings as (\\S+)\\s+$ does', () => {
    const alphabet = [...ALPHABET, '\u2028', '\ufeff', '\u3000', '\t', '\u1680', '\u200b', '\u180e'];
    for (let seed = 1; seed <= 3000; seed += 1) {
      const window = randomText(seed, seed % 30, alphabet);
      expect(wordBefore(window), JSON.stringify(window)).toBe(byPattern(window));
    }
  });
});

describe('wordsBackward', () => {
  it('reads the words of a window last first, as splitWords reads the window, in 3,000 random strings', () => {
    for (let seed = 1; seed <= 3000; seed += 1) {
      const text = randomText(seed, 1 + (seed % 40), ALPHABET);
      const from = seed % 5;
      const to = Math.max(from, text.length - (seed % 3));
      const expected = splitWords(text.slice(from, to), from).reverse();
      expect([...wordsBackward(text, from, to)], JSON.stringify([text, from, to])).toEqual(expected);
    }
  });
});
