import { createRequire } from 'node:module';
import nlp from 'compromise';
import { countries } from 'countries-list';
import { describe, expect, it } from 'vitest';
import { findNumbers } from '#shared/facts/numbers.ts';
import { CURRENCY_NAMES, OTHER_WORDS } from '#shared/facts/numbers-currency-words.ts';

const require = createRequire(import.meta.url);
const { currencies } = require('countries-list/currencies') as {
  currencies: Record<string, { name: string; withdrawn?: boolean }>;
};
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('.', '').toLowerCase();

describe('currency names', () => {
  it("are countries-list's names of each country's own currency and of the withdrawn ones", () => {
    const codes = new Set<string>(
      Object.values(countries).flatMap((country) => country.currency.slice(0, 1)),
    );
    const taken = new Set([...codes].map((code) => fold(currencies[code]?.name ?? '')));
    for (const [code, currency] of Object.entries(currencies)) {
      if (currency.withdrawn && !currency.name.includes('(') && !taken.has(fold(currency.name)))
        codes.add(code);
    }
    const names = [...codes].sort().map((code) => `${code} ${fold(currencies[code]?.name ?? '')}`);

    expect(CURRENCY_NAMES.split(', ')).toEqual(names);
  });

  it("leave out, alone, the words compromise's lexicon knows as other words", () => {
    const lexicon = (
      nlp as unknown as { world: () => { model: { one: { lexicon: Record<string, string> } } } }
    ).world().model.one.lexicon;
    const words = new Set(CURRENCY_NAMES.split(', ').map((entry) => entry.slice(entry.lastIndexOf(' ') + 1)));
    const other = [...words].filter((word) => {
      const tags = [lexicon[word], lexicon[`${word}s`]];
      return tags.some((tag) => tag !== undefined) && !tags.includes('Currency');
    });

    expect([...OTHER_WORDS].sort()).toEqual(other.sort());
  });
});

const money = (text: string) => findNumbers(text).filter((fact) => fact.kind === 'money');

describe('findNumbers on currencies written as words', () => {
  it.each([
    ['The bank lent 40 million zlotys to the town.', '40 million zlotys', 40e6, 'PLN'],
    ['A ticket costs 900 forints.', '900 forints', 900, 'HUF'],
    ['It sold for 500 Swiss francs.', '500 Swiss francs', 500, 'CHF'],
    ['He paid 20 South African rand for it.', '20 South African rand', 20, 'ZAR'],
    ['They raised 3 million Canadian dollars.', '3 million Canadian dollars', 3e6, 'CAD'],
    ['a bill of 80 Egyptian pounds', '80 Egyptian pounds', 80, 'EGP'],
    ['She sent 12,000 Kenyan shillings home.', '12,000 Kenyan shillings', 12000, 'KES'],
    ['The loan was 7 billion yen.', '7 billion yen', 7e9, 'JPY'],
    ['Wages rose to 60 roubles in the Russian town.', '60 roubles', 60, 'RUB'],
    ['The Indian firm paid 150 rupees a share.', '150 rupees', 150, 'INR'],
    ['They owed 400 sterling.', '400 sterling', 400, 'GBP'],
    ['The Swedish group paid 9 billion kronor.', '9 billion kronor', 9e9, 'SEK'],
  ])('reads %j as money in its code', (text, expectedText, value, unit) => {
    expect(money(text)).toMatchObject([{ text: expectedText, value, unit }]);
  });

  it.each([
    ['The group earned 6.70 guilders a share.', '6.70 guilders', 6.7],
    ['Bread cost 4 French francs then.', '4 French francs', 4],
    ['The fee is 30 pesos in most towns.', '30 pesos', 30],
  ])('reads %j as money whose code the text does not give', (text, expectedText, value) => {
    const [fact] = money(text);

    expect(fact).toMatchObject({ text: expectedText, value });
    expect(fact?.unit).toBeUndefined();
  });

  it.each([['She scored 3 marks out of 10.'], ['The boat weighs 900 pounds.'], ['They won 3 real games.']])(
    'reads no money from a word English uses otherwise in %j',
    (text) => {
      expect(money(text)).toEqual([]);
    },
  );

  it("reads no currency across a line break, in a table's next row", () => {
    expect(money('Reserves  4.10\n\nCanadian dollar  512.30')).toEqual([]);
  });

  it('still reads "dollars" alone as US dollars', () => {
    expect(money('It cost 40 dollars.')).toMatchObject([{ text: '40 dollars', unit: 'USD' }]);
  });
});
