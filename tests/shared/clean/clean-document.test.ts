import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cleanDocument, type RawDocument } from '#shared/clean/clean-document.ts';
import { InputError } from '#shared/errors.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);
const SEED_URL =
  'https://abc13.com/us-secretary-of-state-antony-blinken-chinese-president-xi-jinping-department-beijing-meeting/13401232/';

function errorCodeOf(raw: RawDocument): string | undefined {
  try {
    cleanDocument(raw);
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error.code;
    throw error;
  }
}

describe('cleanDocument on the seed article', () => {
  const seed = fixture('seed-article.txt');
  const expected = fixture('clean/seed-article.expected.txt').toString('utf8').trimEnd();

  it('returns exactly the expected cleaned text when given the seed', () => {
    const document = cleanDocument({ bytes: seed, fileName: 'incoming/seed.txt' });

    expect(document.text).toBe(expected);
  });

  it('takes the title, source URL, dateline and language from the seed', () => {
    const document = cleanDocument({ bytes: seed, fileName: 'incoming/seed.txt' });

    expect(document.title).toBe(
      'US Secretary of State Antony Blinken meets with Chinese President Xi Jinping in Beijing',
    );
    expect(document.sourceUrl).toBe(SEED_URL);
    expect(document.dateline).toBe('Beijing');
    expect(document.language).toBe('en');
  });

  it('records every removal of the seed with its rule', () => {
    const document = cleanDocument({ bytes: seed, fileName: 'incoming/seed.txt' });

    expect(document.removed).toEqual([
      { rule: 'ad-shortcode', text: '[ad_2]' },
      { rule: 'bare-url', text: SEED_URL },
      {
        rule: 'photo-caption',
        text: 'US Secretary of State Antony Blinken shakes hands with Chinese President Xi Jinping at the Great Hall of the People in Beijing, China, on Monday, June 19, 2023.',
      },
      { rule: 'photo-credit', text: 'Leah Mellis/Pool’s photo via AP' },
      { rule: 'related-tail', text: 'Related posts' },
    ]);
  });

  it('dates the seed from its removed caption when no metadata date exists', () => {
    const document = cleanDocument({ bytes: seed, fileName: 'incoming/seed.txt' });

    expect(document.publishedAt).toBe('2023-06-19');
    expect(document.publishedAtSource).toBe('caption');
  });

  it('never lets the caption or the credit reach the text', () => {
    const document = cleanDocument({ bytes: seed });

    expect(document.text).not.toContain('shakes hands');
    expect(document.text).not.toContain('photo via AP');
    expect(document.text).not.toContain('[ad_2]');
    expect(document.text).not.toContain('Related posts');
  });

  it('prefers the caller-known URL over a URL found in the text', () => {
    const document = cleanDocument({ bytes: seed, url: 'https://example.com/known' });

    expect(document.sourceUrl).toBe('https://example.com/known');
  });
});

