import { describe, expect, it } from 'vitest';
import { tagConstraints } from '#shared/facts/ner/tags.ts';
import { chainDecoder, decodeChain, viterbi } from '#shared/facts/ner/viterbi.ts';

const n = 17;
const { allowed, allowedEnd } = tagConstraints(n);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** The best allowed path by trying every one (tiny lengths only), lowest tags first on a tie. */
function bruteForce(emissions: Float64Array, transitions: Float32Array, length: number): number[] {
  let best: number[] = [];
  let top = Number.NEGATIVE_INFINITY;
  const walk = (path: number[], score: number) => {
    if (path.length === length) {
      if (allowedEnd[path[length - 1] ?? 0] && score > top) {
        top = score;
        best = [...path];
      }
      return;
    }
    const from = path.length === 0 ? n : (path.at(-1) ?? 0);
    for (let tag = 0; tag < n; tag += 1) {
      if (!allowed[from * n + tag]) continue;
      const step = (transitions[from * n + tag] ?? 0) + (emissions[path.length * n + tag] ?? 0);
      walk([...path, tag], score + step);
    }
  };
  walk([], 0);
  return best;
}

describe('decodeChain', () => {
  it('finds the best allowed path, as trying every path does', () => {
    const next = random(7);
    for (let trial = 0; trial < 20; trial += 1) {
      // Arrange
      const length = 1 + (trial % 3);
      const transitions = Float32Array.from({ length: (n + 1) * n }, () => next() * 4 - 2);
      const emissions = Float64Array.from({ length: length * n }, () => next() * 8 - 4);
      // Act
      const path = decodeChain(chainDecoder(n, transitions, allowed, allowedEnd), emissions, length);
      // Assert
      expect([...path]).toEqual(bruteForce(emissions, transitions, length));
    }
  });

  it('gives the same paths when one decoder is reused for sentences of different lengths', () => {
    // Arrange
    const next = random(11);
    const transitions = Float32Array.from({ length: (n + 1) * n }, () => next() * 4 - 2);
    const decoder = chainDecoder(n, transitions, allowed, allowedEnd);
    for (const length of [40, 3, 17, 1, 60, 2]) {
      const emissions = Float64Array.from({ length: length * n }, () => next() * 8 - 4);
      // Act
      const reused = decodeChain(decoder, emissions, length);
      // Assert
      expect([...reused]).toEqual([
        ...viterbi({ tagCount: n, emissions, transitions, allowed, allowedEnd }, length),
      ]);
    }
  });
});
