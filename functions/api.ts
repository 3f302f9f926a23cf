import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import httpContentNegotiation from '@middy/http-content-negotiation';
import httpCors from '@middy/http-cors';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { createLinkingArticleBucket } from '#shared/adapters/article-bucket-links.ts';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import { type AwsClients, createAwsClients } from '#shared/adapters/aws-clients.ts';
import { createBackfillRecords } from '#shared/adapters/local-backfills.ts';
import { createProcessQueue } from '#shared/adapters/process-queue.ts';
import type { Backfills } from '#shared/backfill/backfills.ts';
import { lazyBackfills } from '#shared/backfill/lazy-backfills.ts';
import { type Config, loadConfig } from '#shared/config.ts';
import { problemDetails } from '#shared/http/middleware.ts';
import { PROBLEM_MEDIA_TYPE } from '#shared/http/problem.ts';
import { JSON_MEDIA_TYPE } from '#shared/http/responses.ts';
import { createRouter } from '#shared/http/router.ts';
import { type ArticleRouteDeps, articleRoutes } from '#shared/http/routes-articles.ts';
import { type BackfillRouteDeps, backfillRoutes } from '#shared/http/routes-backfills.ts';
import { entityRoutes } from '#shared/http/routes-entities.ts';
import { metaRoutes } from '#shared/http/routes-meta.ts';
import { uploadRoutes } from '#shared/http/routes-uploads.ts';
import { logger, logMetricsWhenAny, MetricUnit, metrics } from './observability.ts';

export type ApiDeps = ArticleRouteDeps & BackfillRouteDeps;

export interface ApiOptions {
  /** Origins allowed to call the API from a browser (CORS); empty: no CORS headers at all. */
  readonly corsAllowOrigins?: readonly string[];
}

type Event = APIGatewayProxyEventV2;

/**
 * The HTTP API (payload 2.0): @middy/http-router over the route table (shared/events/api-routes.ts), every
 * error an RFC 9457 problem (shared/http/problem.ts) written by @middy/http-error-handler, `Accept`
 * negotiated (406 when it excludes JSON), CORS headers when origins are configured.
 */
export function createApiHandler(deps: ApiDeps, options: ApiOptions = {}) {
  const router = createRouter({
    ...metaRoutes(),
    ...articleRoutes({
      ...deps,
      onAccepted: (accepted) => {
        metrics.addMetric('ArticlesSubmitted', MetricUnit.Count, 1);
        logger.info('Accepted article', { ...accepted });
      },
    }),
    ...entityRoutes(deps),
    ...uploadRoutes(deps),
    ...backfillRoutes(deps),
  });
  const corsAllowOrigins = options.corsAllowOrigins ?? [];
  const handler = middy<Event, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetricsWhenAny(metrics))
    .use(httpHeaderNormalizer())
    .use(httpErrorHandler({ logger: false }))
    .use(problemDetails(logger));
  if (corsAllowOrigins.length > 0) {
    handler.use(httpCors({ origins: [...corsAllowOrigins], exposeHeaders: 'Location, Retry-After, Allow' }));
  }
  return handler
    .use(
      httpContentNegotiation({
        parseCharsets: false,
        parseEncodings: false,
        parseLanguages: false,
        availableMediaTypes: [JSON_MEDIA_TYPE, PROBLEM_MEDIA_TYPE],
      }),
    )
    .handler((event: Event, context: Context) => {
      metrics.addMetric('ApiRequests', MetricUnit.Count, 1);
      return router(event, context) as Promise<APIGatewayProxyResultV2>;
    });
}

/**
 * Where POST /backfills runs: the backfill state machine when the stack names it (AWS), else the local
 * stack's engine, which runs the backfills recorded in the bucket (shared/adapters/local-backfills.ts), else
 * nowhere (the backfill routes answer 501).
 */
function backfillsOf(config: Config, clients: AwsClients): Backfills | undefined {
  if (config.backfillStateMachineArn !== undefined) {
    const stateMachineArn = config.backfillStateMachineArn;
    // Loaded on the first backfill request: no other route needs the Step Functions client.
    return lazyBackfills(async () =>
      (await import('#shared/adapters/backfill-executions.ts')).createStepFunctionsBackfillsOf(
        stateMachineArn,
      ),
    );
  }
  if (config.processQueueUrl === undefined) return undefined;
  return createBackfillRecords(clients.s3, config.bucketName);
}

const config = loadConfig();
const clients = createAwsClients(config);
// The regional endpoint (or AWS_ENDPOINT_URL_SQS locally), not the host named in the queue URL.
const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
const backfills = backfillsOf(config, clients);

export const handler: (event: Event, context: Context) => Promise<APIGatewayProxyResultV2> = createApiHandler(
  {
    bucket: createLinkingArticleBucket(clients.s3, config.bucketName),
    store: createArticleStore(clients.documentClient, config.tableName),
    maxInputBytes: config.maxInputBytes,
    ...(config.processQueueUrl === undefined
      ? {}
      : { queue: createProcessQueue(sqs, config.processQueueUrl) }),
    ...(backfills === undefined ? {} : { backfills }),
  },
  { corsAllowOrigins: config.corsAllowOrigins },
);
