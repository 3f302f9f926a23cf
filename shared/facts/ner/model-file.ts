import { featureKeys, indexKeys } from './feature-index.ts';
import { compileGazetteer, type GazetteerLists, gazetteerOf, type StoredGazetteer } from './gazetteer.ts';
import { type IdArray, isIdArray, narrowestIds } from './id-array.ts';
import { assembleModel, MODEL_FORMAT, type ModelWeights, type NerModel } from './model.ts';
import { type SparseWeights, sparseWeights } from './sparse-weights.ts';
import type { StringTable } from './string-table.ts';

/**
 * The committed model file (models/ner.bin), laid out to be read straight into typed arrays: loading it
 * decompresses nothing and builds no index, Map or Set.
 * - a little-endian uint32: the byte length of a JSON header (tags, templates, transitions, gazetteer class
 *   names, the sections' names, types and lengths, training meta), then the header, padded to 4 bytes;
 * - the sections, each padded to 4 bytes: the feature index (feature-index.ts) and its atoms, the weights
 *   (each `int16 * scale` as quantised, as float32, so the file holds the very numbers the tagger adds; the
 *   non-zero ones only, by feature row: sparse-weights.ts), and the gazetteer's phrase, prefix and common-word
 *   tables (string-table.ts). The id sections (hash slots, atom ids, feature rows, class ids) are each stored in
 *   the narrowest of uint8, int16 and int32 that holds all of their values (id-array.ts): 4.28 MB instead of
 *   4.86 for the committed model.
 * Numbers are little-endian, the byte order of every Lambda architecture (x86_64, arm64), which typed arrays
 * read natively.
 */
interface Header {
  readonly format: typeof MODEL_FORMAT;
  readonly tags: readonly string[];
  readonly templates: readonly string[];
  readonly featureCount: number;
  readonly scale: number;
  /** Quantised like the weights. */
  readonly transitions: readonly number[];
  readonly classNames: readonly string[];
  readonly maxTokens: number;
  readonly sections: readonly Section[];
  readonly meta: Readonly<Record<string, unknown>>;
}

const ARRAYS = {
  i32: Int32Array,
  i16: Int16Array,
  u16: Uint16Array,
  u8: Uint8Array,
  f32: Float32Array,
} as const;
type ArrayType = keyof typeof ARRAYS;
type Arrays = Int32Array | Int16Array | Uint16Array | Uint8Array | Float32Array;

interface Section {
  readonly name: string;
  readonly type: ArrayType;
  readonly length: number;
}

/** A model quantised for the file: 16-bit weights, `value = int * scale`. */
export interface QuantisedModel {
  readonly tags: readonly string[];
  readonly features: readonly string[];
  readonly scale: number;
  readonly weights: Int16Array;
  readonly transitions: readonly number[];
  readonly gazetteer: GazetteerLists;
  readonly meta: Readonly<Record<string, unknown>>;
}

const INT16_MAX = 32767;

function rowPeak(weights: Float32Array, row: number, width: number): number {
  let peak = 0;
  for (let tag = 0; tag < width; tag += 1) peak = Math.max(peak, Math.abs(weights[row * width + tag] ?? 0));
  return peak;
}

/** Quantises weights for the file, dropping features whose weights all stay below `threshold`. */
export function quantiseModel(model: ModelWeights, threshold = 0): QuantisedModel {
  const width = model.tags.length;
  const kept = model.features.flatMap((_, row) =>
    rowPeak(model.weights, row, width) > threshold ? [row] : [],
  );
  let peak = 0;
  for (const row of kept) peak = Math.max(peak, rowPeak(model.weights, row, width));
  for (const value of model.transitions) if (Number.isFinite(value)) peak = Math.max(peak, Math.abs(value));
  const scale = peak > 0 ? peak / INT16_MAX : 1;
  const weights = new Int16Array(kept.length * width);
  kept.forEach((row, k) => {
    for (let tag = 0; tag < width; tag += 1) {
      weights[k * width + tag] = Math.round((model.weights[row * width + tag] ?? 0) / scale);
    }
  });
  return {
    tags: model.tags,
    features: kept.map((row) => model.features[row] ?? ''),
    scale,
    weights,
    transitions: [...model.transitions].map((value) => Math.round(value / scale)),
    gazetteer: model.gazetteer,
    meta: model.meta,
  };
}

const padded = (length: number) => Math.ceil(length / 4) * 4;

function tableSections(name: string, table: StringTable): [string, Arrays][] {
  return [
    [`${name}.chars`, table.chars],
    [`${name}.starts`, table.starts],
    [`${name}.slots`, narrowestIds(table.slots)],
  ];
}

const TYPES = Object.keys(ARRAYS) as ArrayType[];
const typeOf = (array: Arrays): ArrayType => TYPES.find((type) => array instanceof ARRAYS[type]) ?? 'f32';

function weightSections(weights: SparseWeights): [string, Arrays][] {
  return [
    ['weights.starts', weights.starts],
    ['weights.tags', weights.tags],
    ['weights.values', weights.values],
  ];
}

