import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import {
  eventually,
  LOCAL_TEST_TIMEOUT_MS,
  resultsForKey,
  startTestStack,
  type TestStack,
} from '../helpers/local-stack.ts';

/**
 * The local stack driven as a user would: the aws CLI against its S3 and DynamoDB endpoints (through
 * `localhost`, as the README writes them) and plain HTTP against its API.
 */

const run = promisify(execFile);
const SEED_PATH = new URL('../fixtures/seed-article.txt', import.meta.url).pathname;

let local: TestStack;

beforeAll(async () => {
  local = await startTestStack();
});

afterAll(async () => {
  await local?.dispose();
});

/** The URL as a user types it: localhost rather than the bound 127.0.0.1. */
function userEndpoint(endpoint: string): string {
  const url = new URL(endpoint);
  url.hostname = 'localhost';
  return url.origin;
}

async function aws(endpoint: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    'aws',
    ['--endpoint-url', userEndpoint(endpoint), '--region', 'us-east-1', ...args],
    {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
      },
    },
  );
  return stdout;
}

async function finalResultFor(key: string): Promise<Result> {
  return eventually(
    async () => {
      const items = await resultsForKey(userEndpoint(local.stack.endpoints.api), key);
      return items.find((result) => result.status === 'DONE' || result.status === 'FAILED');
    },
    { what: `a final Result for ${key}` },
  );
}

interface ScannedItem {
  readonly status?: { readonly S?: string };
  readonly source?: { readonly M?: { readonly key?: { readonly S?: string } } };
}

describe('local stack driven with the aws CLI', { timeout: LOCAL_TEST_TIMEOUT_MS }, () => {
  it('processes the seed article copied with `aws s3 cp` under a key with a space', async () => {
    const key = 'incoming/seed article.txt';

    await aws(local.stack.endpoints.s3, 's3', 'cp', SEED_PATH, `s3://${LOCAL_NAMES.bucket}/${key}`);
    const result = await finalResultFor(key);
    const listing = await aws(local.stack.endpoints.s3, 's3', 'ls', `s3://${LOCAL_NAMES.bucket}/incoming/`);
    const scan = JSON.parse(
      await aws(local.stack.endpoints.dynamodb, 'dynamodb', 'scan', '--table-name', LOCAL_NAMES.table),
    ) as { Items: ScannedItem[] };

    expect(result.status).toBe('DONE');
    expect(listing).toContain('seed article.txt');
    const stored = scan.Items.filter((item) => item.source?.M?.key?.S === key);
    expect(stored.map((item) => item.status?.S)).toEqual(['DONE']);
  }, 120_000);

  it('stores a FAILED Result with an error code when a binary file is copied', async () => {
    const binaryPath = join(local.dataDir, 'upload.bin');
    writeFileSync(binaryPath, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(256, 0)]));

    await aws(
      local.stack.endpoints.s3,
      's3',
      'cp',
      binaryPath,
      `s3://${LOCAL_NAMES.bucket}/incoming/report.pdf`,
    );
    const result = await finalResultFor('incoming/report.pdf');

    expect(result.status).toBe('FAILED');
    expect(result.error?.code).toBe('UNSUPPORTED_CONTENT');
  });
});
