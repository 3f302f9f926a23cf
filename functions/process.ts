import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';

/** SQS batch of S3 event notifications -> Results in the table. Work in progress: wiring lands next. */
export const handler = async (_event: SQSEvent, _context: Context): Promise<SQSBatchResponse> => ({
  batchItemFailures: [],
});
