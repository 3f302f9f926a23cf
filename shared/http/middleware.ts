import type middy from '@middy/core';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { HttpProblem, PROBLEM_MEDIA_TYPE, toHttpProblem } from './problem.ts';
import type { ApiEvent } from './responses.ts';

/** Where the API reports errors it answered: 5xx as errors (a bug or an outage), 429 as a warning. */
export interface ProblemLogger {
  error(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
}

/**
 * Turns whatever was thrown (our errors, middy's router and parser errors, bugs) into an RFC 9457 problem for
 * @middy/http-error-handler to write: status, `application/problem+json` body, and Allow or Retry-After
 * headers. Bugs are logged with their cause and answered without internals.
 */
export function problemDetails(
  logger: ProblemLogger,
): middy.MiddlewareObj<ApiEvent, APIGatewayProxyResultV2> {
  return {
    onError: (request) => {
      if (request.response !== undefined) return;
      const problem = toHttpProblem(request.error);
      if (problem.status >= 500) logger.error('Request failed', { code: problem.code, error: request.error });
      else if (problem.status === 429) logger.warn('Request throttled', { error: request.error });
      request.error = Object.assign(new Error(JSON.stringify(problem.toProblem(request.event.rawPath))), {
        statusCode: problem.status,
        expose: true,
        headers: { ...problem.headers, 'Content-Type': PROBLEM_MEDIA_TYPE },
      });
    },
  };
}

export { HttpProblem };
