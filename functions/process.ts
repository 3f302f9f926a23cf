import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createArticleBucket } from '#shared/adapters/article-bucket.ts';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import { createAwsClients } from '#shared/adapters/aws-clients.ts';
import { createEventBus } from '#shared/adapters/event-bus.ts';
import { isProcessedByCurrentVersion } from '#shared/backfill/already-processed.ts';
import {
  type BackfillBatchEvent,
  type BackfillItem,
  isBackfillBatch,
} from '#shared/backfill/backfill-item.ts';
import type { BackfillBatchReport } from '#shared/backfill/process-batch.ts';
import { loadConfig } from '#shared/config.ts';
import { InputError } from '#shared/errors.ts';
import { objectVersionKey, parseS3Notification, type S3ObjectRef } from '#shared/events/s3-event.ts';
import { loadNerModel } from '#shared/facts/ner/tag-entities.ts';
import { processArticle } from '#shared/process-article.ts';
import { PIPELINE_VERSION } from '#shared/result-values.ts';
import {
  type ProcessObjectDeps,
  type ProcessOutcome,
  processObject,
} from '#shared/use-cases/process-object.ts';
import { runBackfillBatch } from './backfill-batch.ts';
import { logger, logMetricsWhenAny, MetricUnit, metrics } from './observability.ts';

type ProcessOnce = (ref: S3ObjectRef) => Promise<ProcessOutcome>;

/** The process function's two kinds of event: queued S3 notifications, and a backfill's batches. */
export interface ProcessHandler {
  (event: SQSEvent, context: Context): Promise<SQSBatchResponse>;
  (event: BackfillBatchEvent, context: Context): Promise<BackfillBatchReport>;
}

/**
 * The SQS consumer: each message body is an S3 event notification. Outcomes per record:
 * - processed (DONE or FAILED Result stored), duplicate, or ignored (outside incoming/, s3:TestEvent): success;
 * - a body that is not an S3 notification: logged with the metric MalformedMessages and dropped (success),
 *   since no redelivery can fix it and there is no object to attach a FAILED Result to;
 * - any other error (DependencyError, a bug): the record is reported failed, SQS redelivers it, then DLQ.
 * It also takes the batches of a backfill from the state machine (functions/backfill-batch.ts): the same
 * path per object, with objects the current pipeline version processed skipped (`isCurrent`).
 */
export function createProcessHandler(
  processOnce: ProcessOnce,
  idempotency?: IdempotencyConfig,
  isCurrent: (item: BackfillItem) => Promise<boolean> = async () => false,
): ProcessHandler {
  const processor = new BatchProcessor(EventType.SQS);

  async function handleRecord(record: SQSRecord, process: ProcessOnce): Promise<void> {
    let notification: ReturnType<typeof parseS3Notification>;
    try {
      notification = parseS3Notification(record.body);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      logger.error('Dropping a message that is not an S3 event notification', {
        messageId: record.messageId,
        error,
        body: record.body.slice(0, MAX_LOGGED_BODY),
      });
      metrics.addMetric('MalformedMessages', MetricUnit.Count, 1);
      return;
    }
    if (notification.kind === 'test') {
      logger.info('Ignoring s3:TestEvent', { messageId: record.messageId });
      return;
    }
    for (const reason of notification.invalid) {
      logger.error('Dropping a malformed record of an S3 event notification', {
        messageId: record.messageId,
        reason: reason.slice(0, MAX_LOGGED_BODY),
      });
      metrics.addMetric('MalformedMessages', MetricUnit.Count, 1);
    }
    for (const ref of notification.removed) {
      logger.info('Object removed; its Results stay', {
        messageId: record.messageId,
        bucket: ref.bucket,
        key: ref.key,
        eventName: ref.eventName,
      });
    }
    for (const ref of notification.objects) {
      try {
        report(ref, await process(ref));
      } catch (error) {
        logger.error('Processing failed; the message will be redelivered', {
          messageId: record.messageId,
          ref,
          error,
        });
        throw error;
      }
    }
  }

  const handler = middy<SQSEvent | BackfillBatchEvent, SQSBatchResponse | BackfillBatchReport>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetricsWhenAny(metrics, { captureColdStartMetric: true }))
    .handler(async (event, context: Context) => {
      idempotency?.registerLambdaContext(context);
      const process = shareWithinBatch(processOnce);
      if (isBackfillBatch(event)) return runBackfillBatch(event, { isCurrent, processOne: process });
      metrics.addMetric('RecordsReceived', MetricUnit.Count, event.Records.length);
      return processPartialResponse(event, (record: SQSRecord) => handleRecord(record, process), processor, {
        context,
        throwOnFullBatchFailure: false,
      });
    });
  return handler as ProcessHandler;
}

const MAX_LOGGED_BODY = 1_000;

