import { describe, expect, it } from 'vitest';
import { findNumbers } from '#shared/facts/numbers.ts';

/** Figures whose comma or glued letters say something other than an amount (session 24); sentences our own. */
describe('findNumbers on commas and codes in figures', () => {
  it.each([
    ['Half of those who earn over $250,00 said no.'],
    ['The flat cost £410,000 and the car £38,00 last spring.'],
  ])('reads no amount from a thousands group cut short in %j', (text) => {
    expect(findNumbers(text).filter((fact) => /,\d\d$/u.test(fact.text))).toEqual([]);
  });

  it('still reads "12,50 %" where the text writes decimals with a comma', () => {
    expect(findNumbers('Der Zins stieg von 9,5 % auf 12,50 %.')).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: '12,50 %', value: 12.5 })]),
    );
  });

  it('still reads "1,8 metres", a comma with one decimal', () => {
    expect(findNumbers('The hill rises 1,8 metres over the marsh.')).toMatchObject([
      { text: '1,8 metres', kind: 'quantity', value: 1.8, unit: 'm' },
    ]);
  });

  it.each([['Delegates met at COP29 in Baku.'], ['The USD25 line was a typo.']])(
    'reads no money from a currency code glued to a figure in %j',
    (text) => {
      expect(findNumbers(text).filter((fact) => fact.kind === 'money')).toEqual([]);
    },
  );

  it('still reads a code set apart from its figure, "USD 40"', () => {
    expect(findNumbers('Entry costs USD 40 a day.')).toMatchObject([
      { text: 'USD 40', kind: 'money', value: 40, unit: 'USD' },
    ]);
  });
});
