#!/usr/bin/env node
// The `npx precis` entry: runs the compiled CLI (dist/main.mjs), rebuilding it first when a source file
// changed since it was built (see bin/build.js). Node's compile cache (in the OS temporary directory) keeps
// V8's bytecode of the bundle between runs, so a start does not parse the bundle again.
import module from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { buildCli, CLI_BUNDLE, isStale } from './build.js';

// A reader that goes away (`precis process … | head`) ends the run quietly, with status 0.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

module.enableCompileCache?.();
if (isStale()) await buildCli();
const { main, V8_FLAGS } = await import(CLI_BUNDLE);
// The functions' V8 flags (cli/main.ts), set in this process of our own before a command's modules load.
for (const flag of V8_FLAGS) setFlagsFromString(flag);
process.exitCode = await main(process.argv.slice(2), process);
