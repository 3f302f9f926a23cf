/**
 * Large-input benchmark: CPU per MB of input against the median CNN/DM article's, for ordinary and
 * adversarial articles up to MAX_INPUT_BYTES (the budget: within 2x), with peak memory. Every input runs in
 * a child process of its own under the process function's V8 heap cap, so peaks do not mix and memory
 * behaves as in Lambda, and the reference is measured in that same child, round by round beside the input
 * (`pairedChild`). Figures are CPU time (user + system), not wall time: the machine is shared.
 * Run: npm run bench:large [-- --steps] [-- --sizes 100000,1000000] [-- --rounds 5] [-- --out NAME] [-- <input name> ...]
 * (`--out NAME` writes bench/results/NAME.json instead of large.json). A run split over processes (one run per
 * group of inputs, each with its own `--out`) is joined into large.json by `npm run bench:large -- --merge A B`.
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
import { cpuTimed, loadNote, measurePass, median, peakRssMiB, writeResults } from './measure.ts';
import { pairRatios } from './pair-ratios.ts';

const SEED = readFileSync(new URL('../tests/fixtures/seed-article.txt', import.meta.url));
const MB = 1_000_000;
const MIB = 1024 * 1024;
const DEFAULT_SIZES = [100_000, 1_000_000, DEFAULT_MAX_INPUT_BYTES];
/** Runs of the seed before measuring: the model is loaded and the hot code compiled, as in a warm Lambda. */
const WARM_UP_RUNS = 5;
/** Rounds per input (`--rounds N`): each one pass of the input and one over the reference articles. */
const DEFAULT_ROUNDS = 3;
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

/** One pass over the reference articles: the median article's CPU per MB and CPU time. */
interface ReferencePass {
  readonly cpuSecondsPerMb: number;
  readonly medianCpuMs: number;
}

/** An input and the reference measured in one child, round by round (see `pairedChild`). */
export interface PairedRun extends InputRun {
  readonly referenceArticles: number;
  readonly referenceSource: string;
  readonly referenceMedianBytes: number;
  /** Each round's CPU seconds for the input. */
  readonly inputPasses: readonly number[];
  /** Each round's pass of the input: its own peak RSS (reset at its start) and the RSS it started from, MiB. */
  readonly inputPassPeaksMiB: readonly number[];
  readonly inputPassStartsMiB: readonly number[];
  /** Whether the kernel let each pass's peak be its own (Linux); if not, the peaks are the process's so far. */
  readonly ownPassPeaks: boolean;
  /** The child's peak RSS over its whole life: warm-up, every pass of the input and of the reference. */
  readonly processPeakMiB: number;
  /** Each round's pass over the reference articles. */
  readonly referencePasses: readonly ReferencePass[];
}

const encode = (text: string) => new TextEncoder().encode(text);

function warmUp(): void {
  for (let run = 0; run < WARM_UP_RUNS; run++) {
    processArticle({ id: 'warm-up', bytes: SEED, source: { bytes: SEED.byteLength } });
  }
}

/** The 268 CNN/DM dev articles (the seed article alone when the data is absent). */
function referenceArticles() {
  const articles = readCnndmArticles()?.map((article) => ({ id: article.id, bytes: encode(article.text) }));
  return {
    inputs: articles ?? [{ id: 'seed', bytes: new Uint8Array(SEED) }],
    source: articles === undefined ? 'seed article (CNN/DM data not found)' : 'CNN/DM dev articles',
  };
}

function referencePass(
  inputs: readonly { id: string; bytes: Uint8Array }[],
): ReferencePass & { peakMiB: number } {
  const pass = measurePass(() => referenceTimes(inputs));
  return { ...pass.value, peakMiB: pass.peakMiB };
}

function referenceTimes(inputs: readonly { id: string; bytes: Uint8Array }[]): ReferencePass {
  const cpu = inputs.map(
    (input) =>
      cpuTimed(() =>
        processArticle({ id: input.id, bytes: input.bytes, source: { bytes: input.bytes.byteLength } }),
      ).cpuSeconds,
  );
  return {
    cpuSecondsPerMb: median(
      cpu.map((seconds, index) => seconds / ((inputs[index]?.bytes.byteLength ?? 1) / MB)),
    ),
    medianCpuMs: median(cpu) * 1000,
  };
}

/**
 * Child: the input and the reference measured the same way, in one process after the same warm-up (5 runs
 * of the seed and one unmeasured pass over the reference articles, as in a Lambda that has served a while;
 * without that pass the first pass over the articles pays V8's warm-up, 1.5-2x the later ones): `rounds`
 * rounds, each one pass over the reference articles and one pass of the input, in alternating order
 * (reference first in even rounds), so that load changes touch both alike. Each round gives one ratio; the
 * bench reports their median and range. Each pass's peak RSS is its own (reset at its start, see `measurePass`),
 * and the child's peak over its whole life is kept beside them.
 */
