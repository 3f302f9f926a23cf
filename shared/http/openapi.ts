import * as z from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { backfillRequestSchema } from '../backfill/backfill-request.ts';
import { backfillIdSchema } from '../backfill/backfills.ts';
import {
  articleIdSchema,
  entityPathSchema,
  entityQuerySchema,
  jsonArticleSchema,
  listQuerySchema,
  namesQuerySchema,
  readQuerySchema,
  submitQuerySchema,
  uploadRequestSchema,
} from '../events/api-request.ts';
import {
  acceptedSchema,
  articleAnswerSchema,
  articleSummaryPageSchema,
  backfillAnswerSchema,
  entityHitPageSchema,
  healthSchema,
  nameCountPageSchema,
  uploadSchema,
} from '../events/api-responses.ts';
import { API_ROUTES, type ApiRoute, PUBLIC_ROUTES, splitRoute } from '../events/api-routes.ts';
import { PIPELINE_VERSION } from '../result.ts';
import { PROBLEM_MEDIA_TYPE, problemSchema } from './problem.ts';
import { JSON_MEDIA_TYPE } from './responses.ts';

/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas that validate requests and describe
 * Results and answers. Every route of the table must be described (the Record type demands it).
 */

const jsonBody = (schema: z.ZodType, description: string) => ({
  description,
  content: { [JSON_MEDIA_TYPE]: { schema } },
});

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } },
});

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' as const } },
};

/** Answers any route can give: a bad request, a missing thing, throttling, an outage, a bug. */
const COMMON_PROBLEMS = {
  '400': problem('The request is malformed; `detail` says how'),
  '406': problem('`Accept` excludes application/json'),
  '429': { ...problem('Throttled; retry after `Retry-After` seconds'), headers: retryAfter },
  '500': problem('An internal error'),
  '503': {
    ...problem('A dependency is unavailable; retry after `Retry-After` seconds'),
    headers: retryAfter,
  },
};

