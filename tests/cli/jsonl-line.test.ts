import { afterEach, describe, expect, it, vi } from 'vitest';
import { isBadLine, lineSchema, parseJsonlLine, readLine } from '../../cli/jsonl-line.ts';

describe('parseJsonlLine', () => {
  it.each([
    ['{"id":"a","text":"Words."}', 'text/plain; charset=utf-8', 'Words.'],
    ['{"id":"a","html":"<p>Words.</p>","text":"ignored"}', 'text/html; charset=utf-8', '<p>Words.</p>'],
    ['{"id":"a","text":"Words.","extra":{"reference":"kept out"}}', 'text/plain; charset=utf-8', 'Words.'],
  ])('reads %s as an article', (line, contentType, body) => {
    const parsed = parseJsonlLine(line, 1);

    expect(isBadLine(parsed)).toBe(false);
    expect(parsed).toMatchObject({ id: 'a', source: { contentType } });
    expect(new TextDecoder().decode(!isBadLine(parsed) ? parsed.bytes : undefined)).toBe(body);
  });

  it('names a line without id after its line number', () => {
    expect(parseJsonlLine('{"text":"Words."}', 12)).toMatchObject({ id: 'line-12' });
  });

  it('keeps the url so the Result carries it', () => {
    expect(parseJsonlLine('{"id":"a","text":"W.","url":"https://example.test/x"}', 1)).toMatchObject({
      url: 'https://example.test/x',
    });
  });

  it.each([
    ['{not json', 'line-7'],
    ['[1,2]', 'line-7'],
    ['{"id":"","text":"x"}', 'line-7'],
    ['{"id":42,"text":"x"}', 'line-7'],
    ['{"id":"kept","text":5}', 'kept'],
    ['{"id":"kept","url":"https://example.test/only-a-url"}', 'kept'],
  ])('returns a bad line for %s with id %s', (line, id) => {
    const parsed = parseJsonlLine(line, 7);

    expect(isBadLine(parsed) && parsed.id).toBe(id);
  });

  it.each([
    ['[1,2]', 'Line 7: Invalid input: expected object, received array'],
    ['null', 'Line 7: Invalid input: expected object, received null'],
    ['"text"', 'Line 7: Invalid input: expected object, received string'],
    ['{"id":42,"text":"x"}', 'Line 7: id: Invalid input: expected string, received number'],
    ['{"id":"","text":"x"}', 'Line 7: id: Too small: expected string to have >=1 characters'],
    ['{"id":"a","text":null}', 'Line 7: text: Invalid input: expected string, received null'],
    [
      '{"id":"a","text":"x","url":5,"language":["en"]}',
      'Line 7: url: Invalid input: expected string, received number; language: Invalid input: expected string, received array',
    ],
  ])('names the field only when the problem is in one, for %s', (line, message) => {
    const parsed = parseJsonlLine(line, 7);

    expect(isBadLine(parsed) && parsed.message).toBe(message);
  });
});

describe('readLine', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const plainLines = [
    { id: 'a', text: 'Words.' },
    { text: 'Words.', extra: { kept: 'out' } },
    { id: 'a', html: '<p>W.</p>', text: 'W.', url: 'https://example.test/', language: 'en' },
    { id: 'only-an-id' },
    {},
  ];
  const otherLines = [
    [1, 2],
    null,
    'text',
    42,
    { id: '', text: 'x' },
    { id: 7, text: 'x' },
    { id: 'a', text: null },
    { id: 'a', html: { p: 'x' } },
    { id: 'a', text: 'x', url: false },
    { id: 'a', text: 'x', language: ['en'] },
  ];

  it.each(plainLines)('gives what the schema gives for %j, without running it', (json) => {
    const expected = lineSchema.safeParse(json);
    const schema = vi.spyOn(lineSchema, 'safeParse');

    const read = readLine(json);

    expect(schema).not.toHaveBeenCalled();
    expect(read).toEqual(expected);
  });

  it.each(otherLines)('runs the schema on %j', (json) => {
    const schema = vi.spyOn(lineSchema, 'safeParse');

    const read = readLine(json);

    expect(schema).toHaveBeenCalledOnce();
    expect(read.success).toBe(false);
  });
});
