import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { InputError } from '#shared/errors.ts';
import type { ArticleInput } from '#shared/process-article.ts';
import { isBadLine, parseJsonlLine } from './jsonl-line.ts';
import { CHUNK_BYTES, readLines } from './lines.ts';

/**
 * What the CLI reads, in order: files (directories walked recursively, in name order), stdin, or the lines
 * of a JSONL file. Each item is an article to process or the reason it could not be read.
 */

export const STDIN = '-';

export type Item =
  | { readonly kind: 'article'; readonly input: ArticleInput }
  | { readonly kind: 'unreadable'; readonly id: string; readonly error: InputError; readonly warn: boolean };

/** Plain words for the file system errors a user runs into; anything else keeps Node's message. */
const READ_ERROR_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
};

/** Why `path` could not be read, as an InputError: NOT_FOUND when it does not exist, else INVALID_INPUT. */
export function readError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = READ_ERROR_REASONS[code] ?? (error instanceof Error ? error.message : String(error));
  return new InputError(code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_INPUT', `Cannot read ${path}: ${reason}`, {
    cause: error,
  });
}

const isHidden = (name: string): boolean => name.startsWith('.');

/** The files under a directory, depth first in name order; hidden entries and symbolic links are skipped. */
async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** The inputs with every directory replaced by the files under it; anything else stays as given. */
export async function expandPaths(inputs: readonly string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const input of inputs) {
    const isDirectory = input !== STDIN && (await stat(input).catch(() => undefined))?.isDirectory();
    if (isDirectory) paths.push(...(await walk(input)));
    else paths.push(input);
  }
  return paths;
}

export async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Each path read as one article: its path is its id and its key. */
export async function* fileItems(paths: readonly string[], stdin: Readable): AsyncGenerator<Item> {
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = path === STDIN ? await readAll(stdin) : await readFile(path);
    } catch (error) {
      yield { kind: 'unreadable', id: path, error: readError(path, error), warn: true };
      continue;
    }
    const id = path === STDIN ? 'stdin' : path;
    const source = { bytes: bytes.byteLength, ...(path === STDIN ? {} : { key: path }) };
    yield { kind: 'article', input: { id, bytes, source } };
  }
}

const openFile = (path: string): Readable => createReadStream(path, { highWaterMark: CHUNK_BYTES });

/**
 * The lines of a file or stdin, opened only once iteration starts: a file that cannot be read fails the
 * iteration, which the caller reports, rather than the process.
 */
export async function* lineStream(path: string, stdin: Readable): AsyncGenerator<string> {
  yield* readLines(path === STDIN ? stdin : openFile(path));
}

/** Blank lines are not records and are skipped; every other line is one item, in order. */
export async function* jsonlItems(lines: AsyncIterable<string>): AsyncGenerator<Item> {
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const parsed = parseJsonlLine(line, lineNumber);
    yield isBadLine(parsed)
      ? {
          kind: 'unreadable',
          id: parsed.id,
          error: new InputError('INVALID_INPUT', parsed.message),
          warn: false,
        }
      : { kind: 'article', input: parsed };
  }
}

/** How many records a JSONL file holds (its non-blank lines), for the progress bar; undefined for stdin. */
export async function countRecords(path: string): Promise<number | undefined> {
  if (path === STDIN) return undefined;
  let count = 0;
  try {
    for await (const line of readLines(openFile(path))) if (line.trim() !== '') count += 1;
  } catch {
    return undefined;
  }
  return count;
}