function report(ref: S3ObjectRef, outcome: ProcessOutcome): void {
  const where = { bucket: ref.bucket, key: ref.key };
  switch (outcome.kind) {
    case 'ignored':
      logger.info('Ignoring object', { ...where, reason: outcome.reason });
      return;
    case 'duplicate':
      logger.info('Result already final; duplicate event', { ...where, id: outcome.id });
      metrics.addMetric('DuplicateEvents', MetricUnit.Count, 1);
      return;
    case 'stored':
      logger.info('Stored result', { ...where, id: outcome.id, status: outcome.status, code: outcome.code });
      if (outcome.status === 'FAILED') {
        metrics
          .singleMetric()
          .addDimension('code', outcome.code ?? 'UNKNOWN')
          .addMetric('ArticlesFailed', MetricUnit.Count, 1);
        return;
      }
      metrics.addMetric('ArticlesProcessed', MetricUnit.Count, 1);
      metrics.addMetric('ProcessingLatency', MetricUnit.Milliseconds, latencySince(ref.eventTime));
  }
}

/** End-to-end latency: from the upload's event time to the stored Result. */
const latencySince = (eventTime: string) => Math.max(0, Date.now() - Date.parse(eventTime) || 0);

/** A replayed or shared outcome is a duplicate delivery: counted as such, not as a second article. */
function asDuplicate(outcome: ProcessOutcome): ProcessOutcome {
  return outcome.kind === 'stored' ? { kind: 'duplicate', id: outcome.id } : outcome;
}

/**
 * Records of one batch run concurrently, so a notification delivered twice in the same batch would find its
 * own idempotency record in progress and fail. Copies of an object version share the first one's processing
 * instead, and succeed (or fail) with it as duplicates.
 */
function shareWithinBatch(process: ProcessOnce): ProcessOnce {
  const inFlight = new Map<string, Promise<ProcessOutcome>>();
  return (ref) => {
    const key = objectVersionKey(ref);
    const first = inFlight.get(key);
    if (first !== undefined) return first.then(asDuplicate);
    const processing = process(ref);
    inFlight.set(key, processing);
    return processing;
  };
}

const reprocessSuffix = (ref: S3ObjectRef) =>
  ref.reprocessRequestedAt === undefined ? '' : `#reprocess@${ref.reprocessRequestedAt}`;

/** Wraps processing with Powertools idempotency keyed on bucket/key/version, when a table is configured. */
function withIdempotency(process: ProcessOnce, tableName: string | undefined, dynamodb: DynamoDBClient) {
  if (tableName === undefined) return { processOnce: process, idempotency: undefined };
  const idempotency = new IdempotencyConfig({
    eventKeyJmesPath: 'objectVersion',
    responseHook: (response) => asDuplicate(response as ProcessOutcome),
  });
  const idempotent = makeIdempotent(
    async (request: { objectVersion: string; ref: S3ObjectRef }) => process(request.ref),
    {
      persistenceStore: new DynamoDBPersistenceLayer({ tableName, awsSdkV3Client: dynamodb }),
      config: idempotency,
    },
  );
  return {
    // Per pipeline version: a backfill after a release reprocesses what the previous version processed.
    // And per reprocess request: POST /articles/{id}/reprocess runs the same version again.
    processOnce: (ref: S3ObjectRef) =>
      idempotent({
        objectVersion: `${objectVersionKey(ref)}@${PIPELINE_VERSION}${reprocessSuffix(ref)}`,
        ref,
      }),
    idempotency,
  };
}

const config = loadConfig();
// The tagger's model is decoded during INIT, so a cold start's cost is measured in one place and stays out
// of the first batch's time.
loadNerModel();
const clients = createAwsClients(config);
const deps: ProcessObjectDeps = {
  bucket: createArticleBucket(clients.s3, config.bucketName),
  store: createArticleStore(clients.documentClient, config.tableName),
  logger,
  maxInputBytes: config.maxInputBytes,
  sentences: config.summarySentences,
  words: config.summaryWords,
  ...(config.eventBusName === undefined
    ? {}
    : { events: createEventBus(new EventBridgeClient({}), config.eventBusName) }),
};
const { processOnce, idempotency } = withIdempotency(
  (ref) => processObject(ref, deps),
  config.idempotencyTableName,
  clients.dynamodb,
);

export const handler: ProcessHandler = createProcessHandler(processOnce, idempotency, (item) =>
  isProcessedByCurrentVersion(deps.store, item),
);

/**
 * Runs the pipeline once on a sample article (`name` is its file name, which tells its format), for the
 * build's V8 code cache (infra/runtime/write-code-cache.cjs): the cache then holds the bytecode of the
 * functions the pipeline compiled, so a cold start's first article does not compile them again. Throws when the
 * sample does not end DONE.
 */
export function warmUp(bytes: Uint8Array, name: string): void {
  const result = processArticle({
    id: 'warm-up',
    source: { bucket: 'warm-up', key: `incoming/${name}`, bytes: bytes.length },
    bytes,
  });
  // A sample that does not process means the bundle is broken (say, a library loaded on first use missing from
  // it): the build fails here rather than shipping it.
  if (result.status !== 'DONE') {
    throw new Error(
      `The warm-up sample ${name} did not process: ${result.error?.code} ${result.error?.message}`,
    );
  }
}