describe('cleanDocument formats', () => {
  it('extracts the article and its metadata from an HTML page', () => {
    const document = cleanDocument({ bytes: fixture('clean/article.html'), contentType: 'text/html' });

    expect(document.title).toBe('Harbour bridge reopens after repairs');
    expect(document.byline).toBe('Jane Example');
    expect(document.publishedAt).toBe('2024-03-05T09:30:00+00:00');
    expect(document.publishedAtSource).toBe('metadata');
    expect(document.sourceUrl).toBe('https://courier.example/news/harbour-bridge-reopens');
    expect(document.siteName).toBe('The Coastal Courier');
    expect(document.language).toBe('en');
    expect(document.dateline).toBe('PORTSVILLE');
    expect(document.text.startsWith('PORTSVILLE – The harbour bridge reopened')).toBe(true);
    expect(document.text).toContain('permanent weekend crossing.');
  });

  it.each([
    'Cyclists cross the reopened bridge',
    'Share on Facebook',
    'Council approves harbour budget',
    'Great news, finally',
    'cookies',
    'All rights reserved',
    'By Jane Example',
  ])('keeps %j out of the text of the HTML page', (boilerplate) => {
    const document = cleanDocument({ bytes: fixture('clean/article.html'), fileName: 'page.html' });

    expect(document.text).not.toContain(boilerplate);
  });

  it('removes paragraphs that are only a link to another story', () => {
    const html = `<html><body><article><p>${'The harbour bridge reopened to traffic on Tuesday after eight months of repairs. '.repeat(3)}</p>
      <p><a href="/other">Council approves harbour budget for next year</a></p>
      <p>${'Engineers replaced the corroded cables and resurfaced the deck of the bridge. '.repeat(3)}</p></article></body></html>`;

    const document = cleanDocument({ bytes: utf8(html), contentType: 'text/html' });

    expect(document.text).not.toContain('Council approves');
    expect(document.removed).toContainEqual({
      rule: 'link-block',
      text: 'Council approves harbour budget for next year',
    });
  });

  it('takes a caption and its credit set inline in a paragraph out of the running text', () => {
    const html = `<html><body><article><p><span class="image-container"><img src="jet.jpg"><span class="source">Jane Example/REUTERS</span><span class="caption">A jet fighter drops flares during an exercise</span></span>The ministry may review the island's air defences after the purchase.</p>
      <p>${'The delivery of the aircraft could pose a threat to the islands, officials said. '.repeat(3)}</p></article></body></html>`;

    const document = cleanDocument({ bytes: utf8(html), contentType: 'text/html' });

    expect(document.text.startsWith("The ministry may review the island's air defences")).toBe(true);
    expect(document.removed).toEqual(
      expect.arrayContaining([
        { rule: 'photo-caption', text: 'Jane Example/REUTERS' },
        { rule: 'photo-caption', text: 'A jet fighter drops flares during an exercise' },
      ]),
    );
  });

  it.each([
    [
      'is a dek repeating the page description',
      'dek',
      'Tourists carry germs to the penguins of Antarctica.',
      true,
    ],
    [
      'is a dek unlike the page description',
      'dek',
      'A quite different opening paragraph about the trip.',
      false,
    ],
    [
      'repeats the description but is the story (a lede)',
      'paragraph',
      'Tourists carry germs to the penguins of Antarctica.',
      false,
    ],
  ])(
    'marks a first paragraph that %s as the standfirst or not, and keeps it in the text',
    (_name, className, first, isStandfirst) => {
      const story = [
        'Antarctica remained largely untouched until two hundred years ago.',
        'Now more than ten thousand people travel there every year.',
        'Scientists warn that visitors could bring diseases to the penguins.',
      ];
      const html = `<html><head><meta name="description" content="Tourists carry germs to the penguins of Antarctica."></head>
      <body><article><h1>Penguins at risk</h1><p class="${className}">${first}</p>${story.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

      const document = cleanDocument({ bytes: utf8(html), contentType: 'text/html' });

      expect(document.text).toContain(first);
      expect(document.standfirst).toBe(isStandfirst ? first : undefined);
    },
  );

  it('keeps embedded posts and footnotes in the text, as asides the summary leaves out', () => {
    const story = [
      'The harbour ferry stopped for two hours on Monday after a power cut at the terminal.',
      'Passengers waited on the quay while engineers restored the supply to the ticket gates.',
      'The operator said the cause of the power cut was still being investigated on Tuesday.',
    ];
    const tweet = 'The ferry terminal has no power right now, so please be patient with us.';
    const footnote = '* Figures exclude the winter timetable.';
    const html = `<html><body><article><h1>Ferry stopped</h1><p>${story[0]}</p>
      <blockquote class="twitter-tweet"><p>${tweet}</p><p>— Harbour Ferries (@harbourferry) May 4, 2020</p></blockquote>
      <p>${story[1]}</p><p>${story[2]}</p><p>${footnote}</p></article></body></html>`;

    const document = cleanDocument({ bytes: utf8(html), contentType: 'text/html' });

    expect(document.text).toContain(tweet);
    expect(document.text).toContain(footnote);
    expect(document.asides).toEqual([tweet, '— Harbour Ferries (@harbourferry) May 4, 2020', footnote]);
    expect(document.asides?.some((aside) => aside.includes(story[1] as string))).toBe(false);
  });

  it.each([
    ['repeats', 'The mayor cuts the ribbon on the new harbour bridge.', true],
    ['does not repeat', 'The mayor at the opening', false],
  ])('keeps a paragraph that %s a picture’s alt text, an aside if it does', (_name, alt, aside) => {
    const caption = 'The mayor cuts the ribbon on the new harbour bridge.';
    const story = [
      'The new harbour bridge opened to traffic on Monday after three years of building work.',
      'Drivers queued from dawn to be among the first to cross the river on the new road.',
      'The council said the bridge would cut the journey between the two towns by twenty minutes.',
    ];
    const html = `<html><body><article><h1>Bridge opens</h1><table><tr><td><img src="b.jpg" alt="${alt}"></td></tr>
      <tr><td>${caption}</td></tr></table>${story.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

    const document = cleanDocument({ bytes: utf8(html), contentType: 'text/html' });

    expect(document.text).toContain(caption);
    expect(document.asides?.includes(caption) === true).toBe(aside);
  });

  it('reads metadata from JSON-LD when the page has no meta tags', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example' },
        {
          '@type': 'NewsArticle',
          headline: 'Ferry service ends',
          datePublished: '2024-04-02T08:00:00Z',
          author: [{ '@type': 'Person', name: 'Sam Sample' }],
          publisher: { '@type': 'Organization', name: 'The Coastal Courier' },
        },
      ],
    });
    const html = `<html><head><script type="application/ld+json">${jsonLd}</script></head><body><article><p>${'The ferry that ran during the bridge works made its last crossing on Monday evening. '.repeat(3)}</p></article></body></html>`;

    const document = cleanDocument({ bytes: utf8(html), contentType: 'text/html' });

    expect(document.title).toBe('Ferry service ends');
    expect(document.publishedAt).toBe('2024-04-02T08:00:00Z');
    expect(document.byline).toBe('Sam Sample');
    expect(document.siteName).toBe('The Coastal Courier');
  });

  it('reads page fields from a JSON export, cleaning the author as a page byline', () => {
    const json = JSON.stringify({
      title: 'Ferry service ends',
      text: 'The ferry that ran during the bridge works made its last crossing on Monday evening.',
      url: 'https://courier.example/news/ferry',
      author: 'By Sam Sample, Coastal Courier',
      siteName: 'Coastal Courier',
      modifiedAt: '2024-04-02T09:30:00Z',
      image: '/img/ferry.jpg',
      section: 'Harbour',
      keywords: 'ferries, transport, Ferries',
    });

    const document = cleanDocument({ bytes: utf8(json), fileName: 'incoming/a.json' });

    expect(document).toMatchObject({
      byline: 'Sam Sample',
      siteName: 'Coastal Courier',
      modifiedAt: '2024-04-02T09:30:00Z',
      image: 'https://courier.example/img/ferry.jpg',
      section: 'Harbour',
      tags: ['ferries', 'transport'],
      wordCount: 15,
      readingMinutes: 1,
    });
  });

  it('refuses a publisher as the author of a JSON export', () => {
    const json = JSON.stringify({
      text: 'The ferry made its last crossing on Monday evening.',
      author: 'Reuters',
    });

    expect(cleanDocument({ bytes: utf8(json), fileName: 'incoming/a.json' })).not.toHaveProperty('byline');
  });

  it('reads a JSON export with title, text, url, publishedAt and author', () => {
    const document = cleanDocument({ bytes: fixture('clean/article.json'), fileName: 'incoming/a.json' });

    expect(document.title).toBe('Rail line to close for a weekend');
    expect(document.sourceUrl).toBe('https://rail.example/news/weekend-closure');
    expect(document.publishedAt).toBe('2024-05-10');
    expect(document.byline).toBe('Chris Placeholder');
    expect(document.text).toBe(
      'The coastal rail line will close on Saturday and Sunday while engineers replace a bridge over the river.\n\n' +
        'Replacement buses will run every thirty minutes between the two stations, the operator said.',
    );
  });

  it('reads the html field of a JSON export as a page', () => {
    const json = JSON.stringify({ html: fixture('clean/article.html').toString('utf8') });
    const document = cleanDocument({ bytes: utf8(json), contentType: 'application/json' });

    expect(document.title).toBe('Harbour bridge reopens after repairs');
    expect(document.text).toContain('Engineers replaced the corroded steel cables');
  });

  it('strips Markdown syntax and keeps its words', () => {
    const document = cleanDocument({ bytes: fixture('clean/article.md'), fileName: 'notes/library.md' });

    expect(document.title).toBe('Library extends its opening hours');
    expect(document.text).toBe(
      [
        'The town library will open until nine in the evening on weekdays from next month, the council said.',
        'Why now',
        'Students asked for quiet space during exams.',
        'The new self-service machines make late shifts cheaper.',
        '“We want the library to be used,” the head librarian said.',
      ].join('\n\n'),
    );
  });

  it('sniffs HTML that arrives without a type or an extension', () => {
    const document = cleanDocument({ bytes: fixture('clean/article.html') });

    expect(document.title).toBe('Harbour bridge reopens after repairs');
  });

  it('decompresses gzip recognised by its magic bytes', () => {
    const document = cleanDocument({ bytes: gzipSync(fixture('seed-article.txt')), fileName: 'seed.txt.gz' });

    expect(document.text).toBe(fixture('clean/seed-article.expected.txt').toString('utf8').trimEnd());
  });

  it('refuses a gzip bomb with TOO_LARGE instead of inflating it', () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024).fill(0x61));

    expect(errorCodeOf({ bytes: bomb })).toBe('TOO_LARGE');
  });

  it('refuses malformed JSON as INVALID_INPUT', () => {
    expect(errorCodeOf({ bytes: utf8('{"title": "x", '), fileName: 'a.json' })).toBe('INVALID_INPUT');
  });

  it.each([
    ['empty input', new Uint8Array()],
    ['whitespace', utf8(' \n\t \r\n ')],
    ['only ad shortcodes', utf8('[ad_1]\n\n[ad_2]')],
    ['only boilerplate', utf8('Related posts\n\nShare this\n\nhttps://example.com/a')],
    ['an HTML page without text', utf8('<html><body><nav><a href="/">Home</a></nav></body></html>')],
    ['JSON without text', utf8('{"title": "Only a title"}')],
  ])('refuses %s as EMPTY', (_name, bytes) => {
    expect(errorCodeOf({ bytes })).toBe('EMPTY');
  });
});

