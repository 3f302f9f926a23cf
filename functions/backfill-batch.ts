import {
  type BackfillBatchEvent,
  backfillBatchSchema,
  itemsOfBatch,
} from '#shared/backfill/backfill-item.ts';
import {
  type BackfillBatchDeps,
  type BackfillBatchReport,
  processBackfillBatch,
} from '#shared/backfill/process-batch.ts';
import { InputError } from '#shared/errors.ts';
import { logger, MetricUnit, metrics } from './observability.ts';

/**
 * Some objects of a backfill batch failed for a reason a retry may fix. Step Functions retries the batch (the
 * objects processed meanwhile are skipped then), and past its retries counts the batch as failed.
 */
export class BackfillBatchError extends Error {
  override readonly name = 'BackfillBatchError';
}

/** Objects of a batch in flight at once in one process function. */
export const BACKFILL_OBJECT_CONCURRENCY = 8;
const MAX_REPORTED_FAILURES = 10;

/**
 * A batch of a backfill, as the state machine's Distributed Map sends it: reprocessed through the same path
 * as a queued upload, objects the current pipeline version already processed skipped. Returns the batch's
 * report; throws BackfillBatchError (retried by the state machine) when some objects failed.
 */
export async function runBackfillBatch(
  event: BackfillBatchEvent,
  deps: Omit<BackfillBatchDeps, 'concurrency'>,
): Promise<BackfillBatchReport> {
  const parsed = backfillBatchSchema.safeParse(event);
  if (!parsed.success) {
    throw new InputError('INVALID_INPUT', `Not a backfill batch: ${parsed.error.message}`, {
      cause: parsed.error,
    });
  }
  const report = await processBackfillBatch(itemsOfBatch(parsed.data), {
    ...deps,
    concurrency: BACKFILL_OBJECT_CONCURRENCY,
  });
  logger.info('Backfill batch', { execution: parsed.data.BatchInput.execution, ...report });
  metrics.addMetric('BackfillObjectsProcessed', MetricUnit.Count, report.processed);
  metrics.addMetric('BackfillObjectsSkipped', MetricUnit.Count, report.skipped);
  metrics.addMetric('BackfillObjectsFailed', MetricUnit.Count, report.failed.length);
  if (report.failed.length > 0) {
    const examples = report.failed
      .slice(0, MAX_REPORTED_FAILURES)
      .map((failure) => `${failure.key}: ${failure.message}`)
      .join('; ');
    throw new BackfillBatchError(`${report.failed.length} of ${report.items} objects failed: ${examples}`);
  }
  return report;
}
