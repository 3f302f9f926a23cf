import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores, which is a single worker on a 2-core CI runner.
    // Most of the slow files wait on local servers, queues and child processes rather than compute, so two
    // workers overlap that waiting; the tests hold under load (no timed assertions).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
