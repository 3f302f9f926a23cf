import { describe, expect, it } from 'vitest';
import { isCitationPage } from '#shared/facts/dates/citation-page.ts';
import { findDates } from '#shared/facts/dates/find-dates.ts';

const valuesOf = (text: string) =>
  findDates(text, { publishedAt: '2025-12-02' }).map((date) => date.value ?? null);

describe('a page of a journal reference', () => {
  it.each([
    ['Rivera, A. Tidal mills of the north. Journal of Coastal Works. 23 (7): 1739–1752.', '1739'],
    ['Rivera, A. Tidal mills of the north. Journal of Coastal Works. 23 (7): 1739–1752.', '1752'],
    ['Okafor B. Salt marsh birds. Wetland Ecology. 2019. 31(8):1039-49.', '1039'],
    ['Okafor B. Salt marsh birds. Wetland Ecology. 2019;312:1802-1810.', '1802'],
    ['Lund C. Glacier mills. Annals of Ice Studies. 9: 1984–1991.', '1984'],
  ])('is no year in %j (%s)', (text, number) => {
    expect(isCitationPage(text, text.indexOf(number))).toBe(true);
  });

  it('keeps the year of the reference and drops its pages', () => {
    expect(valuesOf('Okafor B. Salt marsh birds. Wetland Ecology. 2019. 31(8):1039-49.')).toEqual(['2019']);
    expect(valuesOf('Rivera, A. Tidal mills. Journal of Coastal Works. 23 (7): 1739–1752.')).toEqual([]);
  });

  it.each([
    ['Part 2: 1939–1945 tells of the war years.', ['1939', '1945']],
    ['Table 3.1: 1990–1999 shows the rise.', ['1990', '1999']],
    ['The museum reopened in 1998 (its second home): 2004 saw it close again.', ['1998', '2004']],
  ])('keeps the years of %j', (text, values) => {
    expect(valuesOf(text)).toEqual(values);
  });
});
