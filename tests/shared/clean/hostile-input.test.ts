import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cleanDocument, type RawDocument } from '#shared/clean/clean-document.ts';
import { MAX_HTML_DEPTH } from '#shared/clean/html-depth.ts';
import { removeScriptBlocks } from '#shared/clean/rules-script.ts';
import { InputError } from '#shared/errors.ts';
import { processArticle } from '#shared/process-article.ts';

/** Inputs built to break cleaning: each ends as clean text or a FAILED code, never a throw or a lost paragraph. */

const utf8 = (text: string) => new TextEncoder().encode(text);
const html = (markup: string): RawDocument => ({ bytes: utf8(markup), contentType: 'text/html' });
const ONE = 'The council approved the new budget on Tuesday evening.';
const TWO = 'Residents will see the changes on their bills next spring.';

function outcomeOf(raw: RawDocument): string {
  try {
    cleanDocument(raw);
    return 'DONE';
  } catch (error) {
    if (error instanceof InputError) return error.code;
    throw error;
  }
}

function processed(bytes: Uint8Array, contentType?: string) {
  return processArticle({ id: 'hostile', bytes, source: { bytes: bytes.byteLength, contentType } });
}

describe('HTML that is not a whole page', () => {
  it.each([
    ['a fragment of paragraphs', `<p>${ONE}</p><p>${TWO}</p>`],
    ['a fragment after a comment', `<!-- teaser --><p>${ONE}</p><p>${TWO}</p>`],
    ['text before and between elements', `${ONE}<div>${TWO}</div>`],
    [
      'paragraphs outside the body',
      `<html><head><title>T</title></head><p>${ONE}</p><body><p>${TWO}</p></body></html>`,
    ],
    ['a doctype and no html element', `<!DOCTYPE html><p>${ONE}</p><p>${TWO}</p>`],
  ])('keeps every paragraph of %s', (_name, markup) => {
    const document = cleanDocument(html(markup));

    expect(document.text).toBe(`${ONE}\n\n${TWO}`);
  });

  it('reads an untyped fragment that opens with an HTML tag as HTML, so its unrendered blocks stay out', () => {
    const fragment = `<article>${ONE}<title>PAYLOAD</title></article>`;

    expect(cleanDocument({ bytes: utf8(fragment), fileName: 'incoming/upload' }).text).toBe(ONE);
  });

  it('reads text without any tag as the article when it is declared HTML', () => {
    expect(cleanDocument(html(ONE)).text).toBe(ONE);
  });

  it.each([
    ['an unterminated comment', '<!--'],
    ['an empty comment', '<!---->'],
    ['a doctype alone', '<!DOCTYPE html>'],
    ['an XML declaration alone', '<?xml version="1.0"?>'],
    ['an unterminated CDATA section', '<![CDATA['],
  ])('fails with EMPTY instead of throwing for %s', (_name, markup) => {
    expect(outcomeOf(html(markup))).toBe('EMPTY');
  });
});

describe('content a browser never shows', () => {
  it.each([
    ['script', `<script>alert("PAYLOAD")</script>`],
    ['script with markup in strings', `<script>document.write('<p>PAYLOAD</p>')</script>`],
    ['style', '<style>p::after { content: "PAYLOAD" }</style>'],
    ['title inside the body', '<title>PAYLOAD</title>'],
    ['textarea', '<textarea><p>PAYLOAD</p></textarea>'],
    ['xmp', '<xmp>PAYLOAD</xmp>'],
    ['template', '<template><p>PAYLOAD</p></template>'],
    ['noscript', '<noscript>PAYLOAD</noscript>'],
  ])('keeps %s out of the text of a page', (_name, block) => {
    const document = cleanDocument(html(`<html><body><p>${ONE}</p>${block}<p>${TWO}</p></body></html>`));

    expect(document.text).toBe(`${ONE}\n\n${TWO}`);
  });

  it.each([
    ['plain text', 'text/plain'],
    ['Markdown', 'text/markdown'],
  ])('removes script and style blocks from %s and records them', (_name, contentType) => {
    const text = `${ONE}\n\n<script type="text/javascript">\nvar x = "PAYLOAD";\n\nrun(x);\n</script>\n\n${TWO}<style>b{}</style>`;

    const document = cleanDocument({ bytes: utf8(text), contentType });

    expect(document.text).toBe(`${ONE}\n\n${TWO}`);
    expect(document.removed.filter((removal) => removal.rule === 'script-block')).toHaveLength(2);
  });

  it('keeps an unclosed <script> in text, which may be an article about HTML', () => {
    const text = 'Attackers hid a <script> tag in the comment form. The site was patched.';

    expect(removeScriptBlocks(text)).toEqual({ text, removed: [] });
  });

  it('removes script blocks in linear time when a megabyte of openers has no closer', () => {
    const text = `${'<script>'.repeat(128 * 1024)}<style>x</style>`;

    expect(removeScriptBlocks(text).text).toBe('<script>'.repeat(128 * 1024));
  });
});

