/**
 * Paired bootstrap confidence interval for a difference of micro F1 between two systems scored on the same
 * documents: resample the documents (with replacement), keeping each document's two sets of counts
 * together, and read the percentiles of the resampled F1 differences. Seeded, so a run is reproducible.
 */
import { type Counts, microCounts, type ScoredType, score } from '#shared/facts/ner/evaluate.ts';
import { type Interval, seededRandom } from './bootstrap.ts';

const RESAMPLES = 2_000;
const SEED = 20_261_130;

type DocumentCounts = Record<ScoredType, Counts>;

function microF1(documents: readonly DocumentCounts[], picks: readonly number[]): number {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const pick of picks) {
    const counts = microCounts(documents[pick] as DocumentCounts);
    total.tp += counts.tp;
    total.fp += counts.fp;
    total.fn += counts.fn;
  }
  return score(total).f1;
}

/** Micro F1 of `a` minus that of `b` (paired by index), with its 95% interval. */
export function microF1Difference(a: readonly DocumentCounts[], b: readonly DocumentCounts[]): Interval {
  const n = Math.min(a.length, b.length);
  const all = Array.from({ length: n }, (_, index) => index);
  const mean = microF1(a, all) - microF1(b, all);
  const random = seededRandom(SEED);
  const differences: number[] = [];
  for (let resample = 0; resample < RESAMPLES; resample++) {
    const picks = all.map(() => Math.floor(random() * n));
    differences.push(microF1(a, picks) - microF1(b, picks));
  }
  differences.sort((x, y) => x - y);
  const at = (share: number) => differences[Math.round(share * (differences.length - 1))] ?? 0;
  return { mean, low: at(0.025), high: at(0.975) };
}
