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

/** For each tag, the tags it may follow, ascending: `from[start[tag] .. start[tag + 1]]`. */
interface Sources {
  readonly start: Int32Array;
  readonly from: Int32Array;
}

const sourcesMemo = new WeakMap<ArrayLike<boolean>, Sources>();

/** The tags each tag may follow (BILOU allows about half of them), flat for the decoder's inner loop. */
function allowedSources(allowed: ArrayLike<boolean>, n: number): Sources {
  let sources = sourcesMemo.get(allowed);
  if (!sources) {
    const lists = Array.from({ length: n }, (_, tag) =>
      Array.from({ length: n }, (_, from) => from).filter((from) => allowed[from * n + tag]),
    );
    const start = new Int32Array(n + 1);
    lists.forEach((list, tag) => {
      start[tag + 1] = (start[tag] as number) + list.length;
    });
    sources = { start, from: Int32Array.from(lists.flat()) };
    sourcesMemo.set(allowed, sources);
  }
  return sources;
}

/** The highest-scoring allowed tag sequence for `length` tokens (Viterbi). */
export function viterbi(scores: ChainScores, length: number): Uint8Array {
  const { tagCount: n, emissions, transitions, allowed, allowedEnd } = scores;
  const path = new Uint8Array(length);
  if (length === 0) return path;
  const best = new Float64Array(length * n).fill(Number.NEGATIVE_INFINITY);
  const back = new Uint8Array(length * n);
  const { start, from: sources } = allowedSources(allowed, n);
  for (let tag = 0; tag < n; tag += 1) {
    if (allowed[n * n + tag]) best[tag] = (transitions[n * n + tag] ?? 0) + (emissions[tag] ?? 0);
  }
  for (let t = 1; t < length; t += 1) {
    const previous = (t - 1) * n;
    for (let tag = 0; tag < n; tag += 1) {
      let top = Number.NEGATIVE_INFINITY;
      let arg = 0;
      const end = start[tag + 1] as number;
      for (let k = start[tag] as number; k < end; k += 1) {
        const from = sources[k] as number;
        const score = (best[previous + from] as number) + (transitions[from * n + tag] as number);
        if (score > top) {
          top = score;
          arg = from;
        }
      }
      best[t * n + tag] = top + (emissions[t * n + tag] as number);
      back[t * n + tag] = arg;
    }
  }
  let last = 0;
  let top = Number.NEGATIVE_INFINITY;
  for (let tag = 0; tag < n; tag += 1) {
    const score = best[(length - 1) * n + tag] ?? 0;
    if (allowedEnd[tag] && score > top) {
      top = score;
      last = tag;
    }
  }
  path[length - 1] = last;
  for (let t = length - 1; t > 0; t -= 1) path[t - 1] = back[t * n + (path[t] ?? 0)] ?? 0;
  return path;
}
