/**
 * `node --no-regexp-tier-up --import tsx bench/jsonl-passes.ts FILE [PASSES]`: the work of `precis process
 * --jsonl FILE` without the CLI around it, in a fresh process: each line parsed as the CLI parses it
 * (parseJsonlLine), run through processArticle and written as JSON (formatResult), in passes over the whole
 * file. Prints `{"passes":[cpuSeconds, ...]}`, each pass's CPU time summed over the process's threads (V8
 * compiles optimised code and marks the heap on threads of its own). bench:perf runs it beside the CLI: the first
 * pass against the CLI's whole run is what the CLI adds (start-up, reading, writing), and the first pass
 * against the second is V8's warm-up on code it has not run yet. Run with the V8 flags the CLI sets
 * (V8_FLAGS), given on the command line because setting regular-expression flags in a process that already ran
 * many is unsafe (cli/main.ts).
 */
import { readFileSync } from 'node:fs';
import { processArticle } from '#shared/process-article.ts';
import { formatResult } from '../cli/formats.ts';
import { isBadLine, parseJsonlLine } from '../cli/jsonl-line.ts';

const [file, passArgument = '2'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: bench/jsonl-passes.ts FILE [PASSES]');
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');
const passes: number[] = [];
let written = 0;
for (let pass = 0; pass < Number(passArgument); pass++) {
  const started = process.cpuUsage();
  lines.forEach((line, index) => {
    const input = parseJsonlLine(line, index + 1);
    if (isBadLine(input)) throw new Error(input.message);
    written += formatResult(processArticle(input, {}), 'json', false).length;
  });
  const { user, system } = process.cpuUsage(started);
  passes.push((user + system) / 1e6);
}
console.log(JSON.stringify({ articles: lines.length, passes, written }));
