import {
  type BackfillBatchEvent,
  backfillBatchSchema,
  itemsOfBatch,
} from '#shared/backfill/backfill-item.ts';
import {
  type BackfillBatchDeps,
  BackfillBatchError,
  type BackfillBatchReport,
  processBackfillBatch,
} from '#shared/backfill/process-batch.ts';
import { InputError } from '#shared/errors.ts';
import { logger, MetricUnit, metrics } from './observability.ts';

/** Objects of a batch in flight at once in one process function. */
export const BACKFILL_OBJECT_CONCURRENCY = 8;
const MAX_REPORTED_FAILURES = 10;

/**
 * A batch of a backfill, as the state machine's Distributed Map sends it: reprocessed through the same path
 * as a queued upload, objects the current pipeline version already processed skipped. Returns the batch's
 * report (which the state machine's ResultWriter keeps, with the objects whose Result is FAILED and their
 * codes); throws BackfillBatchError (retried by the state machine) when some objects could not be processed.
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
  metrics.addMetric('BackfillFailedResults', MetricUnit.Count, report.failedResults.length);
  if (report.failed.length > 0) {
    const examples = report.failed
      .slice(0, MAX_REPORTED_FAILURES)
      .map((failure) => `${failure.key}: ${failure.message}`)
      .join('; ');
    throw new BackfillBatchError(
      `${report.failed.length} of ${report.items} objects failed: ${examples}`,
      report,
    );
  }
  return report;
}
