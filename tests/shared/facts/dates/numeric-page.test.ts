import { describe, expect, it } from 'vitest';
import { processArticle } from '#shared/process-article.ts';

/** The numeric dates a reader sees in the Result of an invented page, as [text, value]. */
function datesOf(bytesText: string, contentType: string, extra: { url?: string; language?: string } = {}) {
  const bytes = new TextEncoder().encode(bytesText);
  const result = processArticle(
    { id: 'page', bytes, source: { contentType, bytes: bytes.byteLength }, ...extra },
    { now: () => new Date('2026-12-01T00:00:00Z') },
  );
  return result.facts.dates
    .filter((date) => /\d\//u.test(date.text))
    .map((date) => [date.text, date.value ?? null]);
}

const BODY =
  'The county council met in the old town hall to settle the budget for the coming year. Members voted on ' +
  '11/06/2023 to keep the library open on weekends, and the mayor signed the order on 03/07/2023 after a long ' +
  'debate about the cost of heating the building through the winter months.';

const page = (lang: string | undefined, head = '') =>
  `<html${lang === undefined ? '' : ` lang="${lang}"`}><head><title>Library stays open</title>${head}</head>` +
  `<body><article><h1>Library stays open</h1><p>${BODY}</p></article></body></html>`;

/** One date that reads only one way settles the order of the others in its text. */
const SETTLED = BODY.replace('03/07/2023', '25/06/2023');

describe('the page’s region orders its numeric dates through processArticle', () => {
  it('reads day first on a page declared en-GB', () => {
    expect(datesOf(page('en-GB'), 'text/html')).toEqual([
      ['11/06/2023', '2023-06-11'],
      ['03/07/2023', '2023-07-03'],
    ]);
  });

  it('reads month first on a page declared en-US', () => {
    expect(datesOf(page('en-US'), 'text/html')).toEqual([
      ['11/06/2023', '2023-11-06'],
      ['03/07/2023', '2023-03-07'],
    ]);
  });

  it('reads day first from a Content-Language meta element, a .co.uk or a .com.au address', () => {
    const meta = '<meta http-equiv="Content-Language" content="en-AU">';
    expect(datesOf(page('en', meta), 'text/html')[0]).toEqual(['11/06/2023', '2023-06-11']);
    expect(datesOf(page('en'), 'text/html', { url: 'https://www.example.co.uk/news/1' })[0]).toEqual([
      '11/06/2023',
      '2023-06-11',
    ]);
    expect(datesOf(page(undefined), 'text/html', { url: 'https://news.example.com.au/a' })[0]).toEqual([
      '11/06/2023',
      '2023-06-11',
    ]);
  });

  it('reads the language of a JSON article and the one the sender declares', () => {
    const json = JSON.stringify({ title: 'Library stays open', text: BODY, language: 'en-US' });
    expect(datesOf(json, 'application/json')[0]).toEqual(['11/06/2023', '2023-11-06']);
    expect(datesOf(BODY, 'text/plain', { language: 'en-GB' })[0]).toEqual(['11/06/2023', '2023-06-11']);
  });

  it('gives an ambiguous date no value when nothing tells the order, and reads one that reads one way', () => {
    expect(datesOf(page('en'), 'text/html', { url: 'https://example.com/a' })).toEqual([
      ['11/06/2023', null],
      ['03/07/2023', null],
    ]);
    expect(datesOf(page(undefined).replace(BODY, SETTLED), 'text/html')).toEqual([
      ['11/06/2023', '2023-06-11'],
      ['25/06/2023', '2023-06-25'],
    ]);
  });

  it('gives none when a declared en-US and a .co.uk address disagree', () => {
    expect(datesOf(page('en-US'), 'text/html', { url: 'https://www.example.co.uk/a' })[0]).toEqual([
      '11/06/2023',
      null,
    ]);
  });
});
