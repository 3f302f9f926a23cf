#!/usr/bin/env node
// The `npx precis` entry: runs the compiled CLI (dist/main.mjs), rebuilding it first when a source file
// changed since it was built (see bin/build.js). Node's compile cache (in the OS temporary directory) keeps
// V8's bytecode of the bundle between runs, so a start does not parse the bundle again.
import module from 'node:module';
import { buildCli, CLI_BUNDLE, isStale } from './build.js';

// A reader that goes away (`precis process … | head`) ends the run quietly, with status 0.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

module.enableCompileCache?.();
if (isStale()) await buildCli();
const { main } = await import(CLI_BUNDLE);
process.exitCode = await main(process.argv.slice(2), process);
