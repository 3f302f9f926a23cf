import { PutObjectCommand } from '@aws-sdk/client-s3';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { DeleteCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildS3EventRecord } from '#shared/events/s3-event-record.ts';
import type { Result } from '#shared/result.ts';
import { LOCAL_NAMES, LOCAL_REGION } from '../../local/settings.ts';
import { eventually, httpTestStack, resultsForKey } from '../helpers/local-stack.ts';

/**
 * The uploads to a key are listed in the order of the objects, not of the notifications: a duplicate
 * notification of the first upload with a later event time, delivered while its Result is unfinished (its
 * first processing crashed), processes it again but leaves it where it was, behind the second upload.
 */

const KEY = 'incoming/by-key/order.txt';
const article = (what: string) =>
  `Mayor Ann Lee of Springfield said on Monday that the ${what} bridge would open next year.`;

const http = httpTestStack();

const listed = async () =>
  ((await (await http.api(`/articles?key=${encodeURIComponent(KEY)}`)).json()) as { items: Result[] }).items;
const doneResults = async (count: number) => {
  const results = await resultsForKey(http.local.stack.endpoints.api, KEY);
  return results.length === count && results.every((result) => result.status === 'DONE')
    ? results
    : undefined;
};

describe('the order of the uploads to a key', () => {
  it('stays the objects when a duplicate notification with a later event time reprocesses an unfinished Result', {
    timeout: 400_000,
  }, async () => {
    const { s3, sqs, documentClient } = http.local.clients;
    await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: KEY, Body: article('first') }));
    await eventually(() => doneResults(1), { timeoutMs: 180_000, what: 'the first upload DONE' });
    await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: KEY, Body: article('second') }));
    const [second, first] = await eventually(() => doneResults(2), {
      timeoutMs: 180_000,
      what: 'both uploads DONE',
    });
    if (first === undefined || second === undefined) throw new Error('two Results expected');
    expect(first.text).toContain('first');
    // The first processing of the first upload crashed: its Result is PROCESSING, its idempotency record gone.
    await documentClient.send(
      new UpdateCommand({
        TableName: LOCAL_NAMES.table,
        Key: { pk: `ARTICLE#${first.id}`, sk: 'RESULT' },
        UpdateExpression: 'SET #status = :processing',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':processing': 'PROCESSING' },
      }),
    );
    const { Items = [] } = await documentClient.send(
      new ScanCommand({ TableName: LOCAL_NAMES.idempotencyTable }),
    );
    for (const record of Items) {
      await documentClient.send(
        new DeleteCommand({ TableName: LOCAL_NAMES.idempotencyTable, Key: { id: record.id } }),
      );
    }

    // S3 delivers the first upload's notification again, stamped later than the second upload.
    const duplicate = buildS3EventRecord(LOCAL_NAMES.bucket, LOCAL_REGION, {
      key: KEY,
      size: first.source.bytes,
      eTag: first.source.etag ?? '',
      ...(first.source.versionId === undefined ? {} : { versionId: first.source.versionId }),
      lastModified: new Date(Date.now() + 60_000),
      sequencer: 'FFFFFFFFFFFFFFFF',
    });
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: http.local.stack.queue.url,
        MessageBody: JSON.stringify({ Records: [duplicate] }),
      }),
    );
    await eventually(
      async () =>
        (await listed()).find((item) => item.id === first.id)?.status === 'DONE' ? true : undefined,
      { timeoutMs: 180_000, what: 'the first upload DONE again' },
    );

    expect((await listed()).map((item) => item.id)).toEqual([second.id, first.id]);
  });
});
