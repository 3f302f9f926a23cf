import { describe, expect, it } from 'vitest';
import { isNumberWord } from '#shared/facts/numbers-spelled.ts';

describe('isNumberWord', () => {
  it.each(['one', 'nineteen', 'ninety', 'dozen', 'million', 'twenty-five', 'two-hundred'])(
    '%j is one',
    (word) => {
      expect(isNumberWord(word)).toBe(true);
    },
  );

  it.each(['a', 'the', 'constructor', '__proto__', 'tostring', 'twenty-day', 'one-off'])(
    '%j is not',
    (word) => {
      expect(isNumberWord(word)).toBe(false);
    },
  );
});
