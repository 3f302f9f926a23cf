/**
 * Cold start of the process function: its bundle built as the stack builds it (infra/bundling.ts), weighed
 * (code, source map, data), then imported in fresh Node processes (module init, which decodes the NER model)
 * beside a minimal bundle with only the AWS SDK clients and an empty one (Node's own floor), in the same run.
 * CPU time of the import, of the model loads and the rest of a first article (medians of several processes),
 * and of the whole process; with `instructions`, also instruction counts from valgrind's callgrind, which do
 * not move with the machine's load. Then the process bundle's first real invocation: its handler on SQS events
 * of the local stack (bench/first-invocation.ts), where the SDK's first requests are paid too. With
 * `--reference DIR` (a checkout of another commit, with its node_modules), that commit's process bundle instead
 * of the invocations, built the same way and interleaved with this one's, its code cache written and its processes
 * started under that tree's own function flags (its infra/function-sizing.ts): the A/B pairs of a cold-start change.
 *
 *   npm run bench:cold-start [-- --instructions] [-- --reference DIR --processes N --first-article FILE]
 *   (bench:perf measures the same beside its other budgets, without the invocations)
 *
 * Its parts: cold-start-bundles.ts builds the bundles, cold-start-runs.ts runs the fresh processes (their scripts in
 * cold-start-scripts.ts), cold-start-summary.ts reduces them to medians, pairs and the budget lines.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canMeasureChildren } from './child-usage.ts';
import { BUNDLES, buildBundle, functionFlagsOf } from './cold-start-bundles.ts';
import {
  type DeserialiseRun,
  deserialiseRun,
  type FreshRun,
  freshRun,
  optionValue,
  SEED,
} from './cold-start-runs.ts';
import {
  BUDGETS,
  type CodeCachePairs,
  type ColdStart,
  describeProcessColdStart,
  type PairedDifference,
  pairedDifferences,
  type ReferencePairs,
  referencePairs,
  summarise,
} from './cold-start-summary.ts';
import { measureFirstInvocations } from './first-invocation.ts';
import { loadNote, writeResults } from './measure.ts';

export { describeProcessColdStart } from './cold-start-summary.ts';

const FRESH_PROCESSES = 7;
/** Fresh processes whose handler is invoked on the local stack (each takes a few seconds). */
const INVOKED_PROCESSES = 5;

/**
 * The bundles, measured in the same run, their fresh processes interleaved (a round runs each bundle once,
 * in alternating order); with `invocations`, the process handler's too; with `reference` (a checkout of another
 * commit, with its node_modules), that tree's process bundle too, paired with this one's.
 */
