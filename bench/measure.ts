/**
 * Measuring on a shared machine: CPU time of this process (user + system), not wall time, since up to eight
 * engineers share two cores; peak RSS; and the order statistics the benchmarks report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const MIB = 1024 * 1024;

/** CPU seconds spent by this process in `run`, with its value. */
export function cpuTimed<T>(run: () => T): { value: T; cpuSeconds: number } {
  const started = process.cpuUsage();
  const value = run();
  const { user, system } = process.cpuUsage(started);
  return { value, cpuSeconds: (user + system) / 1e6 };
}

/** Peak resident set size of this process so far (since its start or the last `resetPeakRss`), in MiB. */
export const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

/**
 * Sets this process's peak RSS back to its current RSS (Linux 4.0+: "5" written to /proc/self/clear_refs
 * resets the high-water mark that getrusage's maxRSS and VmHWM read), so that `peakRssMiB` then gives the
 * peak of what follows alone. False where the kernel does not offer it: the peak stays the process's.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** One measured pass: its CPU seconds, the RSS it started from and its own peak RSS (MiB). */
export interface PassMeasure<T> {
  readonly value: T;
  readonly cpuSeconds: number;
  readonly startMiB: number;
  readonly peakMiB: number;
  /** False when the peak could not be reset, so `peakMiB` is the process's peak so far. */
  readonly ownPeak: boolean;
}

/** Runs `run` with the peak RSS reset at its start: CPU seconds, the RSS it started from, its own peak. */
export function measurePass<T>(run: () => T): PassMeasure<T> {
  const ownPeak = resetPeakRss();
  const startMiB = process.memoryUsage.rss() / MIB;
  const { value, cpuSeconds } = cpuTimed(run);
  return { value, cpuSeconds, startMiB, peakMiB: peakRssMiB(), ownPeak };
}

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
