/**
 * The best set of candidate sentences within a length: at most `sentences` of them and at most `words` words
 * in all. Exhaustive over small pools (every article's lead), greedy beyond that.
 */

export interface Limits {
  /** Most sentences in the set. */
  readonly sentences: number;
  /** Most words in the set; undefined for no word limit. */
  readonly words?: number;
}

/** Above this many subsets the search turns greedy. */
const MAX_EXHAUSTIVE_SUBSETS = 5000;

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

/** Every subset of 0..n-1 with 1 to k members, in lexicographic order of members. */
function* subsets(n: number, k: number, from = 0, prefix: number[] = []): Generator<number[]> {
  for (let i = from; i < n; i++) {
    const set = [...prefix, i];
    yield set;
    if (set.length < k) yield* subsets(n, k, i + 1, set);
  }
}

function subsetCount(n: number, k: number): number {
  let total = 0;
  for (let size = 1; size <= Math.min(n, k); size++) total += binomial(n, size);
  return total;
}

/**
 * The set of `pool` members that maximises `value` within `limits`. Among sets of equal value the one found
 * first wins (earlier sentences). Without a word limit only sets of exactly `limits.sentences` members (or
 * the whole pool) are considered, since a value that never decreases with more sentences would pick the
 * largest anyway. Returns [] when no single member fits the word limit.
 */
export function bestSubset<T>(
  pool: readonly T[],
  limits: Limits,
  wordsOf: (member: T) => number,
  value: (set: readonly T[]) => number,
): T[] {
  const size = Math.min(limits.sentences, pool.length);
  const fits = (set: readonly T[]) =>
    limits.words === undefined || set.reduce((sum, member) => sum + wordsOf(member), 0) <= limits.words;
  const wanted = (set: readonly T[]) => (limits.words === undefined ? set.length === size : true);
  if (subsetCount(pool.length, size) > MAX_EXHAUSTIVE_SUBSETS) return greedy(pool, size, fits, value);
  let best: T[] = [];
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const indices of subsets(pool.length, size)) {
    const set = indices.map((index) => pool[index] as T);
    if (!wanted(set) || !fits(set)) continue;
    const setValue = value(set);
    if (setValue > bestValue) {
      bestValue = setValue;
      best = set;
    }
  }
  return best;
}

/** Adds the member that raises the value most while the set still fits, until none does. */
function greedy<T>(
  pool: readonly T[],
  size: number,
  fits: (set: readonly T[]) => boolean,
  value: (set: readonly T[]) => number,
): T[] {
  const chosen: T[] = [];
  while (chosen.length < size) {
    let next: T | undefined;
    let nextValue = Number.NEGATIVE_INFINITY;
    for (const member of pool) {
      if (chosen.includes(member) || !fits([...chosen, member])) continue;
      const setValue = value([...chosen, member]);
      if (setValue > nextValue) {
        nextValue = setValue;
        next = member;
      }
    }
    if (next === undefined) break;
    chosen.push(next);
  }
  return chosen;
}