/** The file's bytes of a quantised model. */
export function writeModelFile(model: QuantisedModel): Uint8Array {
  const index = indexKeys(featureKeys(model.features));
  const gazetteer: StoredGazetteer = compileGazetteer(model.gazetteer);
  const arrays: [string, Arrays][] = [
    ...tableSections('atoms', index.atoms),
    ['features.heads', index.heads],
    ['features.rights', narrowestIds(index.rights)],
    ['features.rows', narrowestIds(index.rows)],
    ...weightSections(
      sparseWeights(
        Float32Array.from(model.weights, (value) => value * model.scale),
        model.tags.length,
      ),
    ),
    ...tableSections('phrases', gazetteer.phrases),
    ['phrases.classStarts', gazetteer.classStarts],
    ['phrases.classIds', narrowestIds(gazetteer.classIds)],
    ...tableSections('prefixes', gazetteer.prefixes),
    ...tableSections('common', gazetteer.common),
  ];
  const header: HeaderFields = {
    format: MODEL_FORMAT,
    tags: model.tags,
    templates: [...index.templates.keys()],
    featureCount: model.features.length,
    scale: model.scale,
    transitions: model.transitions,
    classNames: gazetteer.classNames,
    maxTokens: gazetteer.maxTokens,
    meta: model.meta,
  };
  return fileOf(header, arrays);
}

/** A header without its list of sections, which fileOf writes from the sections themselves. */
export type HeaderFields = Omit<Header, 'sections'>;

/** The file's bytes of a header and its sections, in order (writeModelFile; re-encoding a file's sections). */
export function fileOf(fields: HeaderFields, arrays: readonly (readonly [string, Arrays])[]): Uint8Array {
  const header: Header = {
    ...fields,
    sections: arrays.map(([name, array]) => ({ name, type: typeOf(array), length: array.length })),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.byteLength);
  const pad = (bytes: Uint8Array) =>
    Buffer.concat([bytes, Buffer.alloc(padded(bytes.byteLength) - bytes.byteLength)]);
  return Buffer.concat([
    length,
    pad(headerBytes),
    ...arrays.map(([, array]) => pad(new Uint8Array(array.buffer, array.byteOffset, array.byteLength))),
  ]);
}

/** Encodes weights for committing (see quantiseModel and writeModelFile). */
export const encodeModel = (model: ModelWeights, threshold = 0): Uint8Array =>
  writeModelFile(quantiseModel(model, threshold));

/** The header of a model file: its format, tags, feature count, sections and training meta. */
export function readModelHeader(bytes: Uint8Array): Header {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = JSON.parse(view.toString('utf8', 4, 4 + view.readUInt32LE(0))) as Header;
  if (header.format !== MODEL_FORMAT) throw new Error(`unknown NER model format: ${String(header.format)}`);
  return header;
}

/** Views of a file's sections by name, in place. */
export function readSections(bytes: Uint8Array, header: Header): ReadonlyMap<string, Arrays> {
  const sections = new Map<string, Arrays>();
  let offset = 4 + padded(Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0));
  for (const { name, type, length } of header.sections) {
    const array = new ARRAYS[type](bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, length);
    sections.set(name, array);
    offset += padded(array.byteLength);
  }
  return sections;
}

/** Decodes a model file: typed-array views of its sections, nothing rebuilt. */
export function decodeModel(file: Uint8Array): NerModel {
  // A copy when the bytes do not start on a 4-byte boundary (a Buffer from Node's pool), so the views line up.
  const bytes = file.byteOffset % 4 === 0 ? file : new Uint8Array(file);
  const header = readModelHeader(bytes);
  const sections = readSections(bytes, header);
  const section = <T extends Arrays>(name: string, type: new (length: number) => T): T => {
    const array = sections.get(name);
    if (!(array instanceof type)) throw new Error(`NER model file: no ${name} section`);
    return array;
  };
  // An id section, of whichever width the file gives it.
  const ids = (name: string): IdArray => {
    const array = sections.get(name);
    if (!isIdArray(array)) throw new Error(`NER model file: no ${name} section`);
    return array;
  };
  const table = (name: string): StringTable => ({
    chars: section(`${name}.chars`, Uint16Array),
    starts: section(`${name}.starts`, Int32Array),
    slots: ids(`${name}.slots`),
  });
  return assembleModel({
    tags: header.tags,
    index: {
      atoms: table('atoms'),
      templates: new Map(header.templates.map((template, id) => [template, id])),
      heads: section('features.heads', Int32Array),
      rights: ids('features.rights'),
      rows: ids('features.rows'),
    },
    weights: {
      starts: section('weights.starts', Int32Array),
      tags: section('weights.tags', Uint8Array),
      values: section('weights.values', Float32Array),
    },
    transitions: Float32Array.from(header.transitions, (value) => value * header.scale),
    gazetteer: gazetteerOf({
      phrases: table('phrases'),
      classStarts: section('phrases.classStarts', Int32Array),
      classIds: ids('phrases.classIds'),
      classNames: header.classNames,
      prefixes: table('prefixes'),
      common: table('common'),
      maxTokens: header.maxTokens,
    }),
  });
}
