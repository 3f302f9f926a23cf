import { PIPELINE_VERSION } from '#shared/result.ts';
import packageJson from '../package.json' with { type: 'json' };
import { type Command, parseCommand, USAGE, UsageError } from './arguments.ts';
import { EXIT_OK, EXIT_USAGE, type Io, runProcess } from './process-command.ts';
import { redriveCommand } from './redrive.ts';
import { runView } from './view-command.ts';

/** `npx precis`: parses the command line once, then runs `process` or `view` (or `redrive`). */

export type { Io };

const usageError = (io: Io, error: UsageError): number => {
  io.stderr.write(`precis: ${error.message}\n\n${USAGE}\n`);
  return EXIT_USAGE;
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // An operator's command with options of its own (see cli/redrive.ts).
  if (argv[0] === 'redrive') return redriveCommand(argv.slice(1), io);
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
      return runProcess(command, io);
    case 'view':
      try {
        return await runView(command, io);
      } catch (error) {
        if (error instanceof UsageError) return usageError(io, error);
        throw error;
      }
  }
}
