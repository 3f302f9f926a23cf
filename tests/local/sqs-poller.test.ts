import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { succeededRecords, toSqsRecord } from '../../local/sqs-poller.ts';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:000000000000:precis-incoming';

function recordsWithIds(...ids: string[]): SQSRecord[] {
  return ids.map((id) =>
    toSqsRecord({ MessageId: id, ReceiptHandle: `rh-${id}`, Body: '{}' }, QUEUE_ARN, 'us-east-1'),
  );
}

describe('toSqsRecord', () => {
  it('builds the record Lambda passes for an SQS message', () => {
    const record = toSqsRecord(
      {
        MessageId: 'm1',
        ReceiptHandle: 'rh1',
        Body: '{"Records":[]}',
        MD5OfBody: 'md5',
        Attributes: {
          ApproximateReceiveCount: '2',
          SentTimestamp: '1700000000000',
          SenderId: '000000000000',
          ApproximateFirstReceiveTimestamp: '1700000000001',
        },
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'upload' } },
      },
      QUEUE_ARN,
      'us-east-1',
    );

    expect(record).toEqual({
      messageId: 'm1',
      receiptHandle: 'rh1',
      body: '{"Records":[]}',
      attributes: {
        ApproximateReceiveCount: '2',
        SentTimestamp: '1700000000000',
        SenderId: '000000000000',
        ApproximateFirstReceiveTimestamp: '1700000000001',
      },
      messageAttributes: { kind: { dataType: 'String', stringValue: 'upload' } },
      md5OfBody: 'md5',
      eventSource: 'aws:sqs',
      eventSourceARN: QUEUE_ARN,
      awsRegion: 'us-east-1',
    });
  });
});

describe('succeededRecords', () => {
  it.each([
    {
      when: 'the handler reports no failures',
      response: { batchItemFailures: [] },
      deleted: ['a', 'b', 'c'],
    },
    { when: 'the handler returns nothing', response: undefined, deleted: ['a', 'b', 'c'] },
    {
      when: 'the handler reports one failure',
      response: { batchItemFailures: [{ itemIdentifier: 'b' }] },
      deleted: ['a', 'c'],
    },
    {
      when: 'the handler reports every record failed',
      response: {
        batchItemFailures: [{ itemIdentifier: 'a' }, { itemIdentifier: 'b' }, { itemIdentifier: 'c' }],
      },
      deleted: [],
    },
    {
      when: 'a reported failure names no record of the batch',
      response: { batchItemFailures: [{ itemIdentifier: 'zzz' }] },
      deleted: [],
    },
  ])('deletes $deleted when $when', ({ response, deleted }) => {
    const records = recordsWithIds('a', 'b', 'c');

    const succeeded = succeededRecords(records, { response });

    expect(succeeded.map((record) => record.messageId)).toEqual(deleted);
  });

  it('deletes nothing when the handler throws', () => {
    expect(succeededRecords(recordsWithIds('a', 'b'), { error: new Error('boom') })).toEqual([]);
  });
});
