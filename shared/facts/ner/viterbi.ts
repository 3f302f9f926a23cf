/** Scores for a linear-chain decoder over `tagCount` tags. */
export interface ChainScores {
  readonly tagCount: number;
  /** `emissions[t * tagCount + tag]`: score of `tag` at token t. */
  readonly emissions: Float64Array;
  /** `transitions[from * tagCount + to]`; row `tagCount` holds the scores of starting on `to`. */
  readonly transitions: ArrayLike<number>;
  /** `allowed[from * tagCount + to]` (row `tagCount` for the start); `allowedEnd[tag]`. */
  readonly allowed: ArrayLike<boolean>;
  readonly allowedEnd: ArrayLike<boolean>;
}

/**
 * A decoder for fixed transitions and constraints, laid out for the inner loop: for each tag, the tags it
 * may follow, ascending (`from[start[tag] .. start[tag + 1]]`; BILOU allows about half of them), with the
 * transition score of each beside it (`weight`, the same index), the start scores (-Infinity where a
 * sentence may not start), and scratch lattices reused from sentence to sentence.
 *
 * Beside them, the tags that may follow the same tags, in groups (BILOU: O, B-* and U-* all follow O, L-*
 * and U-*): `groupOf[tag]` (-1 for a tag in no group of at least GROUP_SOURCES sources and two tags), each
 * group's sources (`groupFrom[groupStart[g] .. groupStart[g + 1]]`) and the spread of its transition scores
 * (`spread[g]`: the highest less the lowest). When, at a step, one source of a group leads every other by
 * more than the spread, it is the best source of every tag of the group (see `decideGroups`), and the
 * tags are scored from it alone.
 */
export interface ChainDecoder {
  readonly tagCount: number;
  readonly start: Int32Array;
  readonly from: Int32Array;
  readonly weight: Float64Array;
  readonly first: Float64Array;
  readonly ends: Uint8Array;
  /** `transition[from * tagCount + to]`, as `weight` holds it. */
  readonly transition: Float64Array;
  readonly groupOf: Int32Array;
  readonly groupStart: Int32Array;
  readonly groupFrom: Int32Array;
  readonly spread: Float64Array;
  /** The largest transition score in size, for the rounding margin of `decideGroups`. */
  readonly largest: number;
  /** Scratch: each group's decided source at the current step, or -1. */
  readonly decided: Int32Array;
  best: Float64Array;
  back: Uint8Array;
}

/** Sources a group of tags needs at least for deciding it at once to save work. */
const GROUP_SOURCES = 3;

/** Tags that may follow the same tags (at least GROUP_SOURCES of them), grouped, as ChainDecoder holds them. */
function groupTags(n: number, start: Int32Array, from: Int32Array, transition: Float64Array) {
  const bySources = new Map<string, number[]>();
  for (let tag = 0; tag < n; tag += 1) {
    const sources = from.subarray(start[tag], start[tag + 1]);
    if (sources.length < GROUP_SOURCES) continue;
    const key = sources.join(',');
    bySources.set(key, [...(bySources.get(key) ?? []), tag]);
  }
  const groupOf = new Int32Array(n).fill(-1);
  const groupStart = [0];
  const groupFrom: number[] = [];
  const spread: number[] = [];
  for (const [key, tags] of bySources) {
    if (tags.length < 2) continue;
    const sources = key.split(',').map(Number);
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const tag of tags) {
      groupOf[tag] = spread.length;
      for (const source of sources) {
        const score = transition[source * n + tag] as number;
        low = Math.min(low, score);
        high = Math.max(high, score);
      }
    }
    groupFrom.push(...sources);
    groupStart.push(groupFrom.length);
    spread.push(high - low);
  }
  return {
    groupOf,
    groupStart: Int32Array.from(groupStart),
    groupFrom: Int32Array.from(groupFrom),
    spread: Float64Array.from(spread),
    decided: new Int32Array(spread.length),
  };
}

/** The decoder of a model's transitions and constraints (taken as they are now: a copy). */
export function chainDecoder(
  tagCount: number,
  transitions: ArrayLike<number>,
  allowed: ArrayLike<boolean>,
  allowedEnd: ArrayLike<boolean>,
): ChainDecoder {
  const n = tagCount;
  const start = new Int32Array(n + 1);
  const from: number[] = [];
  const weight: number[] = [];
  for (let tag = 0; tag < n; tag += 1) {
    for (let source = 0; source < n; source += 1) {
      if (!allowed[source * n + tag]) continue;
      from.push(source);
      weight.push(transitions[source * n + tag] as number);
    }
    start[tag + 1] = from.length;
  }
  const first = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (let tag = 0; tag < n; tag += 1) {
    if (allowed[n * n + tag]) first[tag] = transitions[n * n + tag] ?? 0;
  }
  const sources = Int32Array.from(from);
  const transition = Float64Array.from({ length: n * n }, (_, k) => transitions[k] as number);
  let largest = 0;
  for (const score of weight) largest = Math.max(largest, Math.abs(score));
  return {
    tagCount: n,
    start,
    from: sources,
    weight: Float64Array.from(weight),
    first,
    ends: Uint8Array.from({ length: n }, (_, tag) => (allowedEnd[tag] ? 1 : 0)),
    transition,
    ...groupTags(n, start, sources, transition),
    largest,
    best: new Float64Array(0),
    back: new Uint8Array(0),
  };
}

