/**
 * `node --no-regexp-tier-up --import tsx bench/instructions-driver.ts TREE STAGE ARTICLES [PASSES]`, run by
 * bench:instructions under callgrind: loads the `shared/` folder of the precis checkout at TREE, prepares what
 * STAGE reads (bench/stage-runner.ts: cleaning and the facts before it, never the stage itself) for ARTICLES
 * of the CNN/DM dev articles (spread over the 268), then runs STAGE over them PASSES times (default 4: the first
 * warms V8, the others are the steady state). Between those parts it calls `os.getPriority()`, whose libuv
 * function (`uv_os_getpriority`) nothing else in the process calls: callgrind, run with
 * `--dump-before=uv_os_getpriority`, writes the instructions counted so far to a file of their own and starts
 * again from zero, so the parts come out separately: start-up and preparation, each pass, and the exit. Prints
 * `{"stage", "articles", "passes"}` as JSON.
 */
import { getPriority } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCnndmArticles } from './cnndm.ts';
import { factsOf, inputsOf, isStage, loadTree, prepare, runStage, spreadOver } from './stage-runner.ts';

/** Marks a boundary between the counted parts (see above). */
const mark = (): number => getPriority();

const [tree, stage, count, passArgument = '4'] = process.argv.slice(2);
if (tree === undefined || stage === undefined || !isStage(stage) || count === undefined)
  throw new Error('usage: bench/instructions-driver.ts TREE STAGE ARTICLES [PASSES]');
const articles = readCnndmArticles();
if (articles === undefined)
  throw new Error('bench:instructions needs the CNN/DM dev articles (../shared/data)');
const code = await loadTree(pathToFileURL(`${resolve(tree, 'shared')}/`).href);
const prepared = prepare(inputsOf(spreadOver(articles, Number(count))), code, [stage], (document) =>
  factsOf(code, document, stage),
);
mark();
const passes = Number(passArgument);
for (let pass = 0; pass < passes; pass++) {
  runStage(code, stage, prepared);
  mark();
}
console.log(JSON.stringify({ stage, articles: prepared.inputs.length, passes }));
