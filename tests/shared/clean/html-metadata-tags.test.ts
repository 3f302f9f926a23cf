import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readHtmlMetadata } from '#shared/clean/html-metadata.ts';
import { splitTags, withoutCodeTags } from '#shared/clean/html-metadata-tags.ts';

/** Tags that are codes or staff names, seen on real pages (session 23), on pages of our own. */
function tagsOf(keywords: string, body = '<article><p>Text.</p></article>') {
  const head = `<title>Flood waters rise in the valley</title><meta name="keywords" content="${keywords}">`;
  const { document } = parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return readHtmlMetadata(document as never).tags;
}

describe('tags that are a site’s own codes', () => {
  it.each([
    [['type_feature', 'channel_outdoor_news', 'Rivers'], ['Rivers']],
    [['/story', 'http://about:blank', 'Rivers'], ['Rivers']],
    [['Weekday: Monday', 'Word Count: 800-999', 'Rivers'], ['Rivers']],
    [['Floods (QCODE level 3)', 'Photo Available', 'Rivers'], ['Rivers']],
  ])('drops the codes of %j', (tags, kept) => {
    expect(withoutCodeTags(tags)).toEqual(kept);
  });

  it.each([
    [['Star Trek: The Next Generation', 'Television']],
    [['Tennessee Valley Authority (TVA)', 'Dams']],
    [['2016', 'Rivers']],
  ])('keeps the real tags %j', (tags) => {
    expect(withoutCodeTags(tags)).toEqual(tags);
  });

  it('keeps a company’s legal form with its name', () => {
    expect(splitTags('Acme Rivets, Inc. (NYSE:ARV), Floods, Borsig, Ltd')).toEqual([
      'Acme Rivets, Inc. (NYSE:ARV)',
      ' Floods',
      ' Borsig, Ltd',
    ]);
  });

  it('splits a list at commas outside brackets only', () => {
    expect(splitTags('Weather, Prices (Fares, Fees and Rates); Floods')).toEqual([
      'Weather',
      ' Prices (Fares, Fees and Rates)',
      ' Floods',
    ]);
  });
});

describe('staff names among the tags', () => {
  it('drops a person’s name the page never mentions', () => {
    expect(tagsOf('Valley, Rivers, Margaret Holloway, Dennis Achterberg')).toEqual(['Valley', 'Rivers']);
  });

  it.each([
    ['<article><p>Mayor Linda Okafor ordered the evacuation.</p></article>'],
    ['<article><p>Okafor ordered the evacuation.</p></article>'],
    ['<article><p>Text.</p><img src="a.jpg" alt="Linda-Okafor-at-the-dam"></article>'],
  ])('keeps a name the page mentions in %j', (body) => {
    expect(tagsOf('Rivers, Linda Okafor', body)).toEqual(['Rivers', 'Linda Okafor']);
  });

  it.each([
    ['<p class="byline">\nBy Margaret Holloway and Dennis Achterberg\n</p><article><p>Text.</p></article>'],
    ['<article><p>Text.</p><img src="a.jpg" alt="Water at the dam. AGENCY/Margaret Holloway"></article>'],
    ['<article><p>Text.</p><script>var sections = "Margaret Holloway";</script></article>'],
  ])('drops a name the page only credits, in %j', (body) => {
    expect(tagsOf('Rivers, Margaret Holloway', body)).toEqual(['Rivers']);
  });

  it('keeps a name the prose gives after "by"', () => {
    const body = '<article><p>The dam was built by Margaret Holloway in 1961.</p></article>';
    expect(tagsOf('Rivers, Margaret Holloway', body)).toEqual(['Rivers', 'Margaret Holloway']);
  });

  it('keeps topics and names that open with no first name', () => {
    expect(tagsOf('Municipal Bonds, Corporate Performance, Ngata Tahu')).toEqual([
      'Municipal Bonds',
      'Corporate Performance',
      'Ngata Tahu',
    ]);
  });
});

describe('tags as the page writes them', () => {
  it('gives a slug the page’s spelling and keeps one the page never writes', () => {
    const body = '<article><p>Crews closed the Harbour Bridge as flood waters rose.</p></article>';

    expect(tagsOf('harbour-bridge, flood-waters, tide-tables', body)).toEqual([
      'Harbour Bridge',
      'flood waters',
      'tide-tables',
    ]);
  });

  it('keeps a slug once when the page spells it as another tag', () => {
    const body = '<article><p>Mayor Ann Lee spoke.</p></article>';

    expect(tagsOf('Ann Lee, ann-lee, Rivers', body)).toEqual(['Ann Lee', 'Rivers']);
  });

  it('drops a word in capitals that the page writes only in lower case, and "Uncategorized"', () => {
    const body = '<article><p>The floods rose, NOAA said. The Nato summit met.</p></article>';

    expect(tagsOf('FLOODS, NOAA, NATO, Uncategorized, Rivers', body)).toEqual(['NOAA', 'NATO', 'Rivers']);
  });
});
