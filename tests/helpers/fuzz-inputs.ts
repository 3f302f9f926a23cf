import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * Seeded random inputs for property tests of the pipeline: every case is reproducible from its seed alone.
 * Inputs that hide SCRIPT_MARKER in script, style and other unrendered blocks name it as `forbidden`.
 * (Tag soup puts it in scripts too, but soup can legitimately turn a script tag into text: "<b <script>x".)
 */

const SEED_TEXT = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');
const SEED_SENTENCES = SEED_TEXT.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 20);
export const SCRIPT_MARKER = 'SCRIPTPAYLOAD';

/** mulberry32: a tiny, well-mixed 32-bit PRNG, enough to make every case reproducible from its seed. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const repeat = (count: number, make: () => string) => Array.from({ length: count }, make).join('');
  return { next, int, pick, repeat };
}

export type Random = ReturnType<typeof createRandom>;

export interface FuzzInput {
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly key: string;
  /** A string the input hides in script, style and other unrendered blocks: it must never reach the text. */
  readonly forbidden?: string;
}

const encode = (text: string) => new TextEncoder().encode(text);

/** Code points that trip text handling: lone surrogates, bidi controls, zero-width, combining marks, emoji. */
const AWKWARD_CHARACTERS = [
  '\uD800',
  '\uDC00',
  '\uDBFF\uDFFF',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202E',
  '\u2066',
  '\u2069',
  '\u0301',
  '\u0308',
  '\u0327',
  '\u20DD',
  '😀',
  '👩‍👩‍👧‍👦',
  '🇬🇧',
  '👍🏽',
  '\u00A0',
  '\u2028',
  '\u2029',
  '\u0000',
  '\u0007',
  '\u001B',
  '\uFFFD',
  '\uFFFF',
  '\u05D0',
  '\u0627',
  'ﬁ',
  'İ',
  'ß',
  '\u3000',
  '“',
  '”',
  '—',
  '…',
];
const WORDS = [
  'Blinken',
  'Beijing',
  'said',
  'the',
  'President',
  '$4.5 billion',
  '12%',
  'Monday',
  'June 19, 2023',
  '"',
  '“We',
  'agree,”',
  'Mr.',
  'U.S.',
  '–',
  'Dr',
  '(AP)',
  'Reuters/Jane Doe',
  '[ad_1]',
  'https://example.com/a?b=c',
  'PUBLISHED:',
  'Read more',
];

function randomText(random: Random, length: number): string {
  return random.repeat(length, () => {
    const roll = random.next();
    if (roll < 0.3) return random.pick(AWKWARD_CHARACTERS);
    if (roll < 0.6) return `${random.pick(WORDS)} `;
    if (roll < 0.7) return random.pick(['.', '. ', '\n', '\n\n', '!', '?', ',', ' ']);
    return String.fromCharCode(random.int(0x20, 0x2fff));
  });
}

/** Awkward characters that a text file may carry without being taken for binary (no C0 controls). */
const PROSE_CHARACTERS = AWKWARD_CHARACTERS.filter((character) => character.charCodeAt(0) >= 0x20);

/** Seed sentences with awkward characters spliced in: enough prose to reach the summariser and the facts. */
function pollutedProse(random: Random): string {
  const sentences = Array.from({ length: random.int(2, 12) }, () => random.pick(SEED_SENTENCES));
  return sentences
    .map((sentence) =>
      [...sentence]
        .map((character) =>
          random.next() < 0.05 ? `${character}${random.pick(PROSE_CHARACTERS)}` : character,
        )
        .join(''),
    )
    .join(random.pick([' ', '\n', '\n\n', '\r\n']));
}

/** UTF-16LE without the replacement TextEncoder would make, so lone surrogates survive as bytes. */
function utf16le(text: string, withBom: boolean): Uint8Array {
  const bytes = new Uint8Array((withBom ? 2 : 0) + text.length * 2);
  const view = new DataView(bytes.buffer);
  if (withBom) view.setUint16(0, 0xfeff, true);
  for (let index = 0; index < text.length; index += 1) {
    view.setUint16((withBom ? 2 : 0) + index * 2, text.charCodeAt(index), true);
  }
  return bytes;
}

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'article',
  'h1',
  'h2',
  'li',
  'ul',
  'table',
  'td',
  'figure',
  'figcaption',
];
const TAG_SOUP_PIECES = [
  '<!--',
  '-->',
  '<!DOCTYPE html>',
  '<![CDATA[',
  ']]>',
  '<?xml version="1.0"?>',
  '<br>',
  '<br/>',
  '</',
  '<',
  '>',
  '&amp;',
  '&#x0;',
  '&#xD800;',
  '&nbsp;',
  '&bogus;',
  '<meta charset="shift_jis">',
  '<meta property="og:title" content="A title">',
  '<html lang="zz-ZZ">',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":',
  '<div class="share related">',
  '<p hidden>',
  '<title>',
  '</title>',
];

