import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileNameFor, guardStdout, PipeClosedError } from '../../cli/output.ts';

describe('fileNameFor', () => {
  it.each([
    ['tests/fixtures/seed-article.txt', 'seed-article.json'],
    ['plain', 'plain.json'],
    ['line-3', 'line-3.json'],
    ['../../etc/passwd', 'passwd.json'],
    ['..', 'article.json'],
    ['.hidden', 'hidden.json'],
    ['https://example.test/news/story.html', 'story.json'],
    ['a b:c*?"<>|', 'a-b-c-.json'],
    ['Zürich 2024', 'Zürich-2024.json'],
    ['', 'article.json'],
    ['x'.repeat(300), `${'x'.repeat(100)}.json`],
  ])('names %j as %j', (id, name) => {
    expect(fileNameFor(id, '.json', new Set())).toBe(name);
  });

  it('numbers names already taken, whatever their case', () => {
    const taken = new Set<string>();

    const names = ['a/story.txt', 'b/story.txt', 'c/STORY.md'].map((id) => fileNameFor(id, '.html', taken));

    expect(names).toEqual(['story.html', 'story-2.html', 'STORY-3.html']);
  });
});

describe('guardStdout', () => {
  const failing = (code: string) =>
    new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error(`write ${code}`), { code }));
      },
    });

  it('turns EPIPE into a PipeClosedError', async () => {
    const stdout = guardStdout(failing('EPIPE'));

    await stdout.write('first').catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));

    await expect(stdout.write('second')).rejects.toBeInstanceOf(PipeClosedError);
  });

  it('passes any other write error on as it is', async () => {
    const stdout = guardStdout(failing('ENOSPC'));

    await stdout.write('first').catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));

    await expect(stdout.write('second')).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});
