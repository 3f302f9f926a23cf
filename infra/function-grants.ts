import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { INCOMING_PREFIX, PROCESSED_PREFIX } from '#shared/config.ts';
import { grantListVersions, grantObjects, grantReadPrefix } from './bucket-grants.ts';
import type { Storage } from './storage.ts';

/**
 * What each function may do with the stack's storage: only the prefixes, tables and actions it uses (asserted
 * on the template by tests/infra/security.test.ts). The backfill's grants are the state machine's own
 * (backfill-state-machine.ts).
 */

export interface PrecisFunctions {
  readonly processFunction: IFunction;
  readonly apiFunction: IFunction;
  readonly deadLettersFunction: IFunction;
  readonly sweepFunction: IFunction;
}

/** Grants each function what it uses of the bucket, the queues and the tables. */
export function grantStorageAccess(
  { bucket, deadLetterQueue, queue, table, idempotencyTable }: Storage,
  { processFunction, apiFunction, deadLettersFunction, sweepFunction }: PrecisFunctions,
): void {
  grantReadPrefix(bucket, processFunction, INCOMING_PREFIX, { versions: true });
  grantObjects(bucket, processFunction, 'put', PROCESSED_PREFIX);
  grantObjects(bucket, processFunction, 'delete', PROCESSED_PREFIX);
  // Query: a backfill skips objects the current pipeline version processed (byKey index).
  table.grant(processFunction, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query');
  // What the Powertools idempotency persistence layer does: get, put, update and delete a record.
  idempotencyTable.grant(
    processFunction,
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
  );

  grantObjects(bucket, apiFunction, 'put', INCOMING_PREFIX);
  grantReadPrefix(bucket, apiFunction, PROCESSED_PREFIX, { versions: false });
  // DELETE /articles/{id}: every version of the upload and of its processed/ objects.
  grantObjects(bucket, apiFunction, 'deleteVersions', INCOMING_PREFIX);
  grantObjects(bucket, apiFunction, 'deleteVersions', PROCESSED_PREFIX);
  grantListVersions(bucket, apiFunction, [INCOMING_PREFIX, PROCESSED_PREFIX]);
  // POST /articles/{id}/reprocess queues the stored upload for the process function.
  queue.grant(apiFunction, 'sqs:SendMessage');
  // Get, list and write Results; DELETE removes a Result and its entity index entries (with name counts).
  table.grant(
    apiFunction,
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
  );

  // ChangeMessageVisibility: it shows the messages it peeked again once done, so a redrive need not wait.
  deadLetterQueue.grant(deadLettersFunction, 'sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility');
  grantReadPrefix(bucket, deadLettersFunction, INCOMING_PREFIX, { versions: true });
  grantObjects(bucket, deadLettersFunction, 'delete', PROCESSED_PREFIX);
  table.grant(deadLettersFunction, 'dynamodb:PutItem', 'dynamodb:UpdateItem');

  grantObjects(bucket, sweepFunction, 'delete', PROCESSED_PREFIX);
  table.grant(sweepFunction, 'dynamodb:Query', 'dynamodb:UpdateItem');
}
