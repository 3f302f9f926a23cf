import { describe, expect, it } from 'vitest';
import { rowOfName } from '#shared/facts/ner/feature-index.ts';
import type { GazetteerLists } from '#shared/facts/ner/gazetteer.ts';
import { MODEL_FORMAT, type ModelWeights, modelFromWeights, tagWithModel } from '#shared/facts/ner/model.ts';
import { decodeModel, encodeModel, readModelHeader } from '#shared/facts/ner/model-file.ts';
import { weightOf } from '#shared/facts/ner/sparse-weights.ts';
import { TAGS } from '#shared/facts/ner/tags.ts';

/** A hand-made model: a few word features pointing at tags, no transition preferences. */
function tinyModel(extra: readonly string[] = [], gazetteer: GazetteerLists = {}): ModelWeights {
  const rows: Array<[string, Record<string, number>]> = [
    ['b=', { O: 1 }],
    ['w=zorblat', { 'U-PER': 5 }],
    ['w=acme', { 'B-ORG': 5 }],
    ['w=corp', { 'L-ORG': 5 }],
    ['w=quux', { 'U-LOC': 0.01 }],
    ...extra.map((name): [string, Record<string, number>] => [name, { O: 0.5 }]),
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
    gazetteer,
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

  it('stores id sections in the narrowest type that holds them, and reads them back as written', () => {
    // Arrange: a gazetteer gives the phrase table classes; hash slots hold -1 for empty slots.
    const weights = tinyModel(['lc-1|sh0=the|Xx'], { LOC: ['New York'], ORG: ['Acme Corp', 'New York'] });
    const built = modelFromWeights(weights);
    // Act
    const file = encodeModel(weights);
    const decoded = decodeModel(file);
    // Assert
    const types = new Map(readModelHeader(file).sections.map(({ name, type }) => [name, type]));
    expect(types.get('atoms.slots')).toBe('i16');
    expect(types.get('features.rights')).toBe('i16');
    expect(types.get('features.rows')).toBe('i16');
    expect(types.get('phrases.classIds')).toBe('u8');
    expect(types.get('features.heads')).toBe('i32');
    expect(decoded.index.rights).toBeInstanceOf(Int16Array);
    expect([...decoded.index.rows]).toEqual([...built.index.rows]);
    expect([...decoded.index.rights]).toEqual([...built.index.rights]);
    expect([...decoded.index.atoms.slots]).toEqual([...built.index.atoms.slots]);
    expect(rowOfName(decoded.index, 'lc-1|sh0=the|Xx')).toBe(5);
    expect(decoded.gazetteer.phrases.get('new york')).toEqual(['LOC', 'ORG']);
    expect(decoded.gazetteer.prefixes.has('acme')).toBe(true);
    const text = 'Acme Corp hired Zorblat in New York.';
    expect(tagWithModel(decoded, text)).toEqual(tagWithModel(built, text));
  });

  it('keeps 32-bit ids when a row or an atom id does not fit in 16 bits', () => {
    // Arrange: 32,768 more features, so the last rows and atoms pass int16's 32,767.
    const extra = Array.from({ length: 32_768 }, (_, i) => `w=word${i}`);
    // Act
    const file = encodeModel(tinyModel(extra));
    const decoded = decodeModel(file);
    // Assert
    const types = new Map(readModelHeader(file).sections.map(({ name, type }) => [name, type]));
    expect(types.get('features.rows')).toBe('i32');
    expect(types.get('atoms.slots')).toBe('i32');
    expect(types.get('features.rights')).toBe('i16');
    expect(decoded.index.rows).toBeInstanceOf(Int32Array);
    expect(rowOfName(decoded.index, 'w=word32767')).toBe(32_772);
    expect(rowOfName(decoded.index, 'w=acme')).toBe(2);
    expect(tagWithModel(decoded, 'Acme Corp hired Zorblat.')).toEqual([
      { type: 'ORG', start: 0, end: 9, text: 'Acme Corp' },
      { type: 'PER', start: 16, end: 23, text: 'Zorblat' },
    ]);
  });

  it('refuses a file of another format', () => {
    const file = encodeModel(tinyModel());
    const header = Buffer.from(file).toString('utf8', 4, 4 + Buffer.from(file).readUInt32LE(0));
    const other = Buffer.from(file);
    other.write(header.replace(MODEL_FORMAT, 'precis-ner/0'), 4, 'utf8');
    expect(() => decodeModel(other)).toThrow(/format/);
  });
});
