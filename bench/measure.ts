/**
 * Measuring on a shared machine: CPU time of this process (user + system), not wall time, since up to eight
 * engineers share two cores; peak RSS; and the order statistics the benchmarks report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** CPU seconds spent by this process in `run`, with its value. */
export function cpuTimed<T>(run: () => T): { value: T; cpuSeconds: number } {
  const started = process.cpuUsage();
  const value = run();
  const { user, system } = process.cpuUsage(started);
  return { value, cpuSeconds: (user + system) / 1e6 };
}

/** Peak resident set size of this process so far, in MiB. */
export const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

/** The q-quantile (0..1) of `values` by the nearest-rank method; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** "load average 3.1 on 2 cores": printed with every figure, since it moves them. */
export const loadNote = (): string => `load average ${loadavg()[0]?.toFixed(1)}`;

/** Writes a benchmark's figures as JSON under bench/results/, for `npm run cost` and the README. */
export function writeResults(name: string, results: unknown): string {
  const directory = new URL('./results/', import.meta.url);
  mkdirSync(directory, { recursive: true });
  const file = new URL(`${name}.json`, directory);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file.pathname;
}