const OPERATIONS: Readonly<Record<ApiRoute, ZodOpenApiOperationObject>> = {
  'GET /health': {
    operationId: 'getHealth',
    summary: 'Liveness: answers without authorisation',
    responses: { '200': jsonBody(healthSchema, 'The API is up') },
  },
  'GET /openapi.json': {
    operationId: 'getOpenApi',
    summary: 'This document',
    responses: { '200': { description: 'The OpenAPI 3.1 document', content: { [JSON_MEDIA_TYPE]: {} } } },
  },
  'POST /articles': {
    operationId: 'submitArticle',
    summary: 'Submit an article to process',
    requestParams: { query: submitQuerySchema },
    requestBody: {
      required: true,
      description:
        'The article as text, HTML or Markdown with its Content-Type, gzip, or JSON `{text|html, url?, sentences?}`',
      content: {
        [JSON_MEDIA_TYPE]: { schema: jsonArticleSchema },
        'text/plain': { schema: { type: 'string' } },
        'text/html': { schema: { type: 'string' } },
        'text/markdown': { schema: { type: 'string' } },
        'application/gzip': { schema: { type: 'string', contentMediaType: 'application/gzip' } },
      },
    },
    responses: {
      '202': {
        ...jsonBody(acceptedSchema, 'Accepted; processing follows'),
        headers: { Location: { description: 'The Result: /articles/{id}', schema: { type: 'string' } } },
      },
      '413': problem('The article is larger than MAX_INPUT_BYTES'),
      '415': problem('The media type is not an article format (PDF, images, zip, forms)'),
    },
  },
  'GET /articles': {
    operationId: 'listArticles',
    summary: 'Article summaries, newest upload first: all, one status, or the uploads to one object key',
    requestParams: { query: listQuerySchema },
    responses: {
      '200': jsonBody(articleSummaryPageSchema, 'A page of summaries, with `next` while more remain'),
    },
  },
  'GET /articles/{id}': {
    operationId: 'getArticle',
    summary:
      'One Result (PENDING until processed); over 1 MB as JSON, its summary view with links to the whole',
    requestParams: { path: z.object({ id: articleIdSchema }), query: readQuerySchema },
    responses: {
      '200': jsonBody(articleAnswerSchema, 'The Result'),
      '404': problem('No article with that id'),
    },
  },
  'DELETE /articles/{id}': {
    operationId: 'deleteArticle',
    summary:
      'Deletes an article: its Result, entity index entries, processed/ objects and every version of its upload',
    requestParams: { path: z.object({ id: articleIdSchema }) },
    responses: {
      '204': { description: 'Deleted; nothing of the article remains' },
      '404': problem('No article with that id'),
      '409': {
        ...problem('The article is being processed; retry after `Retry-After` seconds'),
        headers: retryAfter,
      },
    },
  },
  'POST /articles/{id}/reprocess': {
    operationId: 'reprocessArticle',
    summary:
      'Runs the current pipeline again on the stored upload of an ended article; the new Result keeps the ' +
      'earlier runs in `history`',
    requestParams: { path: z.object({ id: articleIdSchema }) },
    responses: {
      '202': {
        ...jsonBody(acceptedSchema, 'Accepted: the Result is PENDING again; processing follows'),
        headers: { Location: { description: 'The Result: /articles/{id}', schema: { type: 'string' } } },
      },
      '404': problem('No article with that id'),
      '409': {
        ...problem('The article is PENDING or PROCESSING; retry after `Retry-After` seconds'),
        headers: retryAfter,
      },
      '501': problem('This deployment has no process queue to send the article to'),
    },
  },
  'POST /uploads': {
    operationId: 'createUpload',
    summary: 'A presigned S3 POST for one article up to MAX_INPUT_BYTES, and its id',
    requestBody: { content: { [JSON_MEDIA_TYPE]: { schema: uploadRequestSchema } } },
    responses: {
      '201': {
        ...jsonBody(uploadSchema, 'POST the file with these form fields; it is processed like any upload'),
        headers: { Location: { description: 'The Result: /articles/{id}', schema: { type: 'string' } } },
      },
      '415': problem('The article media type is not one precis reads, or the body is not JSON'),
    },
  },
  'GET /entities': {
    operationId: 'listEntityNames',
    summary: 'Indexed entity names that begin with a prefix, with article counts (autocomplete)',
    requestParams: { query: namesQuerySchema },
    responses: { '200': jsonBody(nameCountPageSchema, 'A page of names, alphabetically') },
  },
  'GET /entities/{type}/{name}': {
    operationId: 'findArticlesByEntity',
    summary: 'Articles that mention an entity by its name or any alias, newest first',
    requestParams: { path: entityPathSchema, query: entityQuerySchema },
    responses: { '200': jsonBody(entityHitPageSchema, 'A page of articles, with `next` while more remain') },
  },
  'POST /backfills': {
    operationId: 'startBackfill',
    summary:
      'Reprocesses every object under a prefix of incoming/ with the current pipeline, skipping what this ' +
      'pipeline version already processed: on AWS the backfill state machine (a Distributed Map), locally the ' +
      "stack's engine, which hands the objects to the process handler in batches the same way",
    requestBody: { required: true, content: { [JSON_MEDIA_TYPE]: { schema: backfillRequestSchema } } },
    responses: {
      '202': {
        ...jsonBody(
          backfillAnswerSchema,
          'Started (RUNNING; SUCCEEDED once every object is processed or skipped)',
        ),
        headers: {
          Location: { description: 'Its status: /backfills/{id}', schema: { type: 'string' } },
          ...retryAfter,
        },
      },
      '415': problem('The body is not JSON'),
      '501': problem('This deployment has no backfill state machine or queue'),
    },
  },
  'GET /backfills/{id}': {
    operationId: 'getBackfill',
    summary:
      'Where a backfill stands: its status and its object counts (on AWS the Distributed Map item counts; locally ' +
      'listed, processed, failed, skipped, with the objects that did not end DONE)',
    requestParams: { path: z.object({ id: backfillIdSchema }) },
    responses: {
      '200': { ...jsonBody(backfillAnswerSchema, 'The backfill'), headers: retryAfter },
      '404': problem('No backfill with that id'),
      '501': problem('This deployment has no backfill state machine or queue'),
    },
  },
};

function paths(): ZodOpenApiPathsObject {
  const result: ZodOpenApiPathsObject = {};
  for (const route of API_ROUTES) {
    const { method, path } = splitRoute(route);
    const operation = OPERATIONS[route];
    result[path] = {
      ...result[path],
      [method.toLowerCase()]: {
        ...operation,
        ...(PUBLIC_ROUTES.includes(route) ? { security: [] } : {}),
        responses: { ...COMMON_PROBLEMS, ...operation.responses },
      },
    };
  }
  return result;
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The document (built once per process: it depends on nothing but the code). */
export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'precis',
      version: PIPELINE_VERSION,
      description:
        'Submit news articles and read their Results: clean text, summary, and key facts grounded to spans of the text. Errors are RFC 9457 problem details.',
    },
    components: {
      securitySchemes: {
        sigv4: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          description:
            'AWS SigV4 (service execute-api), the default; a JWT bearer token when the stack selects it',
        },
      },
    },
    security: [{ sigv4: [] }],
    paths: paths(),
  });
  return cached;
}