/**
 * For each group of tags, the source that is the best of every tag of the group at the step after
 * `previous`, or -1 when no source leads the others by more than the group's spread (ties included).
 * A source s that leads every other source r by more than the spread scores best[s] + transition[s][t]
 * above best[r] + transition[r][t] for every tag t of the group, so it is the one source whose score is
 * the highest, as the full loop finds it. The margin beyond the spread (a 2^-40 share of the sizes) covers
 * the rounding of the two sums the full loop compares, each within 2^-53 of its size.
 */
function decideGroups(decoder: ChainDecoder, previous: number): void {
  const { best, groupStart, groupFrom, spread, decided, largest } = decoder;
  for (let g = 0; g < decided.length; g += 1) {
    let top = Number.NEGATIVE_INFINITY;
    let second = Number.NEGATIVE_INFINITY;
    let leader = -1;
    const end = groupStart[g + 1] as number;
    for (let k = groupStart[g] as number; k < end; k += 1) {
      const source = groupFrom[k] as number;
      const score = best[previous + source] as number;
      if (score > top) {
        second = top;
        top = score;
        leader = source;
      } else if (score > second) {
        second = score;
      }
    }
    const margin = (spread[g] as number) + 2 ** -40 * (Math.abs(top) + largest + 1);
    decided[g] = top !== Number.NEGATIVE_INFINITY && top - second > margin ? leader : -1;
  }
}

/**
 * The highest-scoring allowed tag sequence for `length` tokens (Viterbi): among equal scores the lowest
 * source tag wins, and the lowest final tag.
 */
export function decodeChain(decoder: ChainDecoder, emissions: Float64Array, length: number): Uint8Array {
  const { tagCount: n, start, from: sources, weight, first, ends, transition, groupOf, decided } = decoder;
  const path = new Uint8Array(length);
  if (length === 0) return path;
  if (decoder.best.length < length * n) {
    decoder.best = new Float64Array(length * n);
    decoder.back = new Uint8Array(length * n);
  }
  const { best, back } = decoder;
  // A start the constraints refuse stays -Infinity whatever its emission.
  for (let tag = 0; tag < n; tag += 1) best[tag] = (first[tag] as number) + (emissions[tag] ?? 0);
  for (let t = 1; t < length; t += 1) {
    const previous = (t - 1) * n;
    const here = t * n;
    decideGroups(decoder, previous);
    for (let tag = 0; tag < n; tag += 1) {
      const group = groupOf[tag] as number;
      const leader = group < 0 ? -1 : (decided[group] as number);
      if (leader >= 0) {
        best[here + tag] =
          (best[previous + leader] as number) +
          (transition[leader * n + tag] as number) +
          (emissions[here + tag] as number);
        back[here + tag] = leader;
        continue;
      }
      let top = Number.NEGATIVE_INFINITY;
      let arg = 0;
      const end = start[tag + 1] as number;
      for (let k = start[tag] as number; k < end; k += 1) {
        const source = sources[k] as number;
        const score = (best[previous + source] as number) + (weight[k] as number);
        if (score > top) {
          top = score;
          arg = source;
        }
      }
      best[here + tag] = top + (emissions[here + tag] as number);
      back[here + tag] = arg;
    }
  }
  let last = 0;
  let top = Number.NEGATIVE_INFINITY;
  const final = (length - 1) * n;
  for (let tag = 0; tag < n; tag += 1) {
    const score = best[final + tag] as number;
    if (ends[tag] === 1 && score > top) {
      top = score;
      last = tag;
    }
  }
  path[length - 1] = last;
  for (let t = length - 1; t > 0; t -= 1) path[t - 1] = back[t * n + (path[t] as number)] as number;
  return path;
}

/** The highest-scoring allowed tag sequence for `length` tokens (Viterbi), for scores used once (training). */
export function viterbi(scores: ChainScores, length: number): Uint8Array {
  const { tagCount, emissions, transitions, allowed, allowedEnd } = scores;
  return decodeChain(chainDecoder(tagCount, transitions, allowed, allowedEnd), emissions, length);
}
