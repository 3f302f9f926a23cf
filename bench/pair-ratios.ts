/**
 * The ratio of two trees' times over interleaved pairs (reference / this: above 1 is faster here), as
 * bench:stage-pairs and bench:cli-pairs report it: the median and range of the pairs' ratios, and their
 * geometric mean with a 95% confidence interval from a bootstrap over the pairs (bench/bootstrap.ts, on the
 * logarithms of the times, so the interval is of a ratio and symmetric in which tree is the reference).
 */
import { pairedBootstrap } from './bootstrap.ts';
import { median } from './measure.ts';

export interface PairRatios {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** exp(mean log ratio), and its bootstrap interval. */
  readonly geometricMean: number;
  readonly low: number;
  readonly high: number;
}

export function pairRatios(reference: readonly number[], ours: readonly number[]): PairRatios {
  if (reference.length === 0 || reference.length !== ours.length)
    throw new RangeError(
      `pairRatios needs as many times of each tree, at least one: ${reference.length}, ${ours.length}`,
    );
  const ratios = reference.map((value, index) => value / (ours[index] as number));
  const interval = pairedBootstrap(reference.map(Math.log), ours.map(Math.log));
  return {
    median: median(ratios),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
    geometricMean: Math.exp(interval.mean),
    low: Math.exp(interval.low),
    high: Math.exp(interval.high),
  };
}

/** "median ratio 1.02x (0.95x to 1.10x), geometric mean 1.021x, 95% CI 0.990x to 1.050x" */
export function describeRatios(ratios: PairRatios, digits = 2): string {
  const times = (value: number, places = digits) => `${value.toFixed(places)}x`;
  return (
    `median ratio ${times(ratios.median)} (${times(ratios.min)} to ${times(ratios.max)}), ` +
    `geometric mean ${times(ratios.geometricMean, 3)}, 95% CI ${times(ratios.low, 3)} to ${times(ratios.high, 3)}`
  );
}