describe('cleanDocument never hangs', () => {
  it.each([
    ['a megabyte of one letter', 'a'.repeat(1024 * 1024)],
    ['a megabyte of stars and underscores', '*_'.repeat(512 * 1024)],
    ['a megabyte of brackets', '[('.repeat(512 * 1024)],
    ['a megabyte of capitalised words', 'By Ab '.repeat(180 * 1024)],
    ['a megabyte of hyphenated line breaks', 'ab-\n'.repeat(256 * 1024)],
    ['a megabyte of mojibake lead bytes', 'Ã'.repeat(512 * 1024)],
  ])(
    'returns for %s',
    (_name, text) => {
      const outcome = errorCodeOf({ bytes: utf8(text), fileName: 'big.md' }) ?? 'DONE';

      expect(['DONE', 'EMPTY']).toContain(outcome);
    },
    // CPU-bound: the brackets took 17 s in a landing under load 12, so generous for a loaded 2-core CI.
    120_000,
  );

  it('reads HTML nested deeper than Readability goes but within the depth limit', () => {
    const html = `<html><body>${'<div><p>Word, word. '.repeat(1_500)}</body></html>`;

    const document = cleanDocument({ bytes: utf8(html), contentType: 'text/html' });

    expect(document.text.length).toBeGreaterThan(0);
  });

  it('refuses a megabyte of nested HTML as UNSUPPORTED_CONTENT before building the page', () => {
    const html = `<html><body>${'<div><p>Word, word. '.repeat(40 * 1024)}</body></html>`;

    expect(errorCodeOf({ bytes: utf8(html), contentType: 'text/html' })).toBe('UNSUPPORTED_CONTENT');
  });
});
