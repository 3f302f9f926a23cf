import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { lineStream } from '../../cli/inputs.ts';
import { CHUNK_BYTES, readLines } from '../../cli/lines.ts';

/** A stream that hands over exactly these chunks, in order. */
const chunked = (...chunks: (string | Buffer)[]): Readable =>
  Readable.from(chunks.map((chunk) => Buffer.from(chunk)));

const collect = async (lines: AsyncIterable<string>): Promise<string[]> => {
  const all: string[] = [];
  for await (const line of lines) all.push(line);
  return all;
};

/** What Node's readline reads from the same chunks, as `precis` read JSONL before. */
const readlineLines = (...chunks: (string | Buffer)[]): Promise<string[]> =>
  collect(createInterface({ input: chunked(...chunks), crlfDelay: Number.POSITIVE_INFINITY }));

describe('readLines', () => {
  it.each([
    ['lines ending in \\n', ['{"a":1}\n{"b":2}\n']],
    ['a last line without a line break', ['{"a":1}\n{"b":2}']],
    ['CRLF line breaks', ['{"a":1}\r\n{"b":2}\r\n']],
    ['a CRLF split between chunks', ['{"a":1}\r', '\n{"b":2}\r', '\n']],
    ['lone carriage returns', ['a\rb\r\rc\n\r']],
    ['empty and blank lines', ['\n\na\n \n\n', 'b\n\n']],
    ['a line split across three chunks', ['{"te', 'xt":"wor', 'ds"}\nnext']],
    ['no lines at all', ['']],
    ['only a line break', ['\n']],
  ])('reads what readline reads from %s', async (_name, chunks) => {
    const lines = await collect(readLines(chunked(...chunks)));

    expect(lines).toEqual(await readlineLines(...chunks));
  });

  it('reads CRLF lines without their carriage returns, and an unended last line', async () => {
    const lines = await collect(readLines(chunked('one\r\n\r\ntwo\r\nthree')));

    expect(lines).toEqual(['one', '', 'two', 'three']);
  });

  it('keeps a character whole when its bytes are split between chunks', async () => {
    const bytes = Buffer.from('{"text":"café – 東京 😀"}\n');
    const cuts = [13, 16, 20, 23, 27, 28];
    const chunks = cuts.map((cut, index) => bytes.subarray(cuts[index - 1] ?? 0, cut));
    chunks.push(bytes.subarray(cuts.at(-1)));

    const lines = await collect(readLines(chunked(...chunks)));

    expect(lines).toEqual(['{"text":"café – 東京 😀"}']);
    expect(lines).toEqual(await readlineLines(...chunks));
  });

  it('reads chunks given as strings', async () => {
    expect(await collect(readLines(Readable.from(['a\nb', 'c\n'])))).toEqual(['a', 'bc']);
  });
});

describe('lineStream', () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('reads a line longer than a chunk from a file, whole, with the lines around it', async () => {
    directory = mkdtempSync(join(tmpdir(), 'precis-lines-'));
    const file = join(directory, 'long.jsonl');
    // 3-byte characters after one ASCII byte: chunk boundaries (every CHUNK_BYTES) fall inside characters.
    const long = `{"text":"x${'€'.repeat(Math.ceil((2.5 * CHUNK_BYTES) / 3))}"}`;
    writeFileSync(file, `{"id":"before"}\r\n${long}\n{"id":"after"}`);

    const lines = await collect(lineStream(file, Readable.from([])));

    expect(lines).toEqual(['{"id":"before"}', long, '{"id":"after"}']);
  });

  it('fails the iteration, not the process, when the file cannot be read', async () => {
    await expect(collect(lineStream('/no/such/file.jsonl', Readable.from([])))).rejects.toThrow(/ENOENT/);
  });
});
