import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryIo } from '#tests/helpers/cli.ts';
import { backfillCommand } from '../../cli/backfill.ts';

/**
 * `precis backfill` against a local API that answers as the local stack does (a real HTTP server on a free
 * port, with canned statuses): what it prints at the end and its exit status. The stack itself is
 * tests/local/backfill.test.ts.
 */

const ID = 'backfill-20261201-010000-0000abcd';
const PREFIX = 'incoming/archive/';
const running = {
  id: ID,
  status: 'RUNNING',
  prefix: PREFIX,
  concurrency: 5,
  startedAt: '2026-12-01T01:00:00Z',
};

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** A local API whose POST /backfills answers RUNNING and whose GET /backfills/{id} answers `ended`. */
async function localApi(ended: Record<string, unknown>): Promise<string> {
  server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.statusCode = request.method === 'POST' ? 202 : 200;
    response.end(JSON.stringify(request.method === 'POST' ? running : { ...running, ...ended }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return String((server.address() as AddressInfo).port);
}

async function backfill(port: string) {
  const io = memoryIo();
  const status = await backfillCommand(
    ['--prefix', PREFIX],
    { stdout: io.stdout, stderr: io.stderr },
    { PRECIS_API_PORT: port },
  );
  return { status, stdout: io.text(), stderr: io.errors() };
}

describe('precis backfill on the local stack', () => {
  it('prints the counts and every object that did not end DONE, and exits 0 when SUCCEEDED', {
    timeout: 30_000,
  }, async () => {
    const port = await localApi({
      status: 'SUCCEEDED',
      objects: { listed: 3, processed: 3, failed: 0, skipped: 0 },
      failures: [{ key: `${PREFIX}picture.png`, id: 'a1b2', code: 'UNSUPPORTED_CONTENT' }],
    });

    const run = await backfill(port);

    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `3 objects under ${PREFIX}: 3 processed, 0 already processed by this pipeline version, 0 could not be processed\n` +
        `UNSUPPORTED_CONTENT ${PREFIX}picture.png (article a1b2)\n`,
    );
  });

  it('exits 1 and says why when more objects than tolerated could not be processed', {
    timeout: 30_000,
  }, async () => {
    const error =
      'States.ExceedToleratedFailureThreshold: 2 of 2 objects could not be processed, more than the 5% tolerated';
    const port = await localApi({
      status: 'FAILED',
      error,
      objects: { listed: 2, processed: 0, failed: 2, skipped: 0 },
      failures: [
        { key: `${PREFIX}a.txt`, code: 'RETRIES_EXHAUSTED', message: 'DependencyError: throttled' },
        { key: `${PREFIX}b.txt`, code: 'RETRIES_EXHAUSTED', message: 'DependencyError: throttled' },
      ],
    });

    const run = await backfill(port);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`RETRIES_EXHAUSTED ${PREFIX}a.txt: DependencyError: throttled\n`);
    expect(run.stderr).toContain(`${ID} FAILED: ${error}`);
  });
});
