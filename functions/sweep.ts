import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { createArticleBucket } from '#shared/adapters/article-bucket.ts';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import { createAwsClients } from '#shared/adapters/aws-clients.ts';
import { loadConfig } from '#shared/config.ts';
import { type SweepStuckDeps, sweepStuck } from '#shared/use-cases/sweep-stuck.ts';
import { logger, logMetricsWhenAny, MetricUnit, metrics } from './observability.ts';

/**
 * Scheduled (every 15 minutes in AWS, on start and every minute locally): fails Results stuck PENDING or
 * PROCESSING past STUCK_AFTER_SECONDS with code TIMED_OUT.
 */
export function createSweepHandler(deps: SweepStuckDeps) {
  return middy()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetricsWhenAny(metrics))
    .handler(async () => {
      const failed = await sweepStuck(deps);
      if (failed.length > 0) {
        metrics
          .singleMetric()
          .addDimension('code', 'TIMED_OUT')
          .addMetric('ArticlesFailed', MetricUnit.Count, failed.length);
      }
      return { failed: failed.length };
    });
}

const config = loadConfig();
const clients = createAwsClients(config);

export const handler = createSweepHandler({
  store: createArticleStore(clients.documentClient, config.tableName),
  bucket: createArticleBucket(clients.s3, config.bucketName),
  logger,
  stuckAfterMs: config.stuckAfterSeconds * 1_000,
});
