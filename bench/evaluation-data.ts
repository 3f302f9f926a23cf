import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The evaluation data lives next to the repository, in ../shared/data, and is never copied into it. */
const DATA_ROOT = new URL('../../shared/data/', import.meta.url);

/**
 * The records of a JSON Lines file under ../shared/data (gunzipped when its name ends in .gz), or undefined
 * after printing "data not found: <path>" when the file is absent, so that the caller can end with status 0.
 */
export function readEvaluationData<T>(relativePath: string): T[] | undefined {
  const url = new URL(relativePath, DATA_ROOT);
  if (!existsSync(url)) {
    console.log(`data not found: ${fileURLToPath(url)}`);
    return undefined;
  }
  const bytes = readFileSync(url);
  return (relativePath.endsWith('.gz') ? gunzipSync(bytes) : bytes)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** FNV-1a over UTF-16 code units: a stable hash for fixed splits, the same on every run and machine. */
export function stableHash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}
