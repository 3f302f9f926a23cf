/**
 * `npm run bench:cli-warmup [-- REPEATS [BUCKET]]`: where the CPU of `precis process --jsonl` goes, by position
 * in the run. The compiled CLI (dist/main.mjs, built first) runs in this fresh process over bench:perf's 1,400
 * CNN/DM articles written REPEATS times (default 2) in one file, with a stdout that notes the process's CPU time
 * (all threads) as each Result is written. Prints the CPU before the first Result (loading the CLI's modules and
 * the first article; Node's own start, ~40-60 ms, comes before), the mean per article of each BUCKET articles
 * (default 100), and the CPU of each run of 1,400. The first run is what bench:perf's CLI row counts; a later one
 * is the same work once V8 has warmed up, so their difference is V8's warm-up (compiling hot functions and
 * regular expressions, running cold code unoptimised) and what is left is the CLI and the pipeline working warm.
 * npm runs it with the CLI's V8_FLAGS on the command line (setting regular-expression flags in a running process
 * is unsafe, cli/main.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Io } from '../cli/main.ts';
import { CLI_ARTICLES, writeCliArticles } from './cli-articles.ts';
import { readCnndmArticles } from './cnndm.ts';
import { loadNote } from './measure.ts';

/** The compiled CLI's entry (bin/build.js's CLI_BUNDLE). */
const CLI_BUNDLE = new URL('../dist/main.mjs', import.meta.url);

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** A stdout that notes the CPU milliseconds at each write (the CLI writes one Result a write). */
function stampingStdout(stamps: number[]): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      stamps.push(cpuMs());
      done();
    },
  });
}

async function main(): Promise<void> {
  const [repeatArgument = '2', bucketArgument = '100'] = process.argv.slice(2);
  const repeats = Number(repeatArgument);
  const bucket = Number(bucketArgument);
  const articles = readCnndmArticles();
  if (articles === undefined) return;
  // A fresh build, so the figures are of the code as it is (and the build is not timed).
  spawnSync(process.execPath, [fileURLToPath(new URL('../bin/build.js', import.meta.url))], {
    stdio: 'inherit',
  });
  const started = cpuMs();
  const { main: runCli } = (await import(CLI_BUNDLE.href)) as typeof import('../cli/main.ts');
  const stamps: number[] = [];
  const io: Io = { stdin: process.stdin, stdout: stampingStdout(stamps), stderr: process.stderr };
  const directory = mkdtempSync(join(tmpdir(), 'precis-bench-cli-'));
  try {
    const file = writeCliArticles(directory, articles, repeats);
    const status = await runCli(['process', '--jsonl', file], io);
    if (status !== 0) throw new Error(`precis process --jsonl exited ${status}`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  const at = (index: number) => (stamps[index] as number) - started;
  const buckets: string[] = [];
  for (let end = bucket; end <= stamps.length; end += bucket)
    buckets.push(((at(end - 1) - (end === bucket ? 0 : at(end - bucket - 1))) / bucket).toFixed(1));
  const runs: string[] = [];
  for (let end = CLI_ARTICLES; end <= stamps.length; end += CLI_ARTICLES) {
    const seconds = (at(end - 1) - (end === CLI_ARTICLES ? 0 : at(end - CLI_ARTICLES - 1))) / 1000;
    runs.push(`${seconds.toFixed(2)} CPU s (${(CLI_ARTICLES / seconds).toFixed(0)} articles/CPU s)`);
  }
  console.log(`bench:cli-warmup, ${stamps.length} Results; ${loadNote()}`);
  console.log(`start-up and the first article: ${at(0).toFixed(0)} CPU ms`);
  console.log(`CPU ms per article, each ${bucket} in turn: ${buckets.join(' ')}`);
  console.log(
    `each run of ${CLI_ARTICLES} (the first from the start, start-up included): ${runs.join('; ')}`,
  );
}

await main();
