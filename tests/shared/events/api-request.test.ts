import { describe, expect, it } from 'vitest';
import { extensionFor, parseSubmission } from '#shared/events/api-request.ts';
import { encode } from '#tests/helpers/builders.ts';

const LIMIT = 1_000;
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('parseSubmission', () => {
  it('keeps a raw body and its Content-Type when the body is not JSON', () => {
    const submission = parseSubmission(encode('<p>Hello</p>'), 'text/html', LIMIT);

    expect(decode(submission.bytes)).toBe('<p>Hello</p>');
    expect(submission.contentType).toBe('text/html');
  });

  it('defaults to UTF-8 text when there is no Content-Type', () => {
    expect(parseSubmission(encode('Hello.'), undefined, LIMIT).contentType).toBe('text/plain; charset=utf-8');
  });

  it.each([
    [{ text: 'Plain words.' }, 'Plain words.', 'text/plain; charset=utf-8'],
    [{ html: '<p>Marked up.</p>' }, '<p>Marked up.</p>', 'text/html; charset=utf-8'],
  ])('reads a JSON body %o as the article', (body, text, contentType) => {
    const submission = parseSubmission(
      encode(JSON.stringify(body)),
      'application/json; charset=utf-8',
      LIMIT,
    );

    expect(decode(submission.bytes)).toBe(text);
    expect(submission.contentType).toBe(contentType);
  });

  it('takes the declared language from a JSON body over the Content-Language header, else the header', () => {
    const json = encode(JSON.stringify({ text: 'x', language: 'fr' }));

    expect(parseSubmission(json, 'application/json', LIMIT, 'de').language).toBe('fr');
    expect(parseSubmission(encode('Hallo.'), 'text/plain', LIMIT, 'de-AT, en').language).toBe('de-AT');
    expect(parseSubmission(encode('Hello.'), 'text/plain', LIMIT).language).toBeUndefined();
  });

  it.each([
    ['a header', encode('Hello.'), 'text/plain', 'not a language!'],
    [
      'a JSON body',
      encode(JSON.stringify({ text: 'x', language: 'english please' })),
      'application/json',
      undefined,
    ],
  ])('refuses a malformed language tag in %s as INVALID_INPUT', (_where, body, type, header) => {
    expect(() => parseSubmission(body, type, LIMIT, header)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('reads the summary length of a JSON body', () => {
    const body = JSON.stringify({ text: 'x', sentences: 5 });

    expect(parseSubmission(encode(body), 'application/json', LIMIT).sentences).toBe(5);
  });

  it('normalises the url of a JSON body to ASCII so it fits S3 metadata', () => {
    const body = JSON.stringify({ text: 'x', url: 'https://exämple.test/news/crêpe' });

    expect(parseSubmission(encode(body), 'application/json', LIMIT).url).toBe(
      'https://xn--exmple-cua.test/news/cr%C3%AApe',
    );
  });

  it.each([
    ['EMPTY', '', 'text/plain'],
    ['EMPTY', JSON.stringify({ text: '' }), 'application/json'],
    ['EMPTY', JSON.stringify({ html: ' \n ' }), 'application/json'],
    ['TOO_LARGE', 'x'.repeat(LIMIT + 1), 'text/plain'],
    ['INVALID_INPUT', '{not json', 'application/json'],
    ['INVALID_INPUT', JSON.stringify({ text: 'a', html: '<p>b</p>' }), 'application/json'],
    ['INVALID_INPUT', JSON.stringify({ url: 'https://example.test/' }), 'application/json'],
    ['INVALID_INPUT', JSON.stringify({ text: 'a', url: 'not a url' }), 'application/json'],
    ['INVALID_INPUT', JSON.stringify({ text: 'a', title: 'unknown field' }), 'application/json'],
    ['INVALID_INPUT', JSON.stringify({ text: 'a', sentences: 0 }), 'application/json'],
    ['INVALID_INPUT', JSON.stringify({ text: 'a', sentences: 21 }), 'application/json'],
    ['INVALID_INPUT', JSON.stringify({ text: 'a', sentences: 2.5 }), 'application/json'],
    ['INVALID_INPUT', JSON.stringify({ text: 'a', sentences: '3' }), 'application/json'],
  ])('throws InputError %s for body %j', (code, body, contentType) => {
    expect(() => parseSubmission(encode(body), contentType, LIMIT)).toThrow(
      expect.objectContaining({ code }),
    );
  });
});

describe('extensionFor', () => {
  it.each([
    ['text/plain; charset=utf-8', 'txt'],
    ['text/html', 'html'],
    ['TEXT/HTML; charset=ISO-8859-1', 'html'],
    ['text/markdown', 'md'],
    ['application/pdf', 'bin'],
  ])('maps %s to .%s', (contentType, extension) => {
    expect(extensionFor(contentType)).toBe(extension);
  });
});
