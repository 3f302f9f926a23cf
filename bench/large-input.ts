/**
 * Large-input benchmark: CPU per MB of input against the median CNN/DM article's, for ordinary and
 * adversarial articles up to MAX_INPUT_BYTES (the budget: within 2x), with peak memory. Every input runs in
 * a child process of its own under the process function's V8 heap cap, so peaks do not mix and memory
 * behaves as in Lambda. Figures are CPU time (user + system), not wall time: the machine is shared.
 * Run: npm run bench:large [-- --steps] [-- --sizes 100000,1000000] [-- <input name> ...]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { DEFAULT_MAX_INPUT_BYTES } from '#shared/config.ts';
import { findDates } from '#shared/facts/dates/find-dates.ts';
import { buildEntities } from '#shared/facts/entities.ts';
import { groundFacts } from '#shared/facts/ground.ts';
import { tagEntities } from '#shared/facts/ner/tag-entities.ts';
import { findNumbers } from '#shared/facts/numbers.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { processArticle } from '#shared/process-article.ts';
import { summarise } from '#shared/summarise/summarise.ts';
import { heapFlags, heapLimitsFor, PROCESS_MEMORY_MB } from '../infra/function-sizing.ts';
import { readCnndmArticles } from './cnndm.ts';
import { ADVERSARIAL_INPUTS, LARGE_INPUTS, ORDINARY_INPUTS } from './large-inputs.ts';
import { cpuTimed, loadNote, median, peakRssMiB, writeResults } from './measure.ts';

const SEED = readFileSync(new URL('../tests/fixtures/seed-article.txt', import.meta.url));
const MB = 1_000_000;
const MIB = 1024 * 1024;
const DEFAULT_SIZES = [100_000, 1_000_000, DEFAULT_MAX_INPUT_BYTES];
/** Runs of the seed before measuring: the model is loaded and the hot code compiled, as in a warm Lambda. */
const WARM_UP_RUNS = 5;
/** Passes over the reference articles; each article's fastest pass counts (least disturbed by the load). */
const REFERENCE_PASSES = 3;
const BUDGET_RATIO = 2;

/** One input through processArticle in a child, as the child reports it. */
export interface InputRun {
  readonly bytes: number;
  readonly status: string;
  readonly code?: string;
  readonly cpuSeconds: number;
  readonly peakMiB: number;
  readonly heapLimitMiB: number;
  readonly steps?: readonly { step: string; cpuSeconds: number; peakMiB: number }[];
}

interface Reference {
  readonly articles: number;
  readonly source: string;
  readonly medianBytes: number;
  readonly medianCpuMs: number;
  readonly cpuSecondsPerMb: number;
}

const encode = (text: string) => new TextEncoder().encode(text);

function warmUp(): void {
  for (let run = 0; run < WARM_UP_RUNS; run++) {
    processArticle({ id: 'warm-up', bytes: SEED, source: { bytes: SEED.byteLength } });
  }
}

/** Child: the median CNN/DM article's CPU per MB (the seed article's when the data is absent). */
function referenceChild(): Reference {
  const articles = readCnndmArticles()?.map((article) => ({ id: article.id, bytes: encode(article.text) }));
  const inputs = articles ?? [{ id: 'seed', bytes: new Uint8Array(SEED) }];
  warmUp();
  const best = inputs.map(() => Number.POSITIVE_INFINITY);
  for (let pass = 0; pass < REFERENCE_PASSES; pass++) {
    inputs.forEach((input, index) => {
      const { cpuSeconds } = cpuTimed(() =>
        processArticle({ id: input.id, bytes: input.bytes, source: { bytes: input.bytes.byteLength } }),
      );
      best[index] = Math.min(best[index] as number, cpuSeconds);
    });
  }
  return {
    articles: inputs.length,
    source: articles === undefined ? 'seed article (CNN/DM data not found)' : 'CNN/DM dev articles',
    medianBytes: median(inputs.map((input) => input.bytes.byteLength)),
    medianCpuMs: median(best) * 1000,
    cpuSecondsPerMb: median(best.map((cpu, index) => cpu / ((inputs[index]?.bytes.byteLength ?? 1) / MB))),
  };
}

/** Child: one generated input through processArticle, or step by step with `steps`. */
function inputChild(name: string, targetBytes: number, steps: boolean): InputRun {
  const make = LARGE_INPUTS[name];
  if (make === undefined) throw new Error(`Unknown input ${name}`);
  warmUp();
  const bytes = encode(make(targetBytes));
  const heapLimitMiB = getHeapStatistics().heap_size_limit / MIB;
  const source = { key: `${name}.txt`, bytes: bytes.byteLength };
  const whole = cpuTimed(() => processArticle({ id: name, bytes, source }));
  const run = {
    bytes: bytes.byteLength,
    status: whole.value.status,
    ...(whole.value.error ? { code: whole.value.error.code } : {}),
    cpuSeconds: whole.cpuSeconds,
    peakMiB: peakRssMiB(),
    heapLimitMiB,
  };
  return steps ? { ...run, steps: stepByStep(bytes, name) } : run;
}

