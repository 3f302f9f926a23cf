import { describe, expect, it } from 'vitest';
import { hashOf, TokenTable } from '#shared/summarise/token-table.ts';

describe('TokenTable', () => {
  it('finds a token by its characters wherever they stand', () => {
    const table = new TokenTable<number>(8);
    const text = 'the cat and the hat';
    table.add(text, 0, 3, hashOf(text, 0, 3), 1);
    table.add(text, 4, 7, hashOf(text, 4, 7), 2);

    expect(table.get(text, 12, 15, hashOf(text, 12, 15))).toBe(1);
    expect(table.get('a cat', 2, 5, hashOf('a cat', 2, 5))).toBe(2);
    expect(table.get(text, 16, 19, hashOf(text, 16, 19))).toBeUndefined();
    expect(table.get(text, 0, 2, hashOf(text, 0, 2))).toBeUndefined();
    expect(table.size).toBe(2);
  });

  it('tells apart tokens whose hashes collide, and keeps no more than its capacity', () => {
    const table = new TokenTable<string>(300);
    const words = Array.from({ length: 400 }, (_, index) => `w${index.toString(36)}é`);
    // Every token given the same hash: the table must compare characters.
    for (const word of words) table.add(word, 0, word.length, 7, word);

    expect(table.size).toBe(300);
    for (const word of words.slice(0, 300)) expect(table.get(word, 0, word.length, 7)).toBe(word);
    for (const word of words.slice(300)) expect(table.get(word, 0, word.length, 7)).toBeUndefined();
  });

  it('finds every token when it holds more than its first slots can', () => {
    const table = new TokenTable<number>(40_000);
    const words = Array.from({ length: 20_000 }, (_, index) => `t${index}`);
    const text = words.join(' ');
    const spans: [number, number][] = [];
    let start = 0;
    for (const word of words) {
      spans.push([start, start + word.length]);
      start += word.length + 1;
    }
    spans.forEach(([from, to], index) => {
      table.add(text, from, to, hashOf(text, from, to), index);
    });

    expect(table.size).toBe(20_000);
    spans.forEach(([from, to], index) => {
      expect(table.get(text, from, to, hashOf(text, from, to))).toBe(index);
    });
  });

  it('is empty after clear, and fills again', () => {
    const table = new TokenTable<number>(4);
    const word = 'x'.repeat(70_000);
    table.add(word, 0, word.length, hashOf(word, 0, word.length), 1);
    table.clear();

    expect(table.get(word, 0, word.length, hashOf(word, 0, word.length))).toBeUndefined();
    table.add(word, 1, word.length, hashOf(word, 1, word.length), 2);
    expect(table.get(word, 1, word.length, hashOf(word, 1, word.length))).toBe(2);
    expect(table.size).toBe(1);
  });
});
