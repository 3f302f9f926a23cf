import { describe, expect, it } from 'vitest';
import { rowOfName } from '#shared/facts/ner/feature-index.ts';
import { MODEL_FORMAT, type ModelWeights, modelFromWeights, tagWithModel } from '#shared/facts/ner/model.ts';
import { decodeModel, encodeModel, readModelHeader } from '#shared/facts/ner/model-file.ts';
import { weightOf } from '#shared/facts/ner/sparse-weights.ts';
import { TAGS } from '#shared/facts/ner/tags.ts';

/** A hand-made model: a few word features pointing at tags, no transition preferences. */
function tinyModel(): ModelWeights {
  const rows: Array<[string, Record<string, number>]> = [
    ['b=', { O: 1 }],
    ['w=zorblat', { 'U-PER': 5 }],
    ['w=acme', { 'B-ORG': 5 }],
    ['w=corp', { 'L-ORG': 5 }],
    ['w=quux', { 'U-LOC': 0.01 }],
  ];
  const weights = new Float32Array(rows.length * TAGS.length);
  rows.forEach(([, scores], row) => {
    for (const [tag, value] of Object.entries(scores)) weights[row * TAGS.length + TAGS.indexOf(tag)] = value;
  });
  return {
    tags: TAGS,
    features: rows.map(([name]) => name),
    weights,
    transitions: new Float32Array((TAGS.length + 1) * TAGS.length),
    gazetteer: {},
    meta: { note: 'hand-made' },
  };
}

describe('tagWithModel', () => {
  it('tags mentions with exact offsets when a hand-made model scores their words', () => {
    // Arrange
    const model = modelFromWeights(tinyModel());
    const text = 'Zorblat’s firm, Acme Corp, opened.';
    // Act
    const mentions = tagWithModel(model, text);
    // Assert
    expect(mentions).toEqual([
      { type: 'PER', start: 0, end: 7, text: 'Zorblat' },
      { type: 'ORG', start: 16, end: 25, text: 'Acme Corp' },
    ]);
  });

  it('finds nothing when the text is empty or has no known words', () => {
    const model = modelFromWeights(tinyModel());
    expect(tagWithModel(model, '')).toEqual([]);
    expect(tagWithModel(model, 'nothing to see here')).toEqual([]);
  });
});

describe('encodeModel and decodeModel', () => {
  it('round-trip weights within the quantisation step and tag the same', () => {
    // Arrange
    const weights = tinyModel();
    // Act
    const file = encodeModel(weights);
    const decoded = decodeModel(file);
    // Assert
    expect(readModelHeader(file).format).toBe(MODEL_FORMAT);
    expect(readModelHeader(file).featureCount).toBe(5);
    const row = rowOfName(decoded.index, 'w=acme');
    expect(row).toBeGreaterThanOrEqual(0);
    expect(weightOf(decoded.weights, row, TAGS.indexOf('B-ORG'))).toBeCloseTo(5, 3);
    const text = 'Acme Corp hired Zorblat.';
    expect(tagWithModel(decoded, text)).toEqual(tagWithModel(modelFromWeights(weights), text));
  });

  it('drops features whose weights all stay under the threshold', () => {
    const file = encodeModel(tinyModel(), 0.5);
    expect(readModelHeader(file).featureCount).toBe(4);
    expect(rowOfName(decodeModel(file).index, 'w=quux')).toBe(-1);
  });

  it('decodes a file whose bytes do not start on a 4-byte boundary', () => {
    const file = encodeModel(tinyModel());
    const shifted = new Uint8Array(file.byteLength + 1);
    shifted.set(file, 1);
    const decoded = decodeModel(shifted.subarray(1));
    expect(tagWithModel(decoded, 'Acme Corp hired Zorblat.')).toEqual(
      tagWithModel(decodeModel(file), 'Acme Corp hired Zorblat.'),
    );
  });

  it('refuses a file of another format', () => {
    const file = encodeModel(tinyModel());
    const header = Buffer.from(file).toString('utf8', 4, 4 + Buffer.from(file).readUInt32LE(0));
    const other = Buffer.from(file);
    other.write(header.replace(MODEL_FORMAT, 'precis-ner/0'), 4, 'utf8');
    expect(() => decodeModel(other)).toThrow(/format/);
  });
});
