import { describe, expect, it } from 'vitest';
import { normaliseText, REPLACED } from '#shared/clean/normalise-text.ts';

/** Every character normaliseText's replacements match: their classes, joined. */
const THEIRS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is tested
  /[\u00AD\u200B-\u200D\u2060\uFEFF\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v\u2010\u2011\u2012\u2015\u201B\u201F\r\u2028\u2029\u0085\u0000-\u0008\u000E-\u001F\u007F]/;

describe('normaliseText', () => {
  it('looks for the characters the replacements match, every code unit of them, and for two spaces', () => {
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (REPLACED.test(`a${char}b`) !== THEIRS.test(char)) differing.push(code);
    }

    expect(differing).toEqual([]);
    expect(REPLACED.test('one  two')).toBe(true);
    expect(REPLACED.test('one two three')).toBe(false);
  });

  it('returns text with nothing to fold unchanged', () => {
    const text = 'A “quoted” line – with dashes.\n\nAnd a second paragraph’s text.';
    expect(normaliseText(text)).toBe(text);
  });

  it('folds what needs folding, in order', () => {
    expect(normaliseText('a\r\nb\u2028c\u00ad d\u00a0 e\u2011f\u2012g\u2015h\u201bi\u201fj  k\u0007')).toBe(
      'a\nb\nc d e-f–g—h‘i“j k',
    );
    // A space run made by removing an invisible character or folding a space-like one is folded too.
    expect(normaliseText('a \u200b b \u00a0c')).toBe('a b c');
  });

  it('replaces lone surrogates and composes to NFC', () => {
    expect(normaliseText('x\ud800y \ud83d\ude00 e\u0301')).toBe('x\ufffdy \ud83d\ude00 \u00e9');
  });
});
