import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';
import { dateOrderOf } from '#shared/facts/dates/numeric.ts';

const read = (text: string, options: { locale?: string; url?: string } = {}) =>
  findDates(text, { publishedAt: '2023-06-19', ...options }).map((date) => [date.text, date.value]);

describe('numeric dates', () => {
  it.each([
    ['Filed on 11/06/2023.', { locale: 'en-GB' }, '11/06/2023', '2023-06-11'],
    ['Filed on 11/06/2023.', { locale: 'en-US' }, '11/06/2023', '2023-11-06'],
    ['Filed on 11/06/2023.', { locale: 'en_AU' }, '11/06/2023', '2023-06-11'],
    ['Filed on 11/06/2023.', { url: 'https://www.bbc.co.uk/news/1' }, '11/06/2023', '2023-06-11'],
    ['Filed on 11/06/2023.', { url: 'https://www.whitehouse.gov/x' }, '11/06/2023', '2023-11-06'],
    ['Filed on 11.06.2023.', { locale: 'de' }, '11.06.2023', '2023-06-11'],
    ['Filed on 11/06/23.', { locale: 'en-GB' }, '11/06/23', '2023-06-11'],
    ['Filed on 25/12/2023.', {}, '25/12/2023', '2023-12-25'],
    ['Filed on 12/25/2023.', {}, '12/25/2023', '2023-12-25'],
    ['Filed on 2023/06/11.', {}, '2023/06/11', '2023-06-11'],
    ['Filed on 6/6/2023.', {}, '6/6/2023', '2023-06-06'],
  ])('reads %j with %j: %s -> %s', (text, options, expectedText, value) => {
    expect(read(text, options)).toEqual([[expectedText, value]]);
  });

  it('keeps an ambiguous date without a value when nothing tells the order', () => {
    const dates = findDates('Filed on 11/06/2023.', { url: 'https://example.com/a' });

    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ text: '11/06/2023', kind: 'absolute' });
    expect(dates[0]).not.toHaveProperty('value');
  });

  it('takes the order from a date in the same text that reads only one way', () => {
    expect(read('Filed on 25/12/2022, heard on 11/06/2023.')).toEqual([
      ['25/12/2022', '2022-12-25'],
      ['11/06/2023', '2023-06-11'],
    ]);
  });

  it.each([
    ['Half of them, 1/2, agreed.'],
    ['Version 1.2.3 shipped.'],
    ['Code 11/06/20231 is wrong.'],
    ['It was 45/67/2023.'],
  ])('reads no date in %j', (text) => {
    expect(read(text, { locale: 'en-GB' })).toEqual([]);
  });

  it.each([
    ['en-US', undefined, 'MDY'],
    ['en-GB', undefined, 'DMY'],
    ['en-CA', 'https://example.co.uk/', undefined],
    ['fr', undefined, 'DMY'],
    ['en', 'https://www.smh.com.au/a', 'DMY'],
    ['en', 'https://example.com/a', undefined],
    [undefined, 'not a url', undefined],
    ['en', 'https://example.io/a', undefined],
    ['en', 'https://www.example.jp/a', undefined],
    ['en-US', 'https://www.example.co.uk/a', undefined],
    ['en-GB', 'https://www.example.co.uk/a', 'DMY'],
  ])('orders %s at %s as %s', (locale, url, order) => {
    expect(dateOrderOf(locale, url)).toBe(order);
  });

  it.each([
    ['GB', undefined, 'DMY'],
    ['US', 'https://example.com/a', 'MDY'],
    ['US', 'https://www.example.com.au/a', undefined],
    ['CA', undefined, undefined],
  ])('orders the detected "en" with the declared region %s at %s as %s', (region, url, order) => {
    expect(dateOrderOf('en', url, region)).toBe(order);
  });
});
