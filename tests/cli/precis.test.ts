import { spawnSync } from 'node:child_process';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { main } from '../../cli/main.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const seedPath = fileURLToPath(new URL('../fixtures/seed-article.txt', import.meta.url));

/** Streams for running main() in-process; `tty` makes stderr look like a terminal. */
function memoryIo(tty = false) {
  let out = '';
  let err = '';
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  const stderr = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        err += String(chunk);
        done();
      },
    }),
    { isTTY: tty },
  );
  return {
    stdin: new PassThrough(),
    stdout,
    stderr,
    output: () => out.split('\n').filter((line) => line !== ''),
    errors: () => err,
  };
}

/** Runs `node bin/precis.js` as a child process with the Node that runs the tests (Node 22). */
function precis(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['bin/precis.js', ...args], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const results = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Result);
  return { status: run.status, results, stdout: run.stdout, stderr: run.stderr };
}

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

  it('prints a FAILED INVALID_INPUT Result, says why on stderr and exits 1 when given a directory', async () => {
    const io = memoryIo();

    const status = await main(['process', fixture('')], io);

    expect(status).toBe(1);
    const [result] = io.output().map((line) => JSON.parse(line) as Result);
    expect(result?.error).toEqual({
      code: 'INVALID_INPUT',
      message: `Cannot read ${fixture('')}: it is a directory`,
    });
    expect(io.errors()).toContain('it is a directory');
  });

  it('puts a warning on its own line, not over the progress line, when stderr is a terminal', async () => {
    const io = memoryIo(true);

    await main(['process', fixture('short-note.txt'), fixture('missing.txt')], io);

    expect(io.errors()).toBe(
      `\rprecis: 1 processed\nprecis: Cannot read ${fixture('missing.txt')}: no such file\n\rprecis: 2 processed\n`,
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
      ['line-4', 'FAILED', 'INVALID_INPUT'],
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
    expect(tty.errors()).toContain('5 processed');
  });
});

describe('precis usage', () => {
  it('prints the usage and exits 0 when given --help', () => {
    const run = precis(['--help']);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('precis process --jsonl');
  });

  it.each([
    [['frobnicate']],
    [['process']],
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
