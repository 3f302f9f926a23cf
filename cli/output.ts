import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Writable } from 'node:stream';

/**
 * Where the CLI's output goes: stdout, which ends quietly when the reader goes away (EPIPE, as when piped
 * into `head`), or one file per article in a directory, named after the article.
 */

export class PipeClosedError extends Error {
  override readonly name = 'PipeClosedError';
}

const isPipeClosed = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
};

export interface Stdout {
  /** Resolves once written (or buffered below the high-water mark); a PipeClosedError once the reader left. */
  write(text: string): Promise<void>;
}

/** stdout with its errors caught: EPIPE becomes a PipeClosedError for the caller to end quietly. */
export function guardStdout(stream: Writable): Stdout {
  let failure: unknown;
  stream.on('error', (error) => {
    failure = error;
  });
  const rethrow = (error: unknown): never => {
    throw isPipeClosed(error) ? new PipeClosedError('stdout was closed', { cause: error }) : error;
  };
  return {
    async write(text) {
      if (failure !== undefined) rethrow(failure);
      if (stream.write(text)) return;
      await once(stream, 'drain').catch(rethrow);
      if (failure !== undefined) rethrow(failure);
    },
  };
}

const UNSAFE = /[^\p{L}\p{N}._-]+/gu;
/** An extension after at least one character: ".hidden" is a name, not an extension. */
const EXTENSION = /(?<=.)\.[A-Za-z0-9]{1,8}$/;
const MAX_NAME_LENGTH = 100;

/**
 * A file name for an article id, unique among `taken` (case-insensitively, for macOS and Windows): the last
 * path segment without its extension, only letters, digits, dot, dash and underscore, never hidden.
 */
export function fileNameFor(id: string, extension: string, taken: Set<string>): string {
  const stem =
    basename(id.replace(/[\\/]+$/, ''))
      .replace(EXTENSION, '')
      .replace(UNSAFE, '-')
      .replace(/^[.-]+/, '')
      .slice(0, MAX_NAME_LENGTH) || 'article';
  for (let n = 1; ; n += 1) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}${extension}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export interface DirectoryOutput {
  /** Writes the file and returns its path. */
  write(id: string, content: string): Promise<string>;
}

export async function directoryOutput(directory: string, extension: string): Promise<DirectoryOutput> {
  await mkdir(directory, { recursive: true });
  const taken = new Set<string>();
  return {
    async write(id, content) {
      const path = join(directory, fileNameFor(id, extension, taken));
      await writeFile(path, content);
      return path;
    },
  };
}
