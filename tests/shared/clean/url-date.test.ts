import { describe, expect, it } from 'vitest';
import { archivedUrl, urlDate } from '#shared/clean/url-date.ts';

describe('urlDate', () => {
  it.each([
    ['https://www.cnn.com/2015/04/08/us/nasa-scientist-alien-life/', '2015-04-08'],
    ['https://www.theguardian.com/world/2015/apr/8/some-story', '2015-04-08'],
    ['https://news.example/politics/2015-04-03/council-vote', '2015-04-03'],
    ['https://news.example/politics/2015-04-03-council-vote.html', '2015-04-03'],
    ['https://news.example/archive/20150403/council-vote', '2015-04-03'],
    ['http://in.reuters.com/article/2014/12/30/india-sensex-idINKBN0K80A020141230', '2014-12-30'],
    // a Wayback Machine address is read through to the page it archived; its capture time is no date of it
    ['http://web.archive.org/web/20150722034343id_/http://www.cnn.com/2015/04/08/us/story/', '2015-04-08'],
  ])('dates %s as %s', (url, date) => {
    expect(urlDate(url)).toBe(date);
  });

  it.each([
    // the capture time of an archived page that carries no date of its own
    [
      'http://web.archive.org/web/20150724173558id_/http://www.dailymail.co.uk/femail/article-3042680/Story.html',
    ],
    // an article id, a month alone, an impossible day, a date in the host or the query, two different days
    ['https://abc13.com/us-secretary-of-state-antony-blinken-meeting/13401232/'],
    ['https://blog.example/2015/04/'],
    ['https://news.example/2015/02/30/story'],
    ['https://news.example/story?date=2015-04-03'],
    ['https://2015-04-03.example/story'],
    ['https://news.example/2015/04/03/story/2016/01/01/'],
    ['https://news.example/items/20154403/'],
    ['not a url 2015/04/03/'],
  ])('gives no date for %s', (url) => {
    expect(urlDate(url)).toBeUndefined();
  });
});

describe('archivedUrl', () => {
  it('reads the archived address out of a Wayback Machine address', () => {
    expect(archivedUrl('https://web.archive.org/web/20150403223948id_/http://www.example.com/a/b')).toBe(
      'http://www.example.com/a/b',
    );
  });

  it('leaves any other address as it is', () => {
    expect(archivedUrl('https://www.example.com/a/b')).toBe('https://www.example.com/a/b');
  });
});
