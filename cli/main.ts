import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { InputError } from '#shared/errors.ts';
import {
  type ArticleInput,
  failedResult,
  type ProcessOptions,
  processArticle,
} from '#shared/process-article.ts';
import { PIPELINE_VERSION, type Result } from '#shared/result.ts';
import {
  DEFAULT_LENGTH,
  SUMMARY_SENTENCES_RANGE,
  SUMMARY_WORDS_RANGE,
  summaryLength,
  summarySentencesTextSchema,
  summaryWordsTextSchema,
} from '#shared/summarise/summary-length.ts';
import { isBadLine, parseJsonlLine } from './jsonl-line.ts';

const USAGE = `Usage:
  precis process [LENGTH] FILE...          one Result JSON line per file ("-" reads stdin)
  precis process --jsonl [LENGTH] IN.jsonl  one Result line per input line {id, text?, html?, url?}
                                            ("-" reads stdin); a bad line gives a FAILED Result
  precis --help

LENGTH of the summary, whole sentences either way (default: ${DEFAULT_LENGTH}):
  --sentences N   at most N sentences (${SUMMARY_SENTENCES_RANGE.min} to ${SUMMARY_SENTENCES_RANGE.max})
  --words N       at most N words (${SUMMARY_WORDS_RANGE.min} to ${SUMMARY_WORDS_RANGE.max})

Runs the pipeline in-process (no AWS). Results go to stdout; progress to stderr when it is a terminal.
Exit status: 0 done, 1 some input could not be read or the pipeline crashed on it, 2 bad usage.`;

export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
}

const STDIN = '-';
const EXIT_OK = 0;
const EXIT_PARTIAL = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface Command {
  readonly jsonl: boolean;
  readonly inputs: readonly string[];
  readonly options: ProcessOptions;
}

function parseCommand(argv: readonly string[]): Command | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      jsonl: { type: 'boolean' },
      sentences: { type: 'string' },
      words: { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const [command, ...inputs] = positionals;
  if (command === undefined) return 'help';
  if (command !== 'process') throw new UsageError(`Unknown command "${command}"`);
  if (inputs.length === 0) throw new UsageError('Give at least one FILE (or "-" for stdin)');
  if (values.jsonl && inputs.length !== 1)
    throw new UsageError('--jsonl takes exactly one input file (or "-")');
  const options = summaryLength(
    lengthOption('--sentences', values.sentences, summarySentencesTextSchema),
    lengthOption('--words', values.words, summaryWordsTextSchema),
  );
  return { jsonl: values.jsonl === true, inputs, options };
}

/** A length flag checked against the same range as the API's. */
function lengthOption(
  flag: string,
  value: string | undefined,
  schema: typeof summarySentencesTextSchema,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(`${flag}: ${parsed.error.issues[0]?.message}, got "${value}"`);
}

/** A FAILED Result for input that never reached the pipeline. */
function failed(id: string, error: InputError): Result {
  const base = {
    id,
    source: { bytes: 0 },
    pipelineVersion: PIPELINE_VERSION,
    processedAt: new Date().toISOString(),
  };
  return failedResult(base, error);
}

/** Plain words for the file system errors a user runs into; anything else keeps Node's message. */
const READ_ERROR_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
};

/** Why `path` could not be read, as an InputError: NOT_FOUND when it does not exist, else INVALID_INPUT. */
function readError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = READ_ERROR_REASONS[code] ?? (error instanceof Error ? error.message : String(error));
  return new InputError(code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_INPUT', `Cannot read ${path}: ${reason}`, {
    cause: error,
  });
}

/**
 * Runs the pipeline; a crash (a bug) becomes a FAILED INTERNAL Result, reported through `warn`, so a long
 * run goes on.
 */
function processSafely(
  input: ArticleInput,
  options: ProcessOptions,
  warn: (message: string) => void,
): { result: Result; crashed: boolean } {
  try {
    return { result: processArticle(input, options), crashed: false };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    warn(`the pipeline crashed on ${input.id}: ${message}`);
    return { result: failed(input.id, new InputError('INTERNAL', message, { cause: error })), crashed: true };
  }
}

async function writeLine(stream: Writable, value: unknown): Promise<void> {
  if (!stream.write(`${JSON.stringify(value)}\n`)) await once(stream, 'drain');
}

/** "N processed" on one rewritten line when stderr is a terminal; warnings always, on lines of their own. */
function progress(io: Io) {
  let count = 0;
  let onProgressLine = false;
  const endProgressLine = () => {
    if (onProgressLine) io.stderr.write('\n');
    onProgressLine = false;
  };
  return {
    tick: () => {
      count += 1;
      if (!io.stderr.isTTY) return;
      io.stderr.write(`\rprecis: ${count} processed`);
      onProgressLine = true;
    },
    warn: (message: string) => {
      endProgressLine();
      io.stderr.write(`precis: ${message}\n`);
    },
    done: endProgressLine,
  };
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function processFiles(paths: readonly string[], options: ProcessOptions, io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  const meter = progress(io);
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = path === STDIN ? await readAll(io.stdin) : await readFile(path);
    } catch (error) {
      const unreadable = readError(path, error);
      meter.warn(unreadable.message);
      await writeLine(io.stdout, failed(path, unreadable));
      exitCode = EXIT_PARTIAL;
      meter.tick();
      continue;
    }
    const id = path === STDIN ? 'stdin' : path;
    const source = { bytes: bytes.byteLength, ...(path === STDIN ? {} : { key: path }) };
    const { result, crashed } = processSafely({ id, bytes, source }, options, meter.warn);
    if (crashed) exitCode = EXIT_PARTIAL;
    await writeLine(io.stdout, result);
    meter.tick();
  }
  meter.done();
  return exitCode;
}

/** Blank lines are not records and are skipped; every other line yields exactly one Result, in order. */
async function processJsonl(path: string, options: ProcessOptions, io: Io): Promise<number> {
  const input = path === STDIN ? io.stdin : createReadStream(path);
  let exitCode = EXIT_OK;
  let lineNumber = 0;
  const meter = progress(io);
  try {
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      const parsed = parseJsonlLine(line, lineNumber);
      if (isBadLine(parsed)) {
        await writeLine(io.stdout, failed(parsed.id, new InputError('INVALID_INPUT', parsed.message)));
      } else {
        const { result, crashed } = processSafely(parsed, options, meter.warn);
        if (crashed) exitCode = EXIT_PARTIAL;
        await writeLine(io.stdout, result);
      }
      meter.tick();
    }
  } catch (error) {
    meter.warn(readError(path, error).message);
    return EXIT_PARTIAL;
  } finally {
    meter.done();
  }
  return exitCode;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let command: Command | 'help';
  try {
    command = parseCommand(argv);
  } catch (error) {
    io.stderr.write(`precis: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  const [first = STDIN] = command.inputs;
  return command.jsonl
    ? processJsonl(first, command.options, io)
    : processFiles(command.inputs, command.options, io);
}
