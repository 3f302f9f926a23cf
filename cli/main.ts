import { PIPELINE_VERSION } from '#shared/result.ts';
import { V8_FLAGS } from '../infra/function-sizing.ts';
import packageJson from '../package.json' with { type: 'json' };
import { type Command, parseCommand, USAGE, UsageError } from './arguments.ts';
import type { Io } from './process-command.ts';

/**
 * `npx precis`: parses the command line once, then runs `process` or `view` (or `redrive`, `backfill`).
 * Each command's module is imported when the command runs, so `--version`, `--help` and the operators'
 * commands do not pay for loading the pipeline (its language model alone is 0.6 s of CPU to evaluate).
 */

export type { Io };
/**
 * The V8 flags the functions run with (infra/function-sizing.ts says why). bin/precis.js sets them with
 * `setFlagsFromString` before it calls `main`, so before a command's modules load. `main` itself must not:
 * the tests call it inside a test runner's process, and changing V8's regular-expression flags in a process
 * that has already run many expressions crashed that process (SIGSEGV in CI).
 */
export { V8_FLAGS };

const EXIT_OK = 0;
const EXIT_USAGE = 2;

const usageError = (io: Io, error: UsageError): number => {
  io.stderr.write(`precis: ${error.message}\n\n${USAGE}\n`);
  return EXIT_USAGE;
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // An operator's command with options of its own (see cli/redrive.ts).
  if (argv[0] === 'redrive') return (await import('./redrive.ts')).redriveCommand(argv.slice(1), io);
  if (argv[0] === 'backfill') return (await import('./backfill.ts')).backfillCommand(argv.slice(1), io);
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error);
    throw error;
  }
  switch (command.command) {
    case 'help':
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    case 'version':
      io.stdout.write(`precis ${packageJson.version} (pipeline ${PIPELINE_VERSION})\n`);
      return EXIT_OK;
    case 'process':
      return (await import('./process-command.ts')).runProcess(command, io);
    case 'view':
      try {
        return await (await import('./view-command.ts')).runView(command, io);
      } catch (error) {
        if (error instanceof UsageError) return usageError(io, error);
        throw error;
      }
  }
}
