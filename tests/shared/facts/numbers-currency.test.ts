import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readHtmlMetadata } from '#shared/clean/html-metadata.ts';
import { findNumbers } from '#shared/facts/numbers.ts';
import { pageMoneyOf } from '#shared/facts/numbers-currency.ts';
import { processArticle } from '#shared/process-article.ts';

/** What "$" and "cents" are on a page from Canada, Australia, Ireland… (session 23); the sentences are ours. */
describe('pageMoneyOf', () => {
  it.each([
    ['CA', undefined, 'CAD', 'CAD'],
    [undefined, 'https://www.example.com.au/story', 'AUD', 'AUD'],
    [undefined, 'https://news.example.nz/a', 'NZD', 'NZD'],
    [undefined, 'http://web.archive.org/web/2015/http://www.example.ca/a.html', 'CAD', 'CAD'],
    [undefined, 'https://www.example.ie/a', 'USD', 'EUR'],
    ['GB', 'https://www.example.ca/a', 'USD', 'USD'],
    [undefined, 'https://www.example.com/a', 'USD', 'USD'],
    [undefined, undefined, 'USD', 'USD'],
  ])('region %s at %s: "$" is %s, cents are %s', (region, url, dollar, cents) => {
    expect(pageMoneyOf(region, url)).toEqual({ dollar, cents });
  });
});

describe('findNumbers with the page’s money', () => {
  const canadian = { money: pageMoneyOf('CA', undefined) };

  it('reads a bare "$" and cents as the page’s dollar', () => {
    expect(
      findNumbers('The city will spend $40 million, and bus fares rise 25 cents.', canadian),
    ).toMatchObject([
      { text: '$40 million', unit: 'CAD' },
      { text: '25 cents', unit: 'CAD' },
    ]);
  });

  it.each([
    ['The province owes $12-billion (U.S.) to lenders.', '$12-billion'],
    ['The loonie closed at 74 cents US on Friday.', '74 cents'],
    ['Gold fetched US$1,900 an ounce.', 'US$1,900'],
  ])('keeps an amount the writer marks as US dollars in %j', (text, expectedText) => {
    expect(findNumbers(text, canadian)).toMatchObject([{ text: expectedText, unit: 'USD' }]);
  });

  it('gives both ends of a range the page’s dollar', () => {
    expect(findNumbers('Tickets cost $15 to $40 each.', canadian).map((fact) => fact.unit)).toEqual([
      'CAD',
      'CAD',
    ]);
  });

  it('reads cents in the dollar of the amount before them in the sentence', () => {
    expect(findNumbers('The shares closed at A$12.40, up 35 cents. Rivals lost 20 cents.')).toMatchObject([
      { text: 'A$12.40', unit: 'AUD' },
      { text: '35 cents', unit: 'AUD' },
      { text: '20 cents', unit: 'USD' },
    ]);
  });

  it('keeps "$" as US dollars on a page that names no dollar country', () => {
    expect(findNumbers('The firm paid $5 million.', { money: pageMoneyOf('GB', undefined) })).toMatchObject([
      { unit: 'USD' },
    ]);
  });
});

describe('the page’s region', () => {
  const metadataOf = (html: string) => readHtmlMetadata(parseHTML(html).document as never);

  it.each([
    ['<html lang="en-ca"><head></head><body></body></html>', 'CA'],
    [
      '<html lang="en"><head><meta http-equiv="Content-Language" content="en-AU"></head><body></body></html>',
      'AU',
    ],
    ['<html><head><meta property="og:locale" content="en_US"></head><body></body></html>', undefined],
    ['<html lang="en"><head></head><body></body></html>', undefined],
  ])('is read from the declared language of %j', (html, region) => {
    expect(metadataOf(html).region).toBe(region);
  });

  it('decides the dollar of a page’s facts and stays out of its Result', () => {
    const html =
      '<html lang="en-CA"><head><title>Transit plan</title></head><body><article><h1>Transit plan</h1>' +
      '<p>The city council approved $40 million for new buses on Tuesday, and bus fares will rise by 25 cents in ' +
      'the spring, officials said after a long debate.</p></article></body></html>';
    const bytes = new TextEncoder().encode(html);
    const result = processArticle(
      { id: 'ca', bytes, source: { contentType: 'text/html', bytes: bytes.byteLength } },
      { now: () => new Date('2026-12-01T00:00:00Z') },
    );
    expect(result.facts.numbers.map((fact) => fact.unit)).toEqual(['CAD', 'CAD']);
    expect(result).not.toHaveProperty('region');
  });
});
