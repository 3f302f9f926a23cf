import { describe, expect, it } from 'vitest';
import { TAGS, tagConstraints } from '#shared/facts/ner/tags.ts';
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

/** Viterbi in its plainest form: every allowed source of every tag, lowest source and final tag on a tie. */
function plainViterbi(emissions: Float64Array, transitions: Float32Array, length: number): number[] {
  const best: number[][] = [];
  const back: number[][] = [];
  for (let t = 0; t < length; t += 1) {
    best.push([]);
    back.push([]);
    for (let tag = 0; tag < n; tag += 1) {
      let top = Number.NEGATIVE_INFINITY;
      let arg = 0;
      if (t === 0) top = allowed[n * n + tag] ? (transitions[n * n + tag] ?? 0) : top;
      for (let source = 0; t > 0 && source < n; source += 1) {
        if (!allowed[source * n + tag]) continue;
        const score = (best[t - 1]?.[source] ?? 0) + (transitions[source * n + tag] ?? 0);
        if (score > top) {
          top = score;
          arg = source;
        }
      }
      (best[t] as number[]).push(top + (emissions[t * n + tag] ?? 0));
      (back[t] as number[]).push(arg);
    }
  }
  let last = 0;
  let top = Number.NEGATIVE_INFINITY;
  for (let tag = 0; tag < n; tag += 1) {
    const score = best[length - 1]?.[tag] ?? 0;
    if (allowedEnd[tag] && score > top) {
      top = score;
      last = tag;
    }
  }
  const path = [last];
  for (let t = length - 1; t > 0; t -= 1) path.unshift(back[t]?.[path[0] ?? 0] ?? 0);
  return path;
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

  it('groups the BILOU tags that follow the same tags: O, B-* and U-* (after O, L-* or U-*)', () => {
    const decoder = chainDecoder(n, new Float32Array((n + 1) * n), allowed, allowedEnd);
    const grouped = TAGS.filter((_, tag) => decoder.groupOf[tag] === 0);
    expect(grouped).toEqual(['O', 'B-PER', 'U-PER', 'B-ORG', 'U-ORG', 'B-LOC', 'U-LOC', 'B-MISC', 'U-MISC']);
    expect([...decoder.groupFrom].map((tag) => TAGS[tag])).toEqual([
      'O',
      'L-PER',
      'U-PER',
      'L-ORG',
      'U-ORG',
      'L-LOC',
      'U-LOC',
      'L-MISC',
      'U-MISC',
    ]);
    expect([...decoder.groupOf].filter((group) => group > 0)).toEqual([]);
  });

  it('scores a group of tags from its one leading source as the full loop does, ties included', () => {
    // Emissions far apart make one source lead most steps (the decoder then skips the other sources);
    // whole numbers make exact ties, where the lowest source must still win.
    const next = random(23);
    for (const [spread, whole] of [
      [60, false],
      [6, true],
      [40, true],
    ] as const) {
      // Arrange
      const draw = (size: number) =>
        whole ? Math.round(next() * size - size / 2) : next() * size - size / 2;
      const transitions = Float32Array.from({ length: (n + 1) * n }, () => draw(4));
      const decoder = chainDecoder(n, transitions, allowed, allowedEnd);
      for (const length of [1, 2, 30, 120]) {
        const emissions = Float64Array.from({ length: length * n }, () => draw(spread));
        // Act
        const path = decodeChain(decoder, emissions, length);
        // Assert
        expect([...path]).toEqual(plainViterbi(emissions, transitions, length));
      }
    }
  });
});