function tagSoup(random: Random): string {
  return random.repeat(random.int(1, 80), () => {
    const roll = random.next();
    if (roll < 0.25)
      return `<${random.pick(TAGS)}${random.next() < 0.3 ? ` class="${randomText(random, 3)}"` : ''}>`;
    if (roll < 0.4) return `</${random.pick(TAGS)}>`;
    if (roll < 0.5) return random.pick(TAG_SOUP_PIECES);
    if (roll < 0.6) return random.pick(HIDDEN_BLOCKS);
    if (roll < 0.8) return random.pick(SEED_SENTENCES);
    return randomText(random, random.int(1, 20));
  });
}

/** Blocks a browser never renders as text, each hiding the marker, with markup-like code inside. */
const HIDDEN_BLOCKS = [
  `<script>${SCRIPT_MARKER}</script>`,
  `<SCRIPT type="text/javascript">var a = "</p><p>${SCRIPT_MARKER}"; if (a < 1 && b > 2) {}</SCRIPT>`,
  `<script>document.write('<p>${SCRIPT_MARKER}</p>');</script>`,
  `<script src="x.js" async>${SCRIPT_MARKER}</script >`,
  `<style>p::after { content: "${SCRIPT_MARKER}" }</style>`,
  `<style media="print">\n${SCRIPT_MARKER} {}\n\n</style>`,
  `<noscript>${SCRIPT_MARKER}</noscript>`,
  `<template><p>${SCRIPT_MARKER}</p></template>`,
  `<textarea><p>${SCRIPT_MARKER}</p></textarea>`,
  `<title>${SCRIPT_MARKER}</title>`,
  `<svg><text>${SCRIPT_MARKER}</text></svg>`,
  `<iframe srcdoc="<p>x</p>">${SCRIPT_MARKER}</iframe>`,
  `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "${SCRIPT_MARKER}"}</script>`,
];
const WRAPPERS = ['p', 'div', 'span', 'article', 'section', 'li', 'b', 'td'];

/** A page of seed paragraphs with unrendered blocks hidden in the head, between and inside paragraphs. */
function pageWithScripts(random: Random): string {
  const block = () => random.pick(HIDDEN_BLOCKS);
  const paragraphs = Array.from({ length: random.int(1, 10) }, () => {
    const tag = random.pick(WRAPPERS);
    const [before, after] = random.next() < 0.5 ? [block(), ''] : ['', block()];
    return `<${tag}>${before}${random.pick(SEED_SENTENCES)}${after}</${tag}>${random.next() < 0.3 ? block() : ''}`;
  });
  const head = random.next() < 0.5 ? `<head>${block()}<title>A page</title></head>` : '';
  const page = `${head}<body>${paragraphs.join('\n')}${block()}</body>`;
  return random.next() < 0.7 ? `<!DOCTYPE html><html>${page}</html>` : paragraphs.join('');
}

/** Plain text or Markdown with script and style blocks left between and inside its sentences. */
function textWithScripts(random: Random): string {
  const scripts = HIDDEN_BLOCKS.filter((block) => /^<(?:script|style)/i.test(block));
  return Array.from({ length: random.int(2, 10) }, () => {
    const sentence = random.pick(SEED_SENTENCES);
    if (random.next() < 0.3) return `${sentence}\n\n${random.pick(scripts)}`;
    const cut = random.int(0, sentence.length);
    return `${sentence.slice(0, cut)}${random.pick(scripts)}${sentence.slice(cut)}`;
  }).join('\n\n');
}

function randomJson(random: Random, depth = 0): unknown {
  const roll = random.next();
  if (depth > 4 || roll < 0.3) return randomText(random, random.int(0, 30));
  if (roll < 0.4) return random.pick([null, true, false, 0, -1.5e308, Number.MAX_SAFE_INTEGER]);
  if (roll < 0.6) return Array.from({ length: random.int(0, 4) }, () => randomJson(random, depth + 1));
  const fields = [
    'title',
    'text',
    'body',
    'content',
    'html',
    'url',
    'publishedAt',
    'author',
    '__proto__',
    'x',
  ];
  return Object.fromEntries(
    Array.from({ length: random.int(0, 6) }, () => [
      random.pick(fields),
      random.next() < 0.4 ? pollutedProse(random) : randomJson(random, depth + 1),
    ]),
  );
}