function pairedChild(name: string, targetBytes: number, rounds: number): PairedRun {
  const make = LARGE_INPUTS[name];
  if (make === undefined) throw new Error(`Unknown input ${name}`);
  const reference = referenceArticles();
  warmUp();
  referenceTimes(reference.inputs);
  let processPeakMiB = peakRssMiB();
  const bytes = encode(make(targetBytes));
  const source = { key: `${name}.txt`, bytes: bytes.byteLength };
  const inputPasses: number[] = [];
  const inputPassPeaksMiB: number[] = [];
  const inputPassStartsMiB: number[] = [];
  let ownPassPeaks = true;
  const referencePasses: ReferencePass[] = [];
  let result: ReturnType<typeof processArticle> | undefined;
  const runInput = () => {
    const pass = measurePass(() => processArticle({ id: name, bytes, source }));
    result = pass.value;
    inputPasses.push(pass.cpuSeconds);
    inputPassPeaksMiB.push(pass.peakMiB);
    inputPassStartsMiB.push(pass.startMiB);
    ownPassPeaks &&= pass.ownPeak;
    processPeakMiB = Math.max(processPeakMiB, pass.peakMiB);
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 1) runInput();
    const { peakMiB, ...pass } = referencePass(reference.inputs);
    referencePasses.push(pass);
    processPeakMiB = Math.max(processPeakMiB, peakMiB);
    if (round % 2 === 0) runInput();
  }
  return {
    bytes: bytes.byteLength,
    status: result?.status ?? 'NONE',
    ...(result?.error ? { code: result.error.code } : {}),
    cpuSeconds: median(inputPasses),
    // The input's first pass: one run of it in a process that has served a while, as a warm Lambda.
    peakMiB: inputPassPeaksMiB[0] ?? Number.NaN,
    heapLimitMiB: getHeapStatistics().heap_size_limit / MIB,
    referenceArticles: reference.inputs.length,
    referenceSource: reference.source,
    referenceMedianBytes: median(reference.inputs.map((input) => input.bytes.byteLength)),
    inputPasses,
    inputPassPeaksMiB,
    inputPassStartsMiB,
    ownPassPeaks,
    processPeakMiB,
    referencePasses,
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

/** A paired run's ratios, round by round: the input's CPU per MB over the reference's in the same round. */
function ratiosOf(run: PairedRun) {
  const inputPerMb = run.inputPasses.map((cpu) => cpu / (run.bytes / MB));
  const summary = pairRatios(
    inputPerMb,
    run.referencePasses.map((pass) => pass.cpuSecondsPerMb),
  );
  return {
    ...summary,
    ratios: inputPerMb.map((perMb, round) => perMb / (run.referencePasses[round]?.cpuSecondsPerMb ?? 1)),
  };
}

/** bench/results/NAME.json as `main` writes it: the parts `mergeResults` joins. */
interface LargeFile {
  readonly date: string;
  readonly load: string;
  readonly memoryMb: number;
  readonly rounds: number;
  readonly reference: { articles: number; source: string; medianBytes: number };
  readonly rows: readonly { name: string; referencePasses: readonly ReferencePass[] }[];
}

/** Joins the runs `names` (bench/results/NAME.json) into large.json: their rows, the reference over all passes. */
function mergeResults(names: readonly string[]): void {
  const parts = names.map(
    (name) =>
      JSON.parse(readFileSync(new URL(`./results/${name}.json`, import.meta.url), 'utf8')) as LargeFile,
  );
  const [first] = parts;
  if (
    first === undefined ||
    parts.some((part) => part.rounds !== first.rounds || part.memoryMb !== first.memoryMb)
  )
    throw new Error(`--merge needs runs with the same rounds and memory: ${names.join(', ')}`);
  const rows = parts.flatMap((part) => part.rows);
  const passes = rows.flatMap((row) => row.referencePasses);
  const file = writeResults('large', {
    ...first,
    date: parts.map((part) => part.date).sort()[0],
    load: parts.map((part) => `${part.load} (${part.date})`).join('; '),
    mergedFrom: names,
    reference: {
      ...first.reference,
      passes: passes.length,
      medianCpuMs: median(passes.map((pass) => pass.medianCpuMs)),
      cpuSecondsPerMb: median(passes.map((pass) => pass.cpuSecondsPerMb)),
    },
    rows,
  });
  console.log(`${rows.length} rows of ${names.join(', ')} written to ${file}`);
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--merge') {
    mergeResults(args.slice(1));
    return;
  }
  if (args[0] === '--child') {
    const [, what, name, bytes, option] = args;
    const result =
      what === 'paired'
        ? pairedChild(name ?? '', Number(bytes), Number(option))
        : inputChild(name ?? '', Number(bytes), option === 'steps');
    console.log(JSON.stringify(result));
    return;
  }
  const optionValue = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const showSteps = args.includes('--steps');
  const sizes = optionValue('--sizes')?.split(',').map(Number) ?? DEFAULT_SIZES;
  const rounds = Number(optionValue('--rounds') ?? DEFAULT_ROUNDS);
  const out = optionValue('--out') ?? 'large';
  const chosen = args.filter((arg) => arg in LARGE_INPUTS);
  const names = chosen.length > 0 ? chosen : Object.keys(LARGE_INPUTS);
  const heap = heapLimitsFor(PROCESS_MEMORY_MB);

  console.log(
    `Large inputs: CPU time on one core (${loadNote()}), each input in its own process under the process ` +
      `function's heap cap (${PROCESS_MEMORY_MB} MB: ${heapFlags(heap).join(' ')}), after ${WARM_UP_RUNS} runs ` +
      `of the seed and one pass over the reference articles; ${rounds} rounds, each one pass of the input and one over the reference articles in the ` +
      "same process, in alternating order. x median article: the median of the rounds' ratios [lowest, highest]",
  );
  console.log(
    '| input | kind | bytes | status | CPU s | CPU s per MB | x median article [range] | first round | peak MiB, one pass [each pass] | process peak MiB |',
  );
  console.log('|---|---|---:|---|---:|---:|---:|---:|---:|---:|');
  const rows = [];
  const referencePasses: ReferencePass[] = [];
  let referenceSource = { articles: 0, source: '', medianBytes: 0 };
  for (const name of names) {
    for (const size of sizes) {
      const run = runChild<PairedRun>(['--child', 'paired', name, String(size), String(rounds)]);
      referencePasses.push(...run.referencePasses);
      referenceSource = {
        articles: run.referenceArticles,
        source: run.referenceSource,
        medianBytes: run.referenceMedianBytes,
      };
      const { ratios, median: ratio, min: low, max: high } = ratiosOf(run);
      const perMb = run.cpuSeconds / (run.bytes / MB);
      rows.push({
        name,
        kind: kindOf(name),
        bytes: run.bytes,
        status: run.status,
        ...(run.code ? { code: run.code } : {}),
        cpuSeconds: run.cpuSeconds,
        peakMiB: run.peakMiB,
        passPeaksMiB: run.inputPassPeaksMiB,
        passStartsMiB: run.inputPassStartsMiB,
        ownPassPeaks: run.ownPassPeaks,
        processPeakMiB: run.processPeakMiB,
        heapLimitMiB: run.heapLimitMiB,
        cpuSecondsPerMb: perMb,
        ratio,
        ratioRange: [low, high],
        ratios,
        inputPasses: run.inputPasses,
        referencePasses: run.referencePasses,
      });
      console.log(
        `| ${name} | ${kindOf(name)} | ${run.bytes} | ${run.code ?? run.status} | ${run.cpuSeconds.toFixed(2)} | ` +
          `${perMb.toFixed(2)} | ${ratio.toFixed(2)} [${low.toFixed(2)}, ${high.toFixed(2)}]` +
          `${ratio > BUDGET_RATIO ? ' (over 2x)' : ''} | ${ratios[0]?.toFixed(2)} | ${run.peakMiB.toFixed(0)} ` +
          `[${run.inputPassPeaksMiB.map((peak) => peak.toFixed(0)).join(', ')}] | ${run.processPeakMiB.toFixed(0)} |`,
      );
      if (showSteps) {
        const steps = runChild<InputRun>(['--child', 'input', name, String(size), 'steps']).steps ?? [];
        for (const step of steps) {
          console.log(
            `|  | ${step.step} |  |  | ${step.cpuSeconds.toFixed(2)} |  |  |  | ${step.peakMiB.toFixed(0)} |  |`,
          );
        }
      }
    }
  }
  const reference = {
    ...referenceSource,
    passes: referencePasses.length,
    medianCpuMs: median(referencePasses.map((pass) => pass.medianCpuMs)),
    cpuSecondsPerMb: median(referencePasses.map((pass) => pass.cpuSecondsPerMb)),
  };
  console.log(
    `Reference: the median of ${reference.articles} ${reference.source} (${reference.medianBytes} bytes), ` +
      `over its ${reference.passes} passes: ${reference.medianCpuMs.toFixed(2)} ms CPU, ` +
      `${reference.cpuSecondsPerMb.toFixed(2)} CPU s per MB`,
  );
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a), rows[0] ?? { ratio: 0, name: '' });
  console.log(
    `Worst ratio ${worst.ratio.toFixed(2)} (${worst.name}); budget ${BUDGET_RATIO}x: ` +
      `${worst.ratio <= BUDGET_RATIO ? 'met' : 'NOT met'} (${loadNote()} at the end)`,
  );
  const file = writeResults(out, {
    date: new Date().toISOString(),
    load: loadNote(),
    memoryMb: PROCESS_MEMORY_MB,
    heap,
    rounds,
    reference,
    rows,
    adversarial: Object.keys(ADVERSARIAL_INPUTS),
  });
  console.log(`Figures written to ${file}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
