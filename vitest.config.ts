import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files that need a process of their own (the `forks` pool): they start the local stack's emulators
 * (SQLite, LevelDB, signals), spawn esbuild, the CLI, the aws CLI, Chromium or child stacks, synthesise with
 * CDK (bundling runs esbuild in child processes) or set `process.env` for the handlers they import. Every other
 * file is pure or talks to an in-memory dynalite, and runs in a worker thread, which starts faster.
 */
const NEEDS_A_PROCESS = [
  'tests/local/**/*.test.ts',
  'tests/infra/**/*.test.ts',
  'tests/scripts/chaos.test.ts',
  'tests/cli/{precis,precis-output,precis-view,backfill-command,redrive}.test.ts',
  'tests/functions/{api,process}.test.ts',
  'tests/shared/adapters/article-bucket.test.ts',
  'tests/shared/use-cases/process-object-retries.test.ts',
  'tests/shared/viewer/viewer.browser.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores, which is a single worker on a 2-core CI runner.
    // Most of the slow files wait on local servers, queues and child processes rather than compute, so two
    // workers overlap that waiting; the tests hold under load (no timed assertions). The limit is shared by
    // both projects.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: 'threads', pool: 'threads', include: ['tests/**/*.test.ts'], exclude: NEEDS_A_PROCESS },
      },
      { extends: true, test: { name: 'forks', pool: 'forks', include: NEEDS_A_PROCESS } },
    ],
  },
});