describe('pathological HTML', () => {
  it(`refuses HTML nested more than ${MAX_HTML_DEPTH} elements deep with UNSUPPORTED_CONTENT`, () => {
    const result = processed(
      utf8(`${'<div>'.repeat(100_000)}${ONE}${'</div>'.repeat(100_000)}`),
      'text/html',
    );

    expect(result).toMatchObject({ status: 'FAILED', error: { code: 'UNSUPPORTED_CONTENT' } });
    expect(result.error?.message).toContain('deep');
  });

  it.each([
    ['unclosed table cells', '<table><tr><td>'],
    ['unclosed inline tags', '<p><b>'],
  ])('refuses megabytes of %s, which the parser would take minutes over', (_name, piece) => {
    const result = processed(utf8(piece.repeat(300_000)), 'text/html');

    expect(result.error?.code).toBe('UNSUPPORTED_CONTENT');
  });

  it('reads a page whose body has 120,000 child nodes', () => {
    const result = processed(utf8(`<html><body>${`${ONE}<br>`.repeat(60_000)}</body></html>`), 'text/html');

    expect(result.status).toBe('DONE');
    expect(result.text.startsWith(ONE)).toBe(true);
    // CPU-bound: 20 s in a landing under load 12, so generous for a loaded 2-core CI.
  }, 120_000);

  it('reads a page with a one-megabyte attribute', () => {
    const page = `<html><body><p title="${'a'.repeat(1024 * 1024)}">${ONE}</p><p>${TWO}</p></body></html>`;

    expect(cleanDocument(html(page)).text).toBe(`${ONE}\n\n${TWO}`);
  });

  it('reads a page whose JSON-LD nests 100,000 arrays deep', () => {
    const jsonLd = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const page = `<html><head><script type="application/ld+json">${jsonLd}</script></head><body><p>${ONE}</p></body></html>`;

    expect(cleanDocument(html(page)).text).toBe(ONE);
  });
});

describe('pathological JSON and compression', () => {
  it.each([
    ['arrays nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'INVALID_INPUT'],
    [
      'a text field nested 100,000 objects deep',
      `{"text":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
      'EMPTY',
    ],
    ['an unterminated string', '{"text": "never ends', 'INVALID_INPUT'],
  ])('fails JSON with %s as %s', (_name, json, code) => {
    expect(outcomeOf({ bytes: utf8(json), contentType: 'application/json' })).toBe(code);
  });

  it('replaces lone surrogates escaped in JSON so the text survives UTF-8 storage unchanged', () => {
    const json = JSON.stringify({ text: `${ONE} \uD800 ${TWO}`, author: 'Jane \uDC00Doe' });

    const document = cleanDocument({ bytes: utf8(json), contentType: 'application/json' });

    expect(document.text).toBe(`${ONE} \uFFFD ${TWO}`);
    expect(document.byline).toBe('Jane \uFFFDDoe');
  });

  it('fails a gzip bomb with TOO_LARGE without inflating it', () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x61), { level: 9 });

    expect(processed(bomb).error?.code).toBe('TOO_LARGE');
  });

  it('fails a truncated gzip stream with UNSUPPORTED_CONTENT', () => {
    const truncated = gzipSync(utf8(`${ONE} ${TWO}`)).subarray(0, 12);

    expect(processed(truncated).error?.code).toBe('UNSUPPORTED_CONTENT');
  });
});
