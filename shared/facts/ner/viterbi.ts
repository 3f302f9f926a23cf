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
 */
export interface ChainDecoder {
  readonly tagCount: number;
  readonly start: Int32Array;
  readonly from: Int32Array;
  readonly weight: Float64Array;
  readonly first: Float64Array;
  readonly ends: Uint8Array;
  best: Float64Array;
  back: Uint8Array;
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
  return {
    tagCount: n,
    start,
    from: Int32Array.from(from),
    weight: Float64Array.from(weight),
    first,
    ends: Uint8Array.from({ length: n }, (_, tag) => (allowedEnd[tag] ? 1 : 0)),
    best: new Float64Array(0),
    back: new Uint8Array(0),
  };
}

/**
 * The highest-scoring allowed tag sequence for `length` tokens (Viterbi): among equal scores the lowest
 * source tag wins, and the lowest final tag.
 */
export function decodeChain(decoder: ChainDecoder, emissions: Float64Array, length: number): Uint8Array {
  const { tagCount: n, start, from: sources, weight, first, ends } = decoder;
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
    for (let tag = 0; tag < n; tag += 1) {
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
