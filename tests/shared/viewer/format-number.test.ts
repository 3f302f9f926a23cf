import { describe, expect, it } from 'vitest';
import { formatNumber } from '#shared/viewer/format-number.ts';

const intl = (digits: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits });

/** A deterministic spread of doubles: every magnitude from 1e-9 to 1e22, with ties and long fractions. */
function sampleNumbers(): number[] {
  const values = [
    0,
    -0,
    1,
    -1,
    5e-7,
    -5e-7,
    1e-7,
    -1e-7,
    0.1 + 0.2,
    2.0000005,
    999_999.999_999_5,
    1e21,
    1e22,
  ];
  values.push(123_456_789.123_456_79, 5e-324, Number.MAX_SAFE_INTEGER, 1.797_693_134_862_315_7e308);
  let seed = 12_345;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let exponent = -9; exponent <= 22; exponent += 1) {
    for (let draw = 0; draw < 40; draw += 1) {
      const value = next() * 10 ** exponent;
      values.push(value, -value, Math.round(value), Math.round(value * 1e6 + 0.5) / 1e6);
    }
  }
  return values;
}

describe('formatNumber', () => {
  it('writes every sampled number as Intl.NumberFormat en-GB does, with six fraction digits at most', () => {
    const format = intl(6);
    for (const value of sampleNumbers())
      expect(formatNumber(value), String(value)).toBe(format.format(value));
  });

  it('keeps no more fraction digits than asked, rounding as Intl does', () => {
    for (const digits of [0, 2, 3]) {
      const format = intl(digits);
      for (const value of sampleNumbers())
        expect(formatNumber(value, digits), String(value)).toBe(format.format(value));
    }
  });

  it('groups the whole part in threes and keeps the sign of a negative that rounds to zero', () => {
    expect(formatNumber(1_234_567.5)).toBe('1,234,567.5');
    expect(formatNumber(-0.000_000_1)).toBe('-0');
    expect(formatNumber(812)).toBe('812');
  });
});
