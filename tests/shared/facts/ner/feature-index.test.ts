import { describe, expect, it } from 'vitest';
import { sentenceEmissions } from '#shared/facts/ner/emissions.ts';
import {
  atomOf,
  buildFeatureIndex,
  featureRow,
  NONE,
  pairRow,
  rowOfName,
  templateOf,
} from '#shared/facts/ner/feature-index.ts';
import {
  describeDocument,
  featureNames,
  sentenceContext,
  sentenceFeatures,
} from '#shared/facts/ner/features.ts';
import { createScorer } from '#shared/facts/ner/scorer.ts';
import { weightOf } from '#shared/facts/ner/sparse-weights.ts';
import { stringCount } from '#shared/facts/ner/string-table.ts';
import { loadNerModel } from '#shared/facts/ner/tag-entities.ts';
import { tokenizeSentences } from '#shared/facts/ner/tokenize.ts';
import { SEED_TEXT } from '#tests/helpers/seed.ts';

type Scorer = ReturnType<typeof createScorer>;

/**
 * Scores each seed sentence with the committed model's scorer and with a small one made by `makeScorer`, taking
 * turns on the same token descriptions, and expects the same emissions; `checkSize` bounds the small scorer after
 * each sentence of `tokens` tokens.
 */
function expectTheModelsScores(
  makeScorer: (model: ReturnType<typeof loadNerModel>) => Scorer,
  checkSize: (small: Scorer, tokens: number) => void,
): void {
  // Arrange
  const model = loadNerModel();
  const small = makeScorer(model);
  const sentences = tokenizeSentences(SEED_TEXT);
  const document = describeDocument(sentences, model.gazetteer);
  sentences.forEach((_, s) => {
    const context = sentenceContext(document, s);
    const size = context.tokens.length * model.tagCount;
    // Act
    const expected = [...sentenceEmissions(model.scorer, context, new Map()).emissions.subarray(0, size)];
    const emissions = [...sentenceEmissions(small, context, new Map()).emissions.subarray(0, size)];
    // Assert
    expect(emissions).toEqual(expected);
    checkSize(small, context.tokens.length);
  });
}

describe('buildFeatureIndex', () => {
  it('finds a one-part feature by its template and value, and nothing for another value', () => {
    const index = buildFeatureIndex(['b=', 'w=acme', 'fs|sh=Xx']);
    expect(featureRow(index, templateOf(index, 'w'), atomOf(index, 'acme'), NONE)).toBe(1);
    expect(featureRow(index, templateOf(index, 'fs|sh'), atomOf(index, 'Xx'), NONE)).toBe(2);
    expect(featureRow(index, templateOf(index, 'w'), atomOf(index, 'Xx'), NONE)).toBe(-1);
    expect(featureRow(index, templateOf(index, 'w'), atomOf(index, 'zorblat'), NONE)).toBe(-1);
  });

  it('finds a two-part value under each cut at a "|", and not under other halves', () => {
    const index = buildFeatureIndex(['w-1|0=a|b|c', 'w-1|0=a|b']);
    const template = templateOf(index, 'w-1|0');
    const row = (left: string, right: string) =>
      pairRow(index, template, atomOf(index, left), atomOf(index, right));
    expect(row('a', 'b|c')).toBe(0);
    expect(row('a|b', 'c')).toBe(0);
    expect(row('a', 'b')).toBe(1);
    expect(row('b', 'c')).toBe(-1);
    expect(row('a', 'c')).toBe(-1);
  });

  it('indexes every row of the committed model', () => {
    const { index, weights } = loadNerModel();
    const rows = weights.starts.length - 1;
    expect(stringCount(index.atoms)).toBeGreaterThan(0);
    const indexed = new Set(index.rows);
    indexed.delete(-1);
    expect(indexed.size).toBe(rows);
  });
});

describe('sentenceEmissions', () => {
  it('gives each token the summed weights of its feature names (features.ts), sentence by sentence', () => {
    // Arrange
    const model = loadNerModel();
    const sentences = tokenizeSentences(SEED_TEXT);
    const document = describeDocument(sentences, model.gazetteer);
    const n = model.tagCount;
    sentences.forEach((_, s) => {
      // Act
      const { emissions } = sentenceEmissions(model.scorer, sentenceContext(document, s), new Map());
      // Assert
      sentenceFeatures(document, s).forEach((token, t) => {
        const expected = new Float64Array(n);
        for (const name of featureNames(token)) {
          const row = rowOfName(model.index, name);
          for (let tag = 0; row >= 0 && tag < n; tag += 1)
            expected[tag] = (expected[tag] ?? 0) + weightOf(model.weights, row, tag);
        }
        for (let tag = 0; tag < n; tag += 1)
          expect(emissions[t * n + tag]).toBeCloseTo(expected[tag] ?? 0, 4);
      });
    });
  });

  it('gives the same scores when its store of token texts fills up and starts again', () => {
    const stores = new Set<number>();
    const scoreArrays = new Set<Float64Array>();
    expectTheModelsScores(
      (model) => createScorer(model.index, model.weights, model.tagCount, model.gazetteer.common, 8),
      (small, tokens) => {
        expect(small.store.count).toBeLessThanOrEqual(Math.max(8, tokens + 2));
        stores.add(small.store.serial);
        scoreArrays.add(small.store.own);
      },
    );
    // Each new store took over the arrays of the full one it replaced (zeroed: the scores above are the same)
    expect(stores.size).toBeGreaterThan(2);
    expect(scoreArrays.size).toBe(1);
  });

  it('gives the same scores when its lists of feature rows fill up and start again', () => {
    // A store of 8 texts and row lists of about two texts, so most texts are listed again
    expectTheModelsScores(
      (model) => createScorer(model.index, model.weights, model.tagCount, model.gazetteer.common, 8, 64),
      (small) => expect(small.rowLists.length).toBeLessThanOrEqual(64 + 200),
    );
  });
});