export async function measureColdStarts(options: {
  instructions: boolean;
  invocations?: boolean;
  reference?: string;
  processes?: number;
}): Promise<{ coldStarts: ColdStart[]; codeCachePairs: CodeCachePairs; referencePairs?: ReferencePairs }> {
  const directory = mkdtempSync(join(tmpdir(), 'precis-cold-start-'));
  const { reference, processes = FRESH_PROCESSES } = options;
  try {
    const bundles: (readonly [string, string])[] = await Promise.all(
      (Object.keys(BUNDLES) as (keyof typeof BUNDLES)[]).map(
        async (name) => [name, await buildBundle(name, directory)] as const,
      ),
    );
    if (reference !== undefined)
      bundles.push([
        'reference',
        await buildBundle('process', directory, `${resolve(reference)}/`, 'reference'),
      ]);
    // The reference's processes start with its own flags, as its stack would start them.
    const flags = new Map([
      ['reference', reference === undefined ? [] : await functionFlagsOf(`${resolve(reference)}/`)],
    ]);
    const runs = new Map<string, FreshRun[]>(bundles.map(([name]) => [name, []]));
    const deserialised: DeserialiseRun[] = [];
    const processBundle = bundles.find(([name]) => name === 'process')?.[1];
    for (let round = 0; round < processes; round++) {
      for (const [name, bundle] of round % 2 === 0 ? bundles : [...bundles].reverse())
        runs.get(name)?.push(freshRun(name, bundle, directory, flags.get(name)));
      if (processBundle !== undefined) deserialised.push(deserialiseRun(processBundle, directory));
    }
    const coldStarts = bundles.map(([name, bundle]) =>
      summarise(
        name === 'reference' ? 'process' : name,
        bundle,
        runs.get(name) ?? [],
        name === 'process' ? deserialised : [],
        directory,
        options.instructions,
        flags.get(name),
      ),
    );
    const codeCachePairs = pairedDifferences(runs.get('process') ?? [], runs.get('process-no-cache') ?? []);
    if (reference !== undefined) {
      return {
        coldStarts: coldStarts.map((cold, index) =>
          bundles[index]?.[0] === 'reference' ? { ...cold, bundle: 'reference' } : cold,
        ),
        codeCachePairs,
        referencePairs: referencePairs(reference, runs.get('process') ?? [], runs.get('reference') ?? []),
      };
    }
    if (!options.invocations || processBundle === undefined) return { coldStarts, codeCachePairs };
    const invocations = await measureFirstInvocations(
      processBundle,
      readFileSync(SEED),
      directory,
      INVOKED_PROCESSES,
    );
    return {
      coldStarts: coldStarts.map((cold) => (cold.bundle === 'process' ? { ...cold, invocations } : cold)),
      codeCachePairs,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!canMeasureChildren()) {
    console.log('/usr/bin/time not found (apt-get install -y time): cold-start figures need it');
    return;
  }
  const instructions = process.argv.includes('--instructions');
  const reference = optionValue('--reference');
  const processes = Number(optionValue('--processes') ?? FRESH_PROCESSES);
  console.log(
    `bench:cold-start, ${loadNote()} on 2 shared cores; median of ${processes} fresh processes. CPU is summed over ` +
      'all threads (the budget: Lambda at 1,536 MB has under one vCPU, so background compilation and GC are not free), ' +
      'main = the main thread alone, wall = elapsed (moves with the machine load)',
  );
  const { coldStarts, codeCachePairs, referencePairs } = await measureColdStarts({
    instructions,
    invocations: reference === undefined,
    ...(reference === undefined ? {} : { reference }),
    processes,
  });
  const ms = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(0));
  for (const cold of coldStarts) {
    console.log(
      `${cold.bundle}: code ${(cold.codeBytes / 1e6).toFixed(2)} MB, map ${(cold.sourceMapBytes / 1e6).toFixed(2)} MB, data ${(cold.dataBytes / 1e6).toFixed(2)} MB, ` +
        `code cache ${(cold.codeCacheBytes / 1e6).toFixed(2)} MB (${cold.codeCache ?? 'none'}); ` +
        `module init ${ms(cold.importCpuMs)} ms CPU (main ${ms(cold.importMainThreadMs)}, wall ${ms(cold.importWallMs)}, ${cold.importMinorFaults} minor faults)` +
        (cold.firstArticleCpuMs === undefined
          ? ''
          : `, first article ${ms(cold.firstArticleCpuMs)} ms CPU (main ${ms(cold.firstArticleMainThreadMs)}, wall ${ms(cold.firstArticleWallMs)}, ` +
            `${cold.firstArticleMinorFaults} minor faults)`) +
        `; whole process ${ms(cold.processCpuMs)} ms CPU (wall ${ms(cold.processWallMs)})` +
        (cold.instructions === undefined ? '' : `; ${(cold.instructions / 1e9).toFixed(2)} G instructions`),
    );
  }
  console.log(
    `code cache: init + first article with it minus without, in ${codeCachePairs.rounds} interleaved pairs of fresh processes: ` +
      `median ${codeCachePairs.medianDifferenceMs.toFixed(0)} ms CPU, faster in ${codeCachePairs.faster} of ${codeCachePairs.rounds}`,
  );
  const processBundle = coldStarts.find((cold) => cold.bundle === 'process');
  const invocations = processBundle?.invocations;
  if (invocations !== undefined) {
    console.log(
      `process handler on the local stack (median of ${invocations.processes} fresh processes, one upload of the seed per invocation): ` +
        `module init ${ms(invocations.initCpuMs)} ms CPU, first invocation ${ms(invocations.firstInvocationCpuMs)} ms, ` +
        `second ${ms(invocations.secondInvocationCpuMs)} ms`,
    );
  }
  for (const line of describeProcessColdStart(coldStarts)) console.log(line);
  if (referencePairs !== undefined) {
    const pair = ({ medianDifferenceMs, faster }: PairedDifference, unit = 'ms', better = 'faster') =>
      `${medianDifferenceMs > 0 ? '+' : ''}${medianDifferenceMs.toFixed(0)} ${unit} (${better} in ${faster} of ${referencePairs.rounds})`;
    console.log(
      `against the reference ${referencePairs.reference} (its process bundle, built and cached the same way, in ${referencePairs.rounds} ` +
        `interleaved pairs of fresh processes; medians of the differences, this tree minus the reference): init ${pair(referencePairs.init)}, ` +
        `init + model loads ${pair(referencePairs.initAndModels)}, init + first article ${pair(referencePairs.initAndFirstArticle)}; ` +
        `minor faults: init ${pair(referencePairs.initFaults, 'faults', 'fewer')}, init + first article ${pair(referencePairs.initAndFirstArticleFaults, 'faults', 'fewer')}`,
    );
    return;
  }
  console.log(
    `wrote ${writeResults('cold-start', {
      measuredAt: new Date().toISOString(),
      load: loadNote(),
      budgets: BUDGETS,
      coldStarts,
      codeCachePairs,
    })}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