function stepByStep(bytes: Uint8Array, name: string) {
  const steps: { step: string; cpuSeconds: number; peakMiB: number }[] = [];
  const timed = <T>(step: string, run: () => T): T => {
    const { value, cpuSeconds } = cpuTimed(run);
    steps.push({ step, cpuSeconds, peakMiB: peakRssMiB() });
    return value;
  };
  const document = timed('clean', () => cleanDocument({ bytes, fileName: `${name}.txt` }));
  timed('summarise', () => summarise(document));
  const tagged = timed('tagEntities', () => tagEntities(document.text));
  const entities = timed('buildEntities', () =>
    buildEntities(document.text, tagged, { title: document.title }),
  );
  const dates = timed('findDates', () => findDates(document.text, {}));
  const numbers = timed('findNumbers', () => findNumbers(document.text, { exclude: dates }));
  const quotes = timed('findQuotes', () => findQuotes(document.text, entities));
  timed('groundFacts', () => groundFacts(document.text, { entities, dates, numbers, quotes }));
  return steps;
}

/** The node flags a child runs with: this process's loader, and the process function's heap cap. */
export function childArguments(childArgs: readonly string[]): string[] {
  const script = fileURLToPath(import.meta.url);
  return [...process.execArgv, ...heapFlags(heapLimitsFor(PROCESS_MEMORY_MB)), script, ...childArgs];
}

export function runChild<T>(childArgs: readonly string[]): T {
  const child = spawnSync(process.execPath, childArguments(childArgs), {
    encoding: 'utf8',
    maxBuffer: 16 * MIB,
  });
  if (child.status !== 0) throw new Error(`${childArgs.join(' ')} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as T;
}

const kindOf = (name: string) => (name in ORDINARY_INPUTS ? 'ordinary' : 'adversarial');

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, what, name, bytes, steps] = args;
    const result =
      what === 'reference' ? referenceChild() : inputChild(name ?? '', Number(bytes), steps === 'steps');
    console.log(JSON.stringify(result));
    return;
  }
  const showSteps = args.includes('--steps');
  const sizesArg = args[args.indexOf('--sizes') + 1];
  const sizes = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : DEFAULT_SIZES;
  const chosen = args.filter((arg) => arg in LARGE_INPUTS);
  const names = chosen.length > 0 ? chosen : Object.keys(LARGE_INPUTS);
  const heap = heapLimitsFor(PROCESS_MEMORY_MB);

  console.log(
    `Large inputs: CPU time on one core (${loadNote()}), each run in its own process under the process ` +
      `function's heap cap (${PROCESS_MEMORY_MB} MB: ${heapFlags(heap).join(' ')})`,
  );
  const reference = runChild<Reference>(['--child', 'reference']);
  console.log(
    `Reference: the median of ${reference.articles} ${reference.source}, ${reference.medianBytes} bytes, ` +
      `${reference.medianCpuMs.toFixed(2)} ms CPU; ${reference.cpuSecondsPerMb.toFixed(2)} CPU s per MB`,
  );
  console.log('| input | kind | bytes | status | CPU s | CPU s per MB | x median article | peak MiB |');
  console.log('|---|---|---:|---|---:|---:|---:|---:|');
  const rows = [];
  for (const name of names) {
    for (const size of sizes) {
      const run = runChild<InputRun>(['--child', 'input', name, String(size), showSteps ? 'steps' : '']);
      const perMb = run.cpuSeconds / (run.bytes / MB);
      const ratio = perMb / reference.cpuSecondsPerMb;
      rows.push({ name, kind: kindOf(name), ...run, cpuSecondsPerMb: perMb, ratio });
      console.log(
        `| ${name} | ${kindOf(name)} | ${run.bytes} | ${run.code ?? run.status} | ${run.cpuSeconds.toFixed(2)} | ` +
          `${perMb.toFixed(2)} | ${ratio.toFixed(2)}${ratio > BUDGET_RATIO ? ' (over 2x)' : ''} | ${run.peakMiB.toFixed(0)} |`,
      );
      for (const step of run.steps ?? []) {
        console.log(
          `|  | ${step.step} |  |  | ${step.cpuSeconds.toFixed(2)} |  |  | ${step.peakMiB.toFixed(0)} |`,
        );
      }
    }
  }
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a), rows[0] ?? { ratio: 0, name: '' });
  console.log(
    `Worst ratio ${worst.ratio.toFixed(2)} (${worst.name}); budget ${BUDGET_RATIO}x: ` +
      `${worst.ratio <= BUDGET_RATIO ? 'met' : 'NOT met'}`,
  );
  const file = writeResults('large', {
    date: new Date().toISOString(),
    load: loadNote(),
    memoryMb: PROCESS_MEMORY_MB,
    heap,
    reference,
    rows,
    adversarial: Object.keys(ADVERSARIAL_INPUTS),
  });
  console.log(`Figures written to ${file}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
