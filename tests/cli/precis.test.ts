import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { cliFixture as fixture, memoryIo, precis, seedPath } from '#tests/helpers/cli.ts';
import { main } from '../../cli/main.ts';

describe('precis process FILE...', () => {
  it('prints one Result line per file, in order, when given files', () => {
    const run = precis(['process', seedPath, fixture('short-note.txt'), fixture('binary.png')]);

    expect(run.status).toBe(0);
    expect(run.results.map((result) => [result.id, result.status, result.error?.code])).toEqual([
      [seedPath, 'DONE', undefined],
      [fixture('short-note.txt'), 'DONE', undefined],
      [fixture('binary.png'), 'FAILED', 'UNSUPPORTED_CONTENT'],
    ]);
    expect(run.stderr).toBe('');
  });

  it('reads stdin when the file is - and limits the summary when given --sentences N', () => {
    const run = precis(['process', '--sentences', '1', '-'], 'Read from stdin. It works. A third sentence.');

    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      id: 'stdin',
      status: 'DONE',
      text: 'Read from stdin. It works. A third sentence.',
    });
    expect(run.results[0]?.summary).toHaveLength(1);
  });

  it('keeps the summary within a word budget of whole sentences when given --words N', () => {
    const text =
      'The council approved the new bridge on Tuesday after a long debate. ' +
      'It will cost ten million pounds and take three years to build, the council said. ' +
      'Work starts in spring.';

    const run = precis(['process', '--words', '12', '-'], text);

    expect(run.results[0]?.summary).toEqual([
      'The council approved the new bridge on Tuesday after a long debate.',
    ]);
  });

  it('prints a FAILED Result and exits 1 when a file cannot be read', async () => {
    const io = memoryIo();

    const status = await main(['process', fixture('missing.txt'), fixture('short-note.txt')], io);

    expect(status).toBe(1);
    const results = io.output().map((line) => JSON.parse(line) as Result);
    expect(results.map((result) => [result.status, result.error?.code])).toEqual([
      ['FAILED', 'NOT_FOUND'],
      ['DONE', undefined],
    ]);
    expect(io.errors()).toBe(`precis: Cannot read ${fixture('missing.txt')}: no such file\n`);
  });

  it('reads every file under a directory, recursively, in name order, skipping hidden ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'precis-dir-'));
    mkdirSync(join(root, 'b', 'deeper'), { recursive: true });
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, 'b', 'deeper', 'two.txt'), 'Second. Two.');
    writeFileSync(join(root, 'a.txt'), 'First. One.');
    writeFileSync(join(root, 'c.txt'), 'Third. Three.');
    writeFileSync(join(root, '.hidden.txt'), 'Hidden.');
    writeFileSync(join(root, '.git', 'HEAD'), 'ref');
    const io = memoryIo();

    const status = await main(['process', root, seedPath], io);

    expect(status).toBe(0);
    expect(io.results().map((result) => result.id)).toEqual([
      join(root, 'a.txt'),
      join(root, 'b', 'deeper', 'two.txt'),
      join(root, 'c.txt'),
      seedPath,
    ]);
  });

  it('puts a warning on its own line and ends with a closing line when stderr is a terminal', async () => {
    const io = memoryIo(true);

    await main(['process', fixture('short-note.txt'), fixture('missing.txt'), fixture('binary.png')], io);

    expect(io.errors()).toContain(`precis: Cannot read ${fixture('missing.txt')}: no such file\n`);
    expect(io.errors()).toMatch(
      /precis: 1 DONE, 2 FAILED \(NOT_FOUND 1, UNSUPPORTED_CONTENT 1\) in \d+\.\d s\n$/,
    );
  });
});

describe('precis process --jsonl', () => {
  it('prints exactly one Result per non-blank line, same ids, same order, FAILED for bad lines', () => {
    const run = precis(['process', '--jsonl', fixture('articles.jsonl')]);

    expect(run.status).toBe(0);
    expect(run.results.map((result) => [result.id, result.status, result.error?.code])).toEqual([
      ['plain', 'DONE', undefined],
      ['no-body', 'FAILED', 'INVALID_INPUT'],
      ['line-3', 'FAILED', 'INVALID_INPUT'],
      ['line-4', 'DONE', undefined],
      ['html', expect.any(String), undefined],
    ]);
  });

  it('reads JSONL from stdin when the input is -', () => {
    const lines = [
      { id: 'a', text: 'First one. Yes.' },
      { id: 'b', text: 'Second one. Yes.' },
    ];

    const run = precis(['process', '--jsonl', '-'], lines.map((line) => JSON.stringify(line)).join('\n'));

    expect(run.results.map((result) => result.id)).toEqual(['a', 'b']);
  });

  it('writes progress to stderr only when stderr is a terminal', async () => {
    const quiet = memoryIo();
    const tty = memoryIo(true);

    await main(['process', '--jsonl', fixture('articles.jsonl')], quiet);
    await main(['process', '--jsonl', fixture('articles.jsonl')], tty);

    expect(quiet.errors()).toBe('');
    expect(tty.errors()).toMatch(/precis \S+ 0\/5 · 0 failed · /);
    expect(tty.errors()).toContain('3 DONE, 2 FAILED (INVALID_INPUT 2)');
  });
});

describe('precis usage', () => {
  it('prints the usage and exits 0 when given --help', () => {
    const run = precis(['--help']);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('precis process --jsonl');
  });

  it('prints the version and exits 0 when given --version', () => {
    const run = precis(['--version']);

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^precis \d+\.\d+\.\d+ \(pipeline \d+\.\d+\.\d+\)\n$/);
  });

  it('prints the usage on stderr and exits 2 when given no arguments', () => {
    const run = precis([]);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage:');
  });

  it.each([
    [[]],
    [['frobnicate']],
    [['process']],
    [['process', '--format', 'html', 'a.txt']],
    [['process', '--parallel', '0', 'a.txt']],
    [['process', '--parallel', '65', 'a.txt']],
    [['process', '--parallel', 'two', 'a.txt']],
    [['process', '-o', '', 'a.txt']],
    [['view', '--format', 'text', 'a.json']],
    [['view', '--parallel', '2', 'a.json']],
    [['view', '--jsonl', 'results.jsonl']],
    [['process', '--sentences', 'zero', 'a.txt']],
    [['process', '--sentences', '0', 'a.txt']],
    [['process', '--sentences', '100', 'a.txt']],
    [['process', '--words', '5', 'a.txt']],
    [['process', '--words', '501', 'a.txt']],
    [['process', '--words', 'many', 'a.txt']],
    [['process', '--jsonl', 'a.jsonl', 'b.jsonl']],
    [['process', '--bogus', 'a.txt']],
  ])('exits 2 with the usage on stderr when given %j', async (args) => {
    const io = memoryIo();

    const status = await main(args, io);

    expect(status).toBe(2);
    expect(io.errors()).toContain('Usage:');
  });
});
