import { describe, expect, it } from 'vitest';
import {
  buildStringTable,
  stringAt,
  stringCount,
  stringId,
  stringSet,
} from '#shared/facts/ner/string-table.ts';

describe('buildStringTable', () => {
  it('finds each string at its position in the list, and nothing for other strings', () => {
    const strings = ['', 'acme', 'Acme', 'new york', 'Zürich', '日本', 'a|b'];
    const table = buildStringTable(strings);
    strings.forEach((text, id) => {
      expect(stringId(table, text)).toBe(id);
      expect(stringAt(table, id)).toBe(text);
    });
    expect(stringCount(table)).toBe(strings.length);
    expect(stringId(table, 'acm')).toBe(-1);
    expect(stringId(table, 'acmee')).toBe(-1);
    expect(stringId(table, 'ACME')).toBe(-1);
    expect(stringSet(table).has('new york')).toBe(true);
    expect(stringSet(table).has('new')).toBe(false);
  });

  it('holds thousands of strings and refuses a duplicate', () => {
    const strings = Array.from({ length: 5000 }, (_, i) => `word${i}`);
    const table = buildStringTable(strings);
    expect(strings.every((text, id) => stringId(table, text) === id)).toBe(true);
    expect(() => buildStringTable(['a', 'b', 'a'])).toThrow(/duplicate/);
  });
});
