import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readHtmlMetadata } from '#shared/clean/html-metadata.ts';
import { isSiteAsset } from '#shared/clean/html-metadata-image.ts';

/** Site icons and logos taken as the article's picture on real pages (session 23); the addresses are ours. */
describe('isSiteAsset', () => {
  it.each([
    ['https://example.org/favicon.ico'],
    ['https://cdn.example.net/site/img/apple-touch-icon@2.png?v=3'],
    ['https://example.org/favicons/brand@2x.ico'],
    ['https://example.org/images/Logo_fr.gif'],
    ['https://example.org/img/logo-opengraph.png'],
    ['https://cdn.example.net/s1600/riverbanklogo_color_200x200.png'],
    ['https://example.org/wp-content/themes/riverbank/img/facebook.jpg'],
    ['https://example.org/core/files/fallback/big/1365-ABC.jpg'],
    ['https://example.org/forum/data/avatars/l/0/8.jpg'],
    ['https://example.org/shared/OG-Image.jpg?v=5'],
  ])('reads %j as the site’s own picture', (url) => {
    expect(isSiteAsset(url, 'news.riverbank.example')).toBe(true);
  });

  it.each([
    ['https://img.example.net/original/nasa-logo.jpg?13946'],
    ['https://example.org/wp-content/uploads/2014/12/flooded-mill.jpg'],
    ['https://cdn.example.net/thumbnails/0011/images/thumb.jpg'],
    ['https://example.org/photo/crossroads-logo-2jpg-8c9104254abaa249.jpg'],
  ])('keeps %j as the article’s picture', (url) => {
    expect(isSiteAsset(url, 'news.riverbank.example')).toBe(false);
  });
});

describe('the article’s image', () => {
  const imageOf = (head: string) =>
    readHtmlMetadata(
      parseHTML(`<!doctype html><html><head>${head}</head><body><p>Text.</p></body></html>`)
        .document as never,
    ).image;

  it('passes over a site logo to the next picture the page gives', () => {
    const head =
      '<meta property="og:image" content="https://example.org/img/logo-opengraph.png">' +
      '<meta name="twitter:image" content="https://example.org/uploads/flooded-mill.jpg">';
    expect(imageOf(head)).toBe('https://example.org/uploads/flooded-mill.jpg');
  });

  it('gives no image when every picture is the site’s', () => {
    expect(imageOf('<meta property="og:image" content="https://example.org/favicon.ico">')).toBeUndefined();
  });
});
