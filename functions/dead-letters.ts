import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import { createArticleBucket } from '#shared/adapters/article-bucket.ts';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import { createAwsClients } from '#shared/adapters/aws-clients.ts';
import {
  createDeadLetterQueue,
  type DeadLetter,
  type DeadLetterQueue,
  PEEK_VISIBILITY_SECONDS,
} from '#shared/adapters/dead-letter-queue.ts';
import { loadConfig, requiredSetting } from '#shared/config.ts';
import { type FailDeadLettersDeps, failDeadLetters } from '#shared/use-cases/fail-dead-letters.ts';
import { logger, logMetricsWhenAny, MetricUnit, metrics } from './observability.ts';

/** Dead letters read per run; the rest are read on the next runs. */
const MAX_PER_RUN = 500;

/**
 * Scheduled (every minute in AWS, every few seconds locally): peeks at the dead-letter queue, leaving the
 * messages there for `precis redrive`, and turns the Results they would have finished FAILED with code
 * RETRIES_EXHAUSTED. The messages it read are visible again as soon as it is done with them, so a redrive
 * running at the same time takes them at once instead of waiting out the peek.
 */
export function createDeadLettersHandler(queue: DeadLetterQueue, deps: FailDeadLettersDeps) {
  return middy()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetricsWhenAny(metrics))
    .handler(async () => {
      const letters = await queue.peek(MAX_PER_RUN);
      let failed: string[];
      try {
        failed = await failDeadLetters(letters, deps);
      } finally {
        await release(queue, letters);
      }
      metrics.addMetric('DeadLetters', MetricUnit.Count, letters.length);
      if (failed.length > 0) {
        metrics
          .singleMetric()
          .addDimension('code', 'RETRIES_EXHAUSTED')
          .addMetric('ArticlesFailed', MetricUnit.Count, failed.length);
      }
      return { deadLetters: letters.length, failed: failed.length };
    });
}

/** A release that fails only delays a redrive: the messages come back when their peek expires. */
async function release(queue: DeadLetterQueue, letters: readonly DeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  try {
    await queue.release(letters);
  } catch (error) {
    logger.warn('Could not show the dead letters again; they come back when their peek expires', {
      deadLetters: letters.length,
      peekVisibilitySeconds: PEEK_VISIBILITY_SECONDS,
      error,
    });
  }
}

const config = loadConfig();
const clients = createAwsClients(config);

export const handler = createDeadLettersHandler(
  // The regional endpoint (or AWS_ENDPOINT_URL_SQS locally), not the host named in the queue URL.
  createDeadLetterQueue(
    new SQSClient({ useQueueUrlAsEndpoint: false }),
    requiredSetting(config.deadLetterQueueUrl, 'deadLetterQueueUrl'),
  ),
  {
    store: createArticleStore(clients.documentClient, config.tableName),
    bucket: createArticleBucket(clients.s3, config.bucketName),
    logger,
  },
);
