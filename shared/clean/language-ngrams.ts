import { readFileSync } from 'node:fs';

/**
 * eld's n-gram table as data (shared/clean/models/language-ngrams.bin, written by
 * `npm run build:language-ngrams` from the eld package's own table), read on the first detection rather than
 * evaluated as 2 MB of JavaScript at import. The file, in order:
 * - `MAGIC`, then the byte length of a JSON header and the header: `{ type, languages, count, keyWidth }`,
 *   eld's table type (`M60`) and language codes by index, the number of n-grams, and the width of a key;
 * - the keys, sorted by byte, `keyWidth` bytes each, zero-padded: each n-gram is a string of eld's byte
 *   characters (every code point below 256), so one byte per character;
 * - `count + 1` little-endian uint32 offsets into the scores, one per key and an end;
 * - the scores: (language index, score) byte pairs, eld's integer scores (6 to 207).
 * An n-gram is found by binary search over the keys, so loading costs one read and no parsing.
 */
export const NGRAM_TABLE_MAGIC = 'eldngram1';
/** Looked-up n-grams kept for the process (a few MB at most); later ones are looked up every time. */
const MAX_KEPT_NGRAMS = 20_000;

/** What eld's `loadData` takes: its table type, language codes by index, and a score table per n-gram. */
export interface NgramData {
  readonly type: string;
  readonly languages: Readonly<Record<number, string>>;
  readonly ngrams: Readonly<Record<string, Readonly<Record<number, number>>>>;
}

export interface NgramTableHeader {
  readonly type: string;
  readonly languages: Readonly<Record<number, string>>;
  readonly count: number;
  readonly keyWidth: number;
}

/** The table's layout within its file. */
interface Layout {
  readonly bytes: Buffer;
  readonly count: number;
  readonly keyWidth: number;
  readonly keysAt: number;
  readonly offsetsAt: number;
  readonly scoresAt: number;
}

function readLayout(bytes: Buffer): { header: NgramTableHeader; layout: Layout } {
  const magic = bytes.subarray(0, NGRAM_TABLE_MAGIC.length).toString('latin1');
  if (magic !== NGRAM_TABLE_MAGIC) throw new Error(`not an n-gram table (${JSON.stringify(magic)})`);
  const headerLength = bytes.readUInt32LE(NGRAM_TABLE_MAGIC.length);
  const headerAt = NGRAM_TABLE_MAGIC.length + 4;
  const header = JSON.parse(bytes.toString('utf8', headerAt, headerAt + headerLength)) as NgramTableHeader;
  const keysAt = headerAt + headerLength;
  const offsetsAt = keysAt + header.count * header.keyWidth;
  const scoresAt = offsetsAt + (header.count + 1) * 4;
  return {
    header,
    layout: { bytes, count: header.count, keyWidth: header.keyWidth, keysAt, offsetsAt, scoresAt },
  };
}

/** < 0, 0 or > 0 as `ngram` sorts before, as or after key `index` (zero bytes pad both to the key width). */
function compareKey(layout: Layout, ngram: string, index: number): number {
  const at = layout.keysAt + index * layout.keyWidth;
  for (let i = 0; i < layout.keyWidth; i += 1) {
    const difference = (i < ngram.length ? ngram.charCodeAt(i) : 0) - (layout.bytes[at + i] as number);
    if (difference !== 0) return difference;
  }
  return ngram.length > layout.keyWidth ? 1 : 0;
}

/** The index of an n-gram's key, or -1 when the table has none. */
function keyIndex(layout: Layout, ngram: string): number {
  let low = 0;
  let high = layout.count - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compareKey(layout, ngram, middle);
    if (order > 0) low = middle + 1;
    else if (order < 0) high = middle - 1;
    else return middle;
  }
  return -1;
}

/** The scores of one n-gram by language index, as eld's table holds them, or undefined when it has none. */
function lookUp(layout: Layout, ngram: string): Record<number, number> | undefined {
  const index = keyIndex(layout, ngram);
  if (index < 0) return undefined;
  const { bytes, offsetsAt, scoresAt } = layout;
  const scores: Record<number, number> = {};
  const end = bytes.readUInt32LE(offsetsAt + (index + 1) * 4);
  for (let pair = bytes.readUInt32LE(offsetsAt + index * 4); pair < end; pair += 1)
    scores[bytes[scoresAt + pair * 2] as number] = bytes[scoresAt + pair * 2 + 1] as number;
  return scores;
}

/**
 * The table of `file` in the shape eld's `loadData` takes. Its `ngrams` is a read-only view that looks each
 * n-gram up in the file's bytes when eld asks for it (eld only reads `ngrams[key]` while scoring). The first
 * MAX_KEPT_NGRAMS answers are kept: the n-grams of news prose repeat from article to article.
 */
export function readNgramTable(file: URL | string): NgramData {
  const { header, layout } = readLayout(readFileSync(file));
  const kept = new Map<string, Record<number, number> | undefined>();
  const scoresOf = (ngram: string) => {
    if (kept.has(ngram)) return kept.get(ngram);
    const scores = lookUp(layout, ngram);
    if (kept.size < MAX_KEPT_NGRAMS) kept.set(ngram, scores);
    return scores;
  };
  const ngrams = new Proxy(
    {},
    {
      get: (_target, key) => (typeof key === 'string' ? scoresOf(key) : undefined),
      set: () => false,
    },
  );
  return { type: header.type, languages: header.languages, ngrams };
}

/**
 * The table of a file for scoring in place (ngram-detector.ts): an n-gram's (language index, score) byte
 * pairs are `pairs[2 k]`, `pairs[2 k + 1]` for k in `[first, first + count)` of `find(ngram)`, which packs
 * them as `first * PAIRS_PER_NGRAM + count` (-1 when the table has no such n-gram). The first
 * MAX_KEPT_NGRAMS answers are kept, as readNgramTable keeps them.
 */
export interface NgramTable {
  readonly type: string;
  readonly languages: Readonly<Record<number, string>>;
  readonly pairs: Uint8Array;
  find(ngram: string): number;
}

/** More than the languages of any table: an n-gram has at most one score per language. */
export const PAIRS_PER_NGRAM = 256;

export function openNgramTable(file: URL | string): NgramTable {
  const { header, layout } = readLayout(readFileSync(file));
  const { bytes, offsetsAt, scoresAt } = layout;
  const kept = new Map<string, number>();
  const find = (ngram: string): number => {
    const known = kept.get(ngram);
    if (known !== undefined) return known;
    const index = keyIndex(layout, ngram);
    let found = -1;
    if (index >= 0) {
      const first = bytes.readUInt32LE(offsetsAt + index * 4);
      found = first * PAIRS_PER_NGRAM + bytes.readUInt32LE(offsetsAt + (index + 1) * 4) - first;
    }
    if (kept.size < MAX_KEPT_NGRAMS) kept.set(ngram, found);
    return found;
  };
  const pairs = bytes.subarray(scoresAt);
  return { type: header.type, languages: header.languages, pairs, find };
}