const CONTENT_TYPES = [
  undefined,
  'text/plain',
  'text/plain; charset=utf-8',
  'text/plain; charset=windows-1252',
  'text/plain; charset=utf-16',
  'text/plain; charset=bogus',
  'text/html',
  'text/html; charset=iso-8859-1',
  'application/json',
  'text/markdown',
  'application/octet-stream',
  'image/png',
  ';;;',
];
const KEYS = [
  'incoming/a.txt',
  'incoming/a.html',
  'incoming/a.json',
  'incoming/a.md',
  'incoming/a',
  'incoming/a.gz',
];

export const GENERATORS: Readonly<Record<string, (random: Random) => FuzzInput>> = {
  'random bytes': (random) => ({
    bytes: Uint8Array.from({ length: random.int(0, 4096) }, () => random.int(0, 255)),
    contentType: random.pick(CONTENT_TYPES),
    key: random.pick(KEYS),
  }),
  'random Unicode as UTF-8': (random) => ({
    bytes: encode(randomText(random, random.int(0, 600))),
    contentType: random.pick(CONTENT_TYPES),
    key: random.pick(KEYS),
  }),
  'random Unicode as UTF-16 with lone surrogates': (random) => ({
    bytes: utf16le(randomText(random, random.int(1, 400)), random.next() < 0.5),
    contentType: random.pick(CONTENT_TYPES),
    key: random.pick(KEYS),
  }),
  'prose with awkward characters': (random) => ({
    bytes: encode(pollutedProse(random)),
    contentType: random.pick([undefined, 'text/plain', 'text/markdown']),
    key: random.pick(['incoming/a.txt', 'incoming/a.md', 'incoming/a']),
  }),
  'HTML tag soup': (random) => ({
    bytes: encode(tagSoup(random)),
    contentType: random.pick(['text/html', 'text/html; charset=utf-8', undefined]),
    key: random.pick(['incoming/a.html', 'incoming/a']),
  }),
  'HTML page with hidden scripts': (random) => ({
    bytes: encode(pageWithScripts(random)),
    contentType: random.pick(['text/html', 'text/html; charset=utf-8', undefined]),
    key: random.pick(['incoming/a.html', 'incoming/a.htm', 'incoming/a']),
    forbidden: SCRIPT_MARKER,
  }),
  'text and Markdown with script blocks': (random) => ({
    bytes: encode(textWithScripts(random)),
    contentType: random.pick(['text/plain', 'text/markdown', undefined]),
    key: random.pick(['incoming/a.txt', 'incoming/a.md', 'incoming/a']),
    forbidden: SCRIPT_MARKER,
  }),
  'random JSON': (random) => ({
    bytes: encode(JSON.stringify(randomJson(random)) ?? 'null'),
    contentType: random.pick(['application/json', undefined]),
    key: random.pick(['incoming/a.json', 'incoming/a']),
  }),
  'truncated gzip': (random) => {
    const whole = gzipSync(encode(pollutedProse(random)));
    return {
      bytes: whole.subarray(0, random.int(0, whole.length - 1)),
      contentType: random.pick(CONTENT_TYPES),
      key: random.pick(KEYS),
    };
  },
  'gzip of random input': (random) => ({
    bytes: gzipSync(encode(random.next() < 0.5 ? tagSoup(random) : pollutedProse(random))),
    key: random.pick(['incoming/a.html.gz', 'incoming/a.txt.gz', 'incoming/a.gz']),
  }),
  'mixed encodings': (random) => {
    const parts = Array.from({ length: random.int(2, 6) }, () => {
      const text = random.next() < 0.5 ? random.pick(SEED_SENTENCES) : randomText(random, 40);
      const encoding = random.int(0, 2);
      if (encoding === 0) return encode(text);
      if (encoding === 1) return utf16le(text, random.next() < 0.3);
      return Uint8Array.from([...text].map((character) => character.charCodeAt(0) & 0xff));
    });
    return { bytes: Buffer.concat(parts), contentType: random.pick(CONTENT_TYPES), key: random.pick(KEYS) };
  },
};
