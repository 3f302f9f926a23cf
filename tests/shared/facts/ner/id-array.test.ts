import { describe, expect, it } from 'vitest';
import { isIdArray, narrowestIds } from '#shared/facts/ner/id-array.ts';

describe('narrowestIds', () => {
  it('stores ids of 0 to 255 as uint8, and with a -1 or a 256 as int16', () => {
    const bytes = narrowestIds(Int32Array.of(0, 7, 255));
    const withNone = narrowestIds(Int32Array.of(-1, 3, 25_320));
    const past255 = narrowestIds(Int32Array.of(0, 256));

    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([0, 7, 255]);
    expect(withNone).toBeInstanceOf(Int16Array);
    expect([...withNone]).toEqual([-1, 3, 25_320]);
    expect(past255).toBeInstanceOf(Int16Array);
  });

  it('keeps 32 bits when one id does not fit in 16', () => {
    for (const ids of [Int32Array.of(-1, 32_767, 32_768), Int32Array.of(-32_769, 0)]) {
      const stored = narrowestIds(ids);

      expect(stored).toBeInstanceOf(Int32Array);
      expect([...stored]).toEqual([...ids]);
    }
    expect(narrowestIds(Int32Array.of(-32_768, 32_767))).toBeInstanceOf(Int16Array);
  });

  it('takes the id arrays only', () => {
    expect([new Int32Array(1), new Int16Array(1), new Uint8Array(1)].every(isIdArray)).toBe(true);
    expect([new Uint16Array(1), new Float32Array(1), [1], undefined].some(isIdArray)).toBe(false);
  });
});
