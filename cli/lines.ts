import type { Readable } from 'node:stream';

/**
 * The lines of a byte stream, split as Node's readline splits them (at "\n", "\r\n" and a lone "\r"; a last
 * line without a line break is a line too), but found as bytes: each line is decoded once, as a whole, so a
 * character split across two chunks is never cut, and the text between lines is never copied.
 */

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = '\r';

/** The chunk size for reading a file: 1 MiB, so a run of average articles reads a few hundred lines a chunk. */
export const CHUNK_BYTES = 1024 * 1024;

/** A line found between "\n"s, "\r\n" and lone "\r"s included: readline's lines. */
function* splitReturns(line: string): Generator<string> {
  const text = line.endsWith(CARRIAGE_RETURN) ? line.slice(0, -1) : line;
  if (text.includes(CARRIAGE_RETURN)) yield* text.split(CARRIAGE_RETURN);
  else yield text;
}

const toBuffer = (chunk: Buffer | string): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);

export async function* readLines(input: Readable): AsyncGenerator<string> {
  /** The start of a line that has not ended yet, as the pieces of the chunks it spans. */
  let pending: Buffer[] = [];
  for await (const chunk of input) {
    const bytes = toBuffer(chunk);
    let start = 0;
    for (let end = bytes.indexOf(LINE_FEED); end !== -1; end = bytes.indexOf(LINE_FEED, start)) {
      const line =
        pending.length === 0
          ? bytes.toString('utf8', start, end)
          : Buffer.concat([...pending, bytes.subarray(start, end)]).toString('utf8');
      pending = [];
      yield* splitReturns(line);
      start = end + 1;
    }
    if (start < bytes.length) pending.push(bytes.subarray(start));
  }
  if (pending.length > 0) yield* splitReturns(Buffer.concat(pending).toString('utf8'));
}
