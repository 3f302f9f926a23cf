/**
 * Paired bootstrap confidence intervals for a difference of means: resample the articles (with
 * replacement), keeping each article's pair of scores together, and read the percentiles of the resampled
 * mean differences. Seeded, so a run is reproducible.
 */

export interface Interval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

const RESAMPLES = 10_000;
const SEED = 20_260_501;

/** mulberry32: a small, well-mixed 32-bit generator; numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function percentile(sorted: readonly number[], share: number): number {
  const position = share * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? 0;
  return low + ((sorted[above] ?? low) - low) * (position - below);
}

/** Mean of a - b over paired values, with its `confidence` interval (0.95 by default). */
export function pairedBootstrap(
  a: readonly number[],
  b: readonly number[],
  confidence = 0.95,
  resamples = RESAMPLES,
): Interval {
  const differences = a.map((value, index) => value - (b[index] ?? 0));
  const n = differences.length;
  const mean = differences.reduce((sum, value) => sum + value, 0) / Math.max(1, n);
  const random = seededRandom(SEED);
  const means: number[] = [];
  for (let resample = 0; resample < resamples; resample++) {
    let sum = 0;
    for (let draw = 0; draw < n; draw++) sum += differences[Math.floor(random() * n)] ?? 0;
    means.push(sum / Math.max(1, n));
  }
  means.sort((x, y) => x - y);
  const tail = (1 - confidence) / 2;
  return { mean, low: percentile(means, tail), high: percentile(means, 1 - tail) };
}
