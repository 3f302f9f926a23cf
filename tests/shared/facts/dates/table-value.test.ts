import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

const valuesOf = (text: string) =>
  findDates(text, { publishedAt: '2025-12-02' }).map((date) => date.value ?? null);

describe('a table’s value beside its label', () => {
  it.each([
    ['Per Serving\n\nCalories 2850 Calories from Fat 1520\n\n% Daily Value*\n\nTotal Fat 170g262%'],
    ['Nutrition per portion\nCalories 2100\nTotal Fat 64g\nSodium 1900mg 79%'],
    ['Energy\n\n1950\n\nTotal Fat\n\n16g\n\n24%'],
    ['Protein 45g\nPotassium 1875\nFibre 12g'],
  ])('is no year in %j', (text) => {
    expect(valuesOf(text)).toEqual([]);
  });

  it.each([
    ['Released 2019\nWeight 180g\nBattery 4000mAh', ['2019']],
    ['Founded 1998\nFat 16g', ['1998']],
    ['The cafe opened in 2015\nCoffee 250g', ['2015']],
    ['Windows 8\nWindows Server 2019\nWindows Server 2016', ['2019', '2016']],
    ['Calories 2100 Calories from Fat 1782', ['2100', '1782']],
    ['Harvest Festival 2024\n\nThe village fete returns with a cake stall and a tug of war.', ['2024']],
    ['Sugar 40g\n\nThe recipe was first printed in a church cookbook in 1962.', ['1962']],
  ])('leaves the year in %j', (text, values) => {
    expect(valuesOf(text)).toEqual(values);
  });
});
