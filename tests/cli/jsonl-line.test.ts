import { describe, expect, it } from 'vitest';
import { isBadLine, parseJsonlLine } from '../../cli/jsonl-line.ts';

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
    ['{"id":42,"text":"x"}', 'Line 7: id: Invalid input: expected string, received number'],
  ])('names the field only when the problem is in one, for %s', (line, message) => {
    const parsed = parseJsonlLine(line, 7);

    expect(isBadLine(parsed) && parsed.message).toBe(message);
  });
});
