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

export interface SubsetSearch<T> {
  /** A member's words, never negative: a set that is over the word limit stays over it with more members. */
  readonly wordsOf: (member: T) => number;
  /** What a set is worth; higher is better. The set passed is only valid during the call. */
  readonly value: (set: readonly T[]) => number;
  /**
   * Sets that may not be chosen at all (a sentence without the one it depends on). A set that is not allowed
   * stays so when members that come later in the pool join it: the search skips every such extension.
   */
  readonly isAllowed?: (set: readonly T[]) => boolean;
}

/** Above this many subsets the search turns greedy. */
const MAX_EXHAUSTIVE_SUBSETS = 5000;

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

function subsetCount(n: number, k: number): number {
  let total = 0;
  for (let size = 1; size <= Math.min(n, k); size++) total += binomial(n, size);
  return total;
}

/**
 * The allowed set of `pool` members that maximises `value` within `limits`; among sets of equal value the
 * earlier one wins. Without a word limit the set is as large as the limits and the pool allow (a value that
 * does not fall with more sentences would choose that anyway); with one, the value alone decides the size.
 * Returns [] when no allowed set fits.
 */
export function bestSubset<T>(pool: readonly T[], limits: Limits, search: SubsetSearch<T>): T[] {
  const size = Math.min(limits.sentences, pool.length);
  const fits = (set: readonly T[]) =>
    (limits.words === undefined ||
      set.reduce((sum, member) => sum + search.wordsOf(member), 0) <= limits.words) &&
    (search.isAllowed?.(set) ?? true);
  if (subsetCount(pool.length, size) > MAX_EXHAUSTIVE_SUBSETS) return greedy(pool, size, fits, search.value);
  const bestBySize: { set: T[]; value: number }[] = [];
  // Every set of 1 to `size` members, depth first: each set, then the sets that extend it with later members,
  // so sets of one size come in lexicographic order. A set that does not fit has no extension that does (more
  // words; isAllowed's contract), so those are skipped. `set` is reused: only the best are copied.
  const set: T[] = [];
  const visitFrom = (from: number) => {
    for (let index = from; index < pool.length; index++) {
      set.push(pool[index] as T);
      if (fits(set)) {
        const value = search.value(set);
        const best = bestBySize[set.length];
        if (best === undefined || value > best.value) bestBySize[set.length] = { set: [...set], value };
        if (set.length < size) visitFrom(index + 1);
      }
      set.pop();
    }
  };
  visitFrom(0);
  const found = bestBySize.filter((best) => best !== undefined);
  if (limits.words === undefined) return found.at(-1)?.set ?? [];
  return (
    found.reduce<{ set: T[]; value: number } | undefined>(
      (best, next) => (best === undefined || next.value > best.value ? next : best),
      undefined,
    )?.set ?? []
  );
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
