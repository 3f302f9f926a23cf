#!/usr/bin/env node
// The `npx precis` entry: registers tsx's loader so the TypeScript CLI runs without a build step.
import { register } from 'tsx/esm/api';

// A reader that goes away (`precis process … | head`) ends the run quietly, with status 0.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), process);
