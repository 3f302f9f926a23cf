/**
 * Writes shared/clean/models/language-ngrams.bin, the language detector's n-gram table as data (format in
 * shared/clean/language-ngrams.ts), from the table the eld package ships as a JavaScript module. The same eld
 * version gives the same file; a test checks that detection on it equals eld's own on its built-in table.
 *
 *   npm run build:language-ngrams [size]   (medium by default; eld also has large, small and extrasmall)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NGRAM_TABLE_MAGIC, type NgramData } from '#shared/clean/language-ngrams.ts';

const SIZES = ['large', 'medium', 'small', 'extrasmall'];

/** eld's table of one size, read from the package's files (its exports offer it only as a built detector). */
export async function eldTable(size: string): Promise<NgramData> {
  if (!SIZES.includes(size)) throw new Error(`eld has no ${size} table (${SIZES.join(', ')})`);
  const url = new URL(`../node_modules/eld/src/ngrams/${size}.js`, import.meta.url);
  return ((await import(url.href)) as { ngramsData: NgramData }).ngramsData;
}

/** The table in the binary format: sorted zero-padded keys, offsets, (language, score) byte pairs. */
export function encodeNgramTable(data: NgramData): Buffer {
  const keys = Object.keys(data.ngrams).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keyWidth = keys.reduce((width, key) => Math.max(width, key.length), 0);
  const keyBytes = Buffer.alloc(keys.length * keyWidth);
  const offsets = Buffer.alloc((keys.length + 1) * 4);
  const pairs: number[] = [];
  keys.forEach((key, index) => {
    for (let i = 0; i < key.length; i += 1) {
      const code = key.charCodeAt(i);
      if (code === 0 || code > 255)
        throw new Error(`n-gram ${JSON.stringify(key)} is not one byte a character`);
      keyBytes[index * keyWidth + i] = code;
    }
    offsets.writeUInt32LE(pairs.length / 2, index * 4);
    for (const [language, score] of Object.entries(data.ngrams[key] ?? {})) {
      if (!Number.isInteger(score) || score < 0 || score > 255)
        throw new Error(`score ${score} is not a byte`);
      pairs.push(Number(language), score);
    }
  });
  offsets.writeUInt32LE(pairs.length / 2, keys.length * 4);
  const header = Buffer.from(
    JSON.stringify({ type: data.type, languages: data.languages, count: keys.length, keyWidth }),
    'utf8',
  );
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length);
  return Buffer.concat([
    Buffer.from(NGRAM_TABLE_MAGIC, 'latin1'),
    headerLength,
    header,
    keyBytes,
    offsets,
    Buffer.from(pairs),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = process.argv[2] ?? 'medium';
  const output = new URL('../shared/clean/models/language-ngrams.bin', import.meta.url);
  const bytes = encodeNgramTable(await eldTable(size));
  writeFileSync(output, bytes);
  console.log(`wrote ${output.pathname}: eld ${size}, ${bytes.length} bytes`);
}
