import { readFile } from 'node:fs/promises';
import { type Result, resultSchema } from '#shared/result.ts';
import { renderResultPage } from '#shared/viewer/render-page.ts';
import { UsageError, type ViewCommand } from './arguments.ts';
import { expandPaths, lineStream, readAll, readError, STDIN } from './inputs.ts';
import { directoryOutput, guardStdout, PipeClosedError } from './output.ts';
import { EXIT_OK, EXIT_PARTIAL, type Io } from './process-command.ts';
import { processSafely } from './process-safely.ts';
import { createProgress } from './progress.ts';

/**
 * `precis view`: an HTML page per Result. Inputs are Result JSON files (as `precis process -o` writes them),
 * Result lines (--jsonl, as `precis process` prints them), or articles, which are processed first.
 */

type Page = { readonly result: Result } | { readonly problem: string };

/** A JSON object with the Result's own fields is read as a Result; anything else is an article. */
function asResultJson(text: string): unknown {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const json = JSON.parse(text) as Record<string, unknown> | null;
    return json !== null && typeof json.status === 'string' && typeof json.pipelineVersion === 'string'
      ? json
      : undefined;
  } catch {
    return undefined;
  }
}

function parseResult(json: unknown, where: string): Page {
  const parsed = resultSchema.safeParse(json);
  if (parsed.success) return { result: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    problem: `${where} is not a valid Result: ${issue?.path.join('.') || 'value'}: ${issue?.message}`,
  };
}

async function* filePages(paths: readonly string[], command: ViewCommand, io: Io): AsyncGenerator<Page> {
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = path === STDIN ? await readAll(io.stdin) : await readFile(path);
    } catch (error) {
      yield { problem: readError(path, error).message };
      continue;
    }
    const json = asResultJson(new TextDecoder().decode(bytes));
    if (json !== undefined) {
      yield parseResult(json, path);
      continue;
    }
    const id = path === STDIN ? 'stdin' : path;
    const { result, crash } = processSafely(
      { id, bytes, source: { bytes: bytes.byteLength, ...(path === STDIN ? {} : { key: path }) } },
      command.length,
    );
    yield crash === undefined ? { result } : { problem: `the pipeline crashed on ${id}: ${crash}` };
  }
}

async function* jsonlPages(path: string, io: Io): AsyncGenerator<Page> {
  let lineNumber = 0;
  for await (const line of lineStream(path, io.stdin)) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      yield { problem: `Line ${lineNumber} is not valid JSON` };
      continue;
    }
    yield parseResult(json, `Line ${lineNumber}`);
  }
}

export async function runView(command: ViewCommand, io: Io): Promise<number> {
  const [first = STDIN] = command.inputs;
  const paths = command.jsonl ? [] : await expandPaths(command.inputs);
  if (command.outputDir === undefined && (command.jsonl || paths.length !== 1)) {
    throw new UsageError('More than one page: give a directory with -o DIR');
  }
  const progress = createProgress(io.stderr);
  const stdout = guardStdout(io.stdout);
  const files =
    command.outputDir === undefined ? undefined : await directoryOutput(command.outputDir, '.html');
  const pages = command.jsonl ? jsonlPages(first, io) : filePages(paths, command, io);
  progress.start(command.jsonl ? undefined : paths.length);
  let exitCode = EXIT_OK;
  try {
    for await (const page of pages) {
      if ('problem' in page) {
        progress.warn(page.problem);
        exitCode = EXIT_PARTIAL;
        continue;
      }
      const html = renderResultPage(page.result);
      await stdout.write(files ? `${await files.write(page.result.id, html)}\n` : html);
      progress.tick(page.result);
    }
  } catch (error) {
    if (error instanceof PipeClosedError) return EXIT_OK;
    if (!command.jsonl) throw error;
    progress.warn(readError(first, error).message);
    return EXIT_PARTIAL;
  } finally {
    progress.finish(files ? `pages in ${command.outputDir}` : undefined);
  }
  return exitCode;
}
