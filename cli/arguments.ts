import { parseArgs } from 'node:util';
import * as z from 'zod';
import {
  DEFAULT_LENGTH,
  SUMMARY_SENTENCES_RANGE,
  SUMMARY_WORDS_RANGE,
  type SummaryLength,
  summaryLength,
  summarySentencesTextSchema,
  summaryWordsTextSchema,
} from '#shared/summarise/summary-length.ts';

/** The command line, parsed and checked once into a Command; anything wrong is a UsageError (exit 2). */

export const FORMATS = ['json', 'text', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export const PARALLEL_RANGE = { min: 1, max: 64 } as const;

export const USAGE = `Usage:
  precis process [OPTIONS] FILE|DIR...   one Result per file ("-" reads stdin); directories are read
                                         recursively, in name order, hidden files skipped
  precis process --jsonl [OPTIONS] IN    one Result per line {id?, text?, html?, url?, language?} ("-" reads stdin);
                                         a line without id is line-N; a bad line gives a FAILED Result
  precis view [LENGTH] [-o DIR] FILE...  an HTML page per Result JSON file, or per article (processed
                                         first); one page may go to stdout, more need -o DIR
  precis view --jsonl IN -o DIR          an HTML page per Result line, as precis process prints them
  precis redrive [--queue-url URL --dlq-url URL]
                                         moves the dead letters back to the queue (precis redrive -h)
  precis backfill --prefix P [--concurrency N] [--state-machine ARN [--wait]]
                                         reprocesses every object under P with the current pipeline
                                         version, locally or on AWS (precis backfill -h)

Options:
  --format json|text|markdown  json (the default): one Result JSON line each; text and markdown: title,
                               byline, date, summary, key phrases, top entities, dates and quotes
  --pretty                     indent the JSON
  -o, --output DIR             one file per article in DIR (made if missing); prints each file's path
  --parallel N                 N worker threads (${PARALLEL_RANGE.min} to ${PARALLEL_RANGE.max}); output stays in input order
  --sentences N                summary of at most N sentences (${SUMMARY_SENTENCES_RANGE.min} to ${SUMMARY_SENTENCES_RANGE.max})
  --words N                    summary of at most N words (${SUMMARY_WORDS_RANGE.min} to ${SUMMARY_WORDS_RANGE.max}), whole sentences
                               (default length: ${DEFAULT_LENGTH})
  -h, --help                   this help
  -v, --version                the version

Runs the pipeline in-process (no AWS). Results go to stdout; on a terminal, a progress bar and a closing
line go to stderr. Exit status: 0 done (FAILED Results included), 1 some input could not be read or the
pipeline crashed on it, 2 bad usage.`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface Inputs {
  readonly jsonl: boolean;
  /** Paths, "-" for stdin; for --jsonl exactly one. */
  readonly inputs: readonly string[];
  readonly length: SummaryLength;
  readonly outputDir?: string;
}

export interface ProcessCommand extends Inputs {
  readonly command: 'process';
  readonly format: Format;
  readonly pretty: boolean;
  readonly parallel: number;
}

export interface ViewCommand extends Inputs {
  readonly command: 'view';
}

export type Command = ProcessCommand | ViewCommand | { readonly command: 'help' | 'version' };

/** The options of `process` and `view` (and `--help`, `--version`), as `parseArgs` reads them. */
export const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  jsonl: { type: 'boolean' },
  sentences: { type: 'string' },
  words: { type: 'string' },
  format: { type: 'string' },
  pretty: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  parallel: { type: 'string' },
} as const;

const parallelSchema = z
  .string()
  .regex(/^\d+$/, 'Expected a whole number of threads')
  .transform(Number)
  .pipe(
    z
      .number()
      .min(PARALLEL_RANGE.min, `Expected at least ${PARALLEL_RANGE.min} thread`)
      .max(PARALLEL_RANGE.max, `Expected at most ${PARALLEL_RANGE.max} threads`),
  );

/** A numeric flag checked against its schema (the API's ranges for the summary length). */
function numberOption(flag: string, value: string | undefined, schema: z.ZodType<number, string>) {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(`${flag}: ${parsed.error.issues[0]?.message}, got "${value}"`);
}

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'json';
  const format = FORMATS.find((candidate) => candidate === value);
  if (format === undefined)
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${value}"`);
  return format;
}

function parseOrThrow(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/** The Command, 'help' and 'version' included; no arguments at all is a UsageError. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseOrThrow(argv);
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...inputs] = positionals;
  if (command === undefined) throw new UsageError('Give a command');
  if (command !== 'process' && command !== 'view') throw new UsageError(`Unknown command "${command}"`);
  if (inputs.length === 0) throw new UsageError('Give at least one FILE (or "-" for stdin)');
  const jsonl = values.jsonl === true;
  if (jsonl && inputs.length !== 1) throw new UsageError('--jsonl takes exactly one input file (or "-")');
  if (values.output === '') throw new UsageError('--output needs a directory');
  const common = {
    jsonl,
    inputs,
    length: summaryLength(
      numberOption('--sentences', values.sentences, summarySentencesTextSchema),
      numberOption('--words', values.words, summaryWordsTextSchema),
    ),
    ...(values.output === undefined ? {} : { outputDir: values.output }),
  };
  if (command === 'view') {
    for (const flag of ['format', 'pretty', 'parallel'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is an option of process, not view`);
    }
    return { command, ...common };
  }
  const parallel = numberOption('--parallel', values.parallel, parallelSchema) ?? 1;
  return { command, ...common, format: parseFormat(values.format), pretty: values.pretty === true, parallel };
}
