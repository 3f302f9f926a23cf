/**
 * The tagger's weights by feature row with the zeros left out: four in five weights of the trained model are
 * zero (most features move two or three of the 17 tags), so a row is its non-zero weights, in tag order:
 * row `r`'s are `values[starts[r]]` to `values[starts[r + 1] - 1]`, for the tags `tags[...]`. Adding a row's
 * weights to a sentence's scores adds only these; the sums are exactly the dense rows' (adding zero changes no
 * sum, and the weights of a tag are added in the same order), in 1.7 MB of memory instead of 5.8 MB, which a
 * cold start reads from the model file (models/ner.bin) and touches page by page.
 */
export interface SparseWeights {
  readonly starts: Int32Array;
  readonly tags: Uint8Array;
  readonly values: Float32Array;
}

/** The sparse form of dense weights, `dense[row * tagCount + tag]`. */
export function sparseWeights(dense: Float32Array, tagCount: number): SparseWeights {
  const rows = Math.floor(dense.length / tagCount);
  let count = 0;
  for (const value of dense) if (value !== 0) count += 1;
  const starts = new Int32Array(rows + 1);
  const tags = new Uint8Array(count);
  const values = new Float32Array(count);
  let at = 0;
  for (let row = 0; row < rows; row += 1) {
    for (let tag = 0; tag < tagCount; tag += 1) {
      const value = dense[row * tagCount + tag] as number;
      if (value === 0) continue;
      tags[at] = tag;
      values[at] = value;
      at += 1;
    }
    starts[row + 1] = at;
  }
  return { starts, tags, values };
}

/** One weight: the value of `tag` in feature row `row` (0 when it was left out). */
export function weightOf(weights: SparseWeights, row: number, tag: number): number {
  for (let at = weights.starts[row] as number; at < (weights.starts[row + 1] as number); at += 1) {
    if (weights.tags[at] === tag) return weights.values[at] as number;
  }
  return 0;
}
