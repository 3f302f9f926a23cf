import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier } from '../../local/s3-notifications.ts';
import { KeyLocks } from '../../local/s3-versions.ts';
import { LOCAL_CREDENTIALS, LOCAL_NAMES, LOCAL_REGION } from '../../local/settings.ts';
import { startTestStack, type TestStack } from '../helpers/local-stack.ts';

/**
 * The notifier's catch-up scan against a write that lands between its listing and its bookkeeping: the
 * write was notified, so the scan must neither forget it nor notify it again as a new version (test:chaos
 * found that duplicate).
 */

let local: TestStack;
let ledgerDir: string;

beforeAll(async () => {
  local = await startTestStack();
  ledgerDir = mkdtempSync(join(tmpdir(), 'precis-ledger-'));
});

afterAll(async () => {
  await local?.dispose();
  rmSync(ledgerDir, { recursive: true, force: true });
});

describe('notifier scan racing a write', () => {
  it('keeps a key written after its listing, and does not notify it twice', async () => {
    const { QueueUrl: queueUrl = '' } = await local.clients.sqs.send(
      new CreateQueueCommand({ QueueName: 'notifier-race' }),
    );
    const s3 = new S3Client({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: local.stack.endpoints.s3,
      forcePathStyle: true,
    });
    const locks = new KeyLocks();
    const key = 'incoming/written during a scan.txt';
    let afterListing: (() => Promise<void>) | undefined;
    s3.middlewareStack.add(
      (next, context) => async (args) => {
        const output = await next(args);
        const hook = context.commandName === 'ListObjectsV2Command' ? afterListing : undefined;
        afterListing = undefined;
        await hook?.();
        return output;
      },
      { step: 'initialize', name: 'afterListing' },
    );
    const notifier = createNotifier({
      s3,
      sqs: local.clients.sqs,
      bucket: LOCAL_NAMES.bucket,
      prefix: 'incoming/',
      queueUrl,
      region: LOCAL_REGION,
      ledgerPath: join(ledgerDir, 'ledger.json'),
      intervalMs: 60_000,
      locks,
      onError: (error) => {
        throw error;
      },
    });
    afterListing = async () => {
      await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: 'An article.' }));
      await locks.run(key, () => notifier.notifyWrite(key));
    };

    await notifier.scan();
    const again = await notifier.scan();
    const { Attributes = {} } = await local.clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    s3.destroy();

    expect(again).toBe(0);
    expect(Number(Attributes.ApproximateNumberOfMessages)).toBe(1);
  });
});
