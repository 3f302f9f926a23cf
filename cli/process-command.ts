import type { Readable, Writable } from 'node:stream';
import type { ProcessCommand } from './arguments.ts';
import { EXTENSIONS, formatResult, SEPARATORS } from './formats.ts';
import {
  countRecords,
  expandPaths,
  fileItems,
  type Item,
  jsonlItems,
  lineStream,
  readError,
} from './inputs.ts';
import { directoryOutput, guardStdout, PipeClosedError } from './output.ts';
import { createProgress, type ErrorStream } from './progress.ts';
import { runArticles } from './run-articles.ts';

/** `precis process`: every input through the pipeline, each Result out in the asked format, in input order. */

export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: ErrorStream;
}

export const EXIT_OK = 0;
export const EXIT_PARTIAL = 1;
export const EXIT_USAGE = 2;

interface Source {
  readonly items: AsyncIterable<Item>;
  readonly total: Promise<number | undefined>;
}

async function openSource(command: ProcessCommand, io: Io): Promise<Source> {
  const [first = '-'] = command.inputs;
  if (command.jsonl) {
    return {
      items: jsonlItems(lineStream(first, io.stdin)),
      total: io.stderr.isTTY ? countRecords(first) : Promise.resolve(undefined),
    };
  }
  const paths = await expandPaths(command.inputs);
  return { items: fileItems(paths, io.stdin), total: Promise.resolve(paths.length) };
}

export async function runProcess(command: ProcessCommand, io: Io): Promise<number> {
  const progress = createProgress(io.stderr);
  const stdout = guardStdout(io.stdout);
  const files = command.outputDir
    ? await directoryOutput(command.outputDir, EXTENSIONS[command.format])
    : undefined;
  const source = await openSource(command, io);
  progress.start(await source.total);
  let exitCode = EXIT_OK;
  let written = 0;
  try {
    for await (const { item, result, crash } of runArticles(source.items, command.length, command.parallel)) {
      if (item.kind === 'unreadable' && item.warn) {
        progress.warn(item.error.message);
        exitCode = EXIT_PARTIAL;
      }
      if (crash !== undefined) {
        progress.warn(`the pipeline crashed on ${result.id}: ${crash}`);
        exitCode = EXIT_PARTIAL;
      }
      const text = formatResult(result, command.format, command.pretty);
      if (files) await stdout.write(`${await files.write(result.id, text)}\n`);
      else await stdout.write(written === 0 ? text : `${SEPARATORS[command.format]}${text}`);
      written += 1;
      progress.tick(result);
    }
  } catch (error) {
    if (error instanceof PipeClosedError) return EXIT_OK;
    if (!command.jsonl) throw error;
    progress.warn(readError(command.inputs[0] ?? '-', error).message);
    return EXIT_PARTIAL;
  } finally {
    progress.finish(files ? `files in ${command.outputDir}` : undefined);
  }
  return exitCode;
}
