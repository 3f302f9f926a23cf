import { spawnSync } from 'node:child_process';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Result } from '#shared/result.ts';

/** Running `precis` in tests: in-process through main() with memory streams, or as a child process. */

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliFixture = (name: string) =>
  fileURLToPath(new URL(`../cli/fixtures/${name}`, import.meta.url));
export const seedPath = fileURLToPath(new URL('../fixtures/seed-article.txt', import.meta.url));

/** Streams for main(); `tty` makes stderr look like a terminal. */
export function memoryIo(tty = false) {
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
    text: () => out,
    output: () => out.split('\n').filter((line) => line !== ''),
    results: () =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Result),
    errors: () => err,
  };
}

/** Runs `node bin/precis.js` as a child process with the Node that runs the tests (Node 22). */
export function precis(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['bin/precis.js', ...args], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const results = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Result);
  return { status: run.status, results, stdout: run.stdout, stderr: run.stderr };
}

/** A Result without its processing time, to compare two runs. */
export const timeless = ({ processedAt: _, ...rest }: Result) => rest;
