import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readHtmlMetadata } from '#shared/clean/html-metadata.ts';
import { readingTime } from '#shared/clean/reading-time.ts';

/** The metadata of a page with `head` in its <head> and `body` in its <body>. */
function metadataOf(head: string, body = '<article><p>Text.</p></article>') {
  const { document } = parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return readHtmlMetadata(document as never);
}

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const meta = (key: string, value: string) =>
  key.includes(':') && !key.startsWith('twitter:')
    ? `<meta property="${key}" content="${value}">`
    : `<meta name="${key}" content="${value}">`;

describe('byline', () => {
  it('prefers article:author to JSON-LD, a byline element and meta[name=author]', () => {
    const page = metadataOf(
      meta('article:author', 'Ada Example') +
        meta('author', 'Site Owner') +
        jsonLd({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Ben Example' } }),
      '<p class="byline">By Cy Example</p><article><p>Text.</p></article>',
    );

    expect(page.byline).toBe('Ada Example');
  });

  it('takes the JSON-LD author, following an @id reference, before a byline element', () => {
    const page = metadataOf(
      jsonLd({
        '@graph': [
          { '@type': 'NewsArticle', author: { '@id': '#ben' } },
          { '@id': '#ben', '@type': 'Person', name: 'Ben Example' },
        ],
      }),
      '<p class="byline">By Cy Example</p>',
    );

    expect(page.byline).toBe('Ben Example');
  });

  it('takes a byline element before meta[name=author], with "By " stripped', () => {
    const page = metadataOf(meta('author', 'Site Owner'), '<div class="byline">By Cy Example</div>');

    expect(page.byline).toBe('Cy Example');
  });

  it('strips "Written by", labels, a date after the name and a handle', () => {
    expect(metadataOf('', '<span class="byline">Written by Dee Example</span>').byline).toBe('Dee Example');
    expect(metadataOf('', '<span class="author">Author: Dee Example</span>').byline).toBe('Dee Example');
    expect(metadataOf('', '<span class="byline">Posted on June 3, 2020 by Dee Example</span>').byline).toBe(
      'Dee Example',
    );
    expect(metadataOf('', '<span class="byline">Dee Example | 03.06.2020</span>').byline).toBe('Dee Example');
    expect(metadataOf('', '<span class="byline">Dee Example @deeexample</span>').byline).toBe('Dee Example');
  });

  it('never takes a publisher, a wire or the site for the byline', () => {
    const site = meta('og:site_name', 'The Coastal Courier');

    expect(metadataOf(meta('author', 'Reuters')).byline).toBeUndefined();
    expect(metadataOf(meta('author', 'Condé Nast')).byline).toBeUndefined();
    expect(metadataOf(site + meta('author', 'The Coastal Courier')).byline).toBeUndefined();
    expect(metadataOf(site + meta('author', 'Courier')).byline).toBeUndefined();
    expect(
      metadataOf(jsonLd({ '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Acme Media' } }))
        .byline,
    ).toBeUndefined();
  });

  it('never takes a company or a site written another way for the byline', () => {
    expect(metadataOf(meta('author', 'Harbour Energy AG')).byline).toBeUndefined();
    expect(metadataOf(meta('author', 'Coastal Media')).byline).toBeUndefined();
    expect(metadataOf(meta('author', 'Example Group Inc.')).byline).toBeUndefined();
    expect(metadataOf(meta('author', 'Bund der Beispiele e.V.')).byline).toBeUndefined();
    expect(
      metadataOf(
        '<link rel="canonical" href="https://coastal-courier.example/a">' + meta('author', 'Coastal Courier'),
      ).byline,
    ).toBeUndefined();
  });

  it('never takes a desk or a role for the byline, and passes on to the next candidate', () => {
    expect(metadataOf(meta('author', 'Editorial')).byline).toBeUndefined();
    expect(metadataOf(meta('author', 'Staff Writer')).byline).toBeUndefined();
    expect(metadataOf(meta('author', 'Redaktion')).byline).toBeUndefined();
    expect(metadataOf(meta('author', 'Redaktion courier.example')).byline).toBeUndefined();
    expect(metadataOf(meta('article:author', 'Editorial Team') + meta('author', 'Eve Example')).byline).toBe(
      'Eve Example',
    );
  });

  it('ignores author names in comments and related-article lists', () => {
    const page = metadataOf(
      '',
      '<article><p>Text.</p></article><div class="comments"><span class="author">Fay Commenter</span></div>',
    );

    expect(page.byline).toBeUndefined();
  });

  it('cuts roles, credits and dates after a pipe or slash, and a glued "By" or timestamp', () => {
    const byline = (text: string) => metadataOf('', `<span class="byline">${text}</span>`).byline;

    expect(byline('Mayer Rus | Photography by Scott Frances')).toBe('Mayer Rus');
    expect(byline('Ada Example / Staff Writer')).toBe('Ada Example');
    expect(byline('ByAda Example | January 14, 2015')).toBe('Ada Example');
    expect(byline('Ada Example2010-01-01 09:32:17 UTC')).toBe('Ada Example');
  });

  it('leaves out the outlet named after the writers', () => {
    expect(metadataOf(meta('author', 'Ada Example and Ben Example, CNN')).byline).toBe(
      'Ada Example and Ben Example',
    );
  });

  it('refuses a date, a script, a link or a role where a name should be', () => {
    const byline = (text: string) => metadataOf('', `<span class="byline">${text}</span>`).byline;

    expect(byline('December 29, 2014 | 10:32am')).toBeUndefined();
    expect(byline("googletag.cmd.push(function() { googletag.display('ad'); })")).toBeUndefined();
    expect(byline('See All Articles')).toBeUndefined();
    expect(byline('National Desk')).toBeUndefined();
    expect(byline('Courier Contributor')).toBeUndefined();
    expect(byline('Subscribe to RSS')).toBeUndefined();
    expect(byline('Submitted on Mon')).toBeUndefined();
    expect(byline('Name(required) Email(required) Comment(required)')).toBeUndefined();
    expect(byline('AUTHOR')).toBeUndefined();
    expect(byline('Bio')).toBeUndefined();
    expect(byline('Sports Editor')).toBeUndefined();
    expect(byline('Courier Staff')).toBeUndefined();
    expect(byline('Courier Wire')).toBeUndefined();
  });

  it('refuses a URL or a handle as a byline', () => {
    expect(metadataOf(meta('author', 'https://social.example/ada')).byline).toBeUndefined();
    expect(metadataOf(meta('author', '@ada')).byline).toBeUndefined();
  });
});

describe('title', () => {
  it('drops the site name glued after a separator', () => {
    const page = metadataOf(
      meta('og:site_name', 'The Courier') + '<title>Ferry service ends | The Courier</title>',
    );

    expect(page.title).toBe('Ferry service ends');
  });

  it('drops a section glued on either end', () => {
    expect(metadataOf(meta('og:title', 'Senate passes the budget - Politics')).title).toBe(
      'Senate passes the budget',
    );
    expect(metadataOf(meta('og:title', 'World News | Senate passes the budget')).title).toBe(
      'Senate passes the budget',
    );
    expect(
      metadataOf(
        meta('article:section', 'Harbour Life') + meta('og:title', 'Ferry service ends – Harbour Life'),
      ).title,
    ).toBe('Ferry service ends');
  });

  it('drops the site name and the section together', () => {
    const page = metadataOf(
      meta('og:site_name', 'The Courier') +
        meta('og:title', 'Senate passes the budget - Politics - The Courier'),
    );

    expect(page.title).toBe('Senate passes the budget');
  });

  it('keeps a separator that belongs to the headline', () => {
    const page = metadataOf(meta('og:title', 'Ferries: why the service ended'));

    expect(page.title).toBe('Ferries: why the service ended');
  });

  it("takes the page's <h1> when it says the same as the meta title with something glued on", () => {
    const page = metadataOf(
      meta('og:title', 'Leasing oder Finanzierung – was lohnt sich mehr? Ratgeber Auto'),
      '<header><nav><h1>Autoportal</h1></nav></header><h1>Leasing oder Finanzierung – was lohnt sich mehr?</h1>',
    );

    expect(page.title).toBe('Leasing oder Finanzierung – was lohnt sich mehr?');
  });

  it('keeps the meta title when the <h1> runs on into a button or a standfirst', () => {
    const page = metadataOf(
      meta('og:title', 'Oil prices and interest rates: what to watch'),
      '<h1>Oil prices and interest rates: what to watch Add to reading list</h1>',
    );

    expect(page.title).toBe('Oil prices and interest rates: what to watch');
  });
});

describe('image, section, tags and modifiedAt', () => {
  it('reads og:image, resolved against the canonical URL', () => {
    const page = metadataOf(
      '<link rel="canonical" href="https://courier.example/news/ferry">' + meta('og:image', '/img/ferry.jpg'),
    );

    expect(page.image).toBe('https://courier.example/img/ferry.jpg');
  });

  it('reads the JSON-LD image when there is no og:image, and refuses a non-http one', () => {
    expect(
      metadataOf(
        jsonLd({ '@type': 'NewsArticle', image: { '@type': 'ImageObject', url: 'https://i.example/a.jpg' } }),
      ).image,
    ).toBe('https://i.example/a.jpg');
    expect(metadataOf(meta('og:image', 'javascript:alert(1)')).image).toBeUndefined();
  });

  it('reads the section from article:section or JSON-LD articleSection', () => {
    expect(metadataOf(meta('article:section', ' Politics ')).section).toBe('Politics');
    expect(metadataOf(jsonLd({ '@type': 'NewsArticle', articleSection: 'Business' })).section).toBe(
      'Business',
    );
  });

  it('reads tags from article:tag, else keywords, without duplicates', () => {
    expect(metadataOf(meta('article:tag', 'Ferries') + meta('article:tag', 'Transport')).tags).toEqual([
      'Ferries',
      'Transport',
    ]);
    expect(metadataOf(meta('keywords', 'ferries, transport,Ferries ; harbour')).tags).toEqual([
      'ferries',
      'transport',
      'harbour',
    ]);
    expect(metadataOf(jsonLd({ '@type': 'NewsArticle', keywords: ['a', 'b'] })).tags).toEqual(['a', 'b']);
  });

  it('keeps at most 20 tags of at most 60 characters', () => {
    const many = Array.from({ length: 50 }, (_, index) => `tag ${index}`).join(', ');
    const page = metadataOf(meta('keywords', `${'x'.repeat(61)}, ${many}`));

    expect(page.tags).toHaveLength(20);
    expect(page.tags?.[0]).toBe('tag 0');
  });

  it('reads modifiedAt from article:modified_time or JSON-LD dateModified, as ISO 8601', () => {
    expect(metadataOf(meta('article:modified_time', '2024-04-02T09:30:00Z')).modifiedAt).toBe(
      '2024-04-02T09:30:00Z',
    );
    expect(metadataOf(jsonLd({ '@type': 'NewsArticle', dateModified: '2024-04-03' })).modifiedAt).toBe(
      '2024-04-03',
    );
  });

  it('leaves the fields out when the page does not declare them', () => {
    const page = metadataOf('<title>Plain</title>');

    expect(page).not.toHaveProperty('image');
    expect(page).not.toHaveProperty('section');
    expect(page).not.toHaveProperty('tags');
    expect(page).not.toHaveProperty('modifiedAt');
  });
});

describe('readingTime', () => {
  it('counts words, keeping contractions, hyphenated words and numbers whole', () => {
    expect(readingTime("It's a well-known fact: 3.5 million people read it.").wordCount).toBe(9);
  });

  it('counts each Chinese or Japanese character as a word', () => {
    expect(readingTime('益阳数字是优长').wordCount).toBe(7);
  });

  it('gives the minutes at 238 words a minute, at least one', () => {
    expect(readingTime('word').readingMinutes).toBe(1);
    expect(readingTime('word '.repeat(238 * 4)).readingMinutes).toBe(4);
    expect(readingTime('word '.repeat(238 * 4 + 200)).readingMinutes).toBe(5);
  });
});

describe('entities a page escaped twice', () => {
  it('decodes them in the title, section, tags and byline', () => {
    const page = metadataOf(
      meta('og:title', 'Sean Penn &amp;#039;proposes&amp;#039;') +
        meta('article:section', 'Markets &amp;amp; Finance') +
        meta('keywords', 'Labor &amp;amp; Employment, Bonds') +
        meta('author', 'Ada O&amp;#039;Example'),
    );

    expect(page).toMatchObject({
      title: "Sean Penn 'proposes'",
      section: 'Markets & Finance',
      tags: ['Labor & Employment', 'Bonds'],
      byline: "Ada O'Example",
    });
  });
});
