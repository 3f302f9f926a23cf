import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { createArticleBucket } from '#shared/adapters/article-bucket.ts';
import { createArticleStore } from '#shared/adapters/article-store.ts';
import { createAwsClients } from '#shared/adapters/aws-clients.ts';
import { loadConfig } from '#shared/config.ts';
import { DependencyError, InputError, NotFoundError } from '#shared/errors.ts';
import {
  articleIdSchema,
  entityPathSchema,
  listByKeyQuerySchema,
  parseInput,
  parseSubmission,
  submitQuerySchema,
  withQueryLength,
} from '#shared/events/api-request.ts';
import { findByEntity } from '#shared/use-cases/find-by-entity.ts';
import { getArticle, type ReadArticleDeps } from '#shared/use-cases/get-article.ts';
import { listByKey } from '#shared/use-cases/list-by-key.ts';
import { type SubmitArticleDeps, submitArticle } from '#shared/use-cases/submit-article.ts';
import { logger, MetricUnit, metrics } from './observability.ts';

export interface ApiDeps extends ReadArticleDeps, SubmitArticleDeps {
  readonly maxInputBytes: number;
}

type Event = APIGatewayProxyEventV2;
type Response = { statusCode: number; headers: Record<string, string>; body: string };

interface Route {
  readonly method: string;
  /** Matched against the raw path; capture groups are the (still URL-encoded) path parameters. */
  readonly path: RegExp;
  readonly handle: (event: Event, params: string[], deps: ApiDeps) => Promise<Response>;
}

const json = (statusCode: number, body: unknown): Response => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const errorBody = (statusCode: number, code: string, message: string) =>
  json(statusCode, { error: { code, message } });

const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: /^\/articles\/?$/,
    handle: async (event, _params, deps) => {
      const query = parseInput(submitQuerySchema, event.queryStringParameters ?? {});
      const submission = parseSubmission(bodyOf(event), headerOf(event, 'content-type'), deps.maxInputBytes);
      const accepted = await submitArticle(withQueryLength(submission, query), deps);
      metrics.addMetric('ArticlesSubmitted', MetricUnit.Count, 1);
      logger.info('Accepted article', { ...accepted });
      return json(202, accepted);
    },
  },
  {
    method: 'GET',
    path: /^\/articles\/?$/,
    handle: async (event, _params, deps) => {
      const { key } = parseInput(listByKeyQuerySchema, event.queryStringParameters ?? {});
      return json(200, { items: await listByKey(key, deps) });
    },
  },
  {
    method: 'GET',
    path: /^\/articles\/([^/]+)\/?$/,
    handle: async (_event, [id], deps) => json(200, await getArticle(parseInput(articleIdSchema, id), deps)),
  },
  {
    method: 'GET',
    path: /^\/entities\/([^/]+)\/([^/]+)\/?$/,
    handle: async (_event, [type, name], deps) => {
      const entity = parseInput(entityPathSchema, { type, name });
      return json(200, { items: await findByEntity(entity.type, entity.name, deps.store) });
    },
  },
];

function headerOf(event: Event, name: string): string | undefined {
  const entry = Object.entries(event.headers ?? {}).find(([header]) => header.toLowerCase() === name);
  return entry?.[1];
}

function bodyOf(event: Event): Uint8Array {
  if (event.body === undefined) return new Uint8Array();
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : new TextEncoder().encode(event.body);
}

function decodeParams(match: RegExpMatchArray): string[] {
  return match.slice(1).map((param) => {
    try {
      return decodeURIComponent(param);
    } catch (error) {
      throw new InputError('INVALID_INPUT', `Path parameter is not valid URL encoding: ${param}`, {
        cause: error,
      });
    }
  });
}

/** The boundary decides the status code: bad input 4xx, a dependency outage 503, a bug 500. */
function toErrorResponse(error: unknown): Response {
  if (error instanceof InputError) {
    return errorBody(error.code === 'TOO_LARGE' ? 413 : 400, error.code, error.message);
  }
  if (error instanceof NotFoundError) return errorBody(404, 'NOT_FOUND', error.message);
  if (error instanceof DependencyError) {
    logger.error('Dependency failed', { error });
    return errorBody(503, 'SERVICE_UNAVAILABLE', 'A dependency is unavailable; try again');
  }
  logger.error('Unexpected error', { error });
  return errorBody(500, 'INTERNAL', 'Internal error');
}

/** Routes one HTTP API (payload v2) request. Exported with its dependencies injected, for tests. */
export async function route(event: Event, deps: ApiDeps): Promise<Response> {
  metrics.addMetric('ApiRequests', MetricUnit.Count, 1);
  const method = event.requestContext.http.method.toUpperCase();
  const path = event.rawPath;
  const matching = ROUTES.flatMap((candidate) => {
    const match = path.match(candidate.path);
    return match === null ? [] : [{ route: candidate, match }];
  });
  const found = matching.find((candidate) => candidate.route.method === method);
  if (found === undefined) {
    return matching.length === 0
      ? errorBody(404, 'NOT_FOUND', `No route for ${method} ${path}`)
      : errorBody(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`);
  }
  try {
    return await found.route.handle(event, decodeParams(found.match), deps);
  } catch (error) {
    return toErrorResponse(error);
  }
}

export function createApiHandler(deps: ApiDeps) {
  return middy<Event, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .handler((event: Event) => route(event, deps));
}

const config = loadConfig();
const clients = createAwsClients(config);

export const handler: (event: Event, context: Context) => Promise<APIGatewayProxyResultV2> = createApiHandler(
  {
    bucket: createArticleBucket(clients.s3, config.bucketName),
    store: createArticleStore(clients.documentClient, config.tableName),
    maxInputBytes: config.maxInputBytes,
  },
);
