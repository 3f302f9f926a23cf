import * as z from 'zod';
import { DependencyError, InputError, NotFoundError } from '../errors.ts';

/**
 * RFC 9457 problem details: the one shape of every error the API answers, from a route handler, the router
 * (404, 405) or a middleware (406, 415). `code` is stable and meant for programs; `detail` for people.
 */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'A URI naming the kind of problem: urn:precis:problem:<code>' }),
    title: z.string().meta({ description: 'The HTTP reason phrase of the status' }),
    status: z.number().int(),
    detail: z.string().meta({ description: 'What went wrong with this request, for a person to read' }),
    code: z.string().meta({ description: 'Stable, machine-readable code, e.g. NOT_FOUND, INVALID_INPUT' }),
    instance: z.string().optional().meta({ description: 'The request path' }),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Seconds a client should wait before retrying a throttled request, and one refused by an outage. */
export const RETRY_AFTER_THROTTLED_SECONDS = 1;
export const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

/** An error the API answers as a problem, with the status, code and any headers (Allow, Retry-After). */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    detail: string,
    options: { headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail, { cause: options.cause });
    this.status = status;
    this.code = code;
    this.headers = options.headers ?? {};
  }

  toProblem(instance?: string): Problem {
    return {
      type: `urn:precis:problem:${this.code.toLowerCase().replaceAll('_', '-')}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(instance === undefined ? {} : { instance }),
    };
  }
}

/** What middy's own middlewares throw (http-errors): a status code and a message. */
interface MiddyHttpError {
  readonly statusCode: number;
  readonly message: string;
  readonly cause?: { readonly package?: string };
}

const isMiddyHttpError = (error: unknown): error is MiddyHttpError =>
  typeof (error as MiddyHttpError | undefined)?.statusCode === 'number';

const INPUT_STATUS: Readonly<Partial<Record<InputError['code'], number>>> = {
  TOO_LARGE: 413,
  UNSUPPORTED_CONTENT: 415,
};

interface AwsFailure {
  readonly name?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $retryable?: { readonly throttling?: boolean };
}

const THROTTLING = /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded|SlowDown|TooManyRequests/;

/** Throttling (429), an outage or a network fault (5xx, none): worth retrying. Anything else is permanent. */
function classifyDependencyFailure(error: DependencyError): 'throttled' | 'unavailable' | 'refused' {
  const cause = (error.cause ?? {}) as AwsFailure;
  if (cause.$retryable?.throttling === true || THROTTLING.test(cause.name ?? '')) return 'throttled';
  const status = cause.$metadata?.httpStatusCode;
  if (status === undefined || status >= 500 || status === 408) return 'unavailable';
  return status === 429 ? 'throttled' : 'refused';
}

/**
 * The boundary decides the status: bad input 4xx; a throttled dependency 429 and an unavailable one 503, both
 * with Retry-After; a dependency that refused our request (an S3 or DynamoDB 4xx: a bug, since input is
 * validated first) 500 without inviting a retry that cannot help; anything else 500.
 */
export function toHttpProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof InputError) {
    return new HttpProblem(INPUT_STATUS[error.code] ?? 400, error.code, error.message, { cause: error });
  }
  if (error instanceof NotFoundError)
    return new HttpProblem(404, 'NOT_FOUND', error.message, { cause: error });
  if (error instanceof DependencyError) {
    switch (classifyDependencyFailure(error)) {
      case 'throttled':
        return new HttpProblem(429, 'THROTTLED', 'Too many requests reach the store; retry after a second', {
          headers: { 'Retry-After': String(RETRY_AFTER_THROTTLED_SECONDS) },
          cause: error,
        });
      case 'unavailable':
        return new HttpProblem(503, 'UNAVAILABLE', 'A dependency is unavailable; retry shortly', {
          headers: { 'Retry-After': String(RETRY_AFTER_UNAVAILABLE_SECONDS) },
          cause: error,
        });
      case 'refused':
        return new HttpProblem(500, 'INTERNAL', 'The store refused the request', { cause: error });
    }
  }
  if (isMiddyHttpError(error)) return fromMiddy(error);
  return new HttpProblem(500, 'INTERNAL', 'Internal error', { cause: error });
}

/** The statuses middy's router and parsers throw, in our vocabulary. */
function fromMiddy(error: MiddyHttpError): HttpProblem {
  switch (error.statusCode) {
    case 404:
      return new HttpProblem(404, 'NOT_FOUND', 'No such route', { cause: error });
    case 406:
      return new HttpProblem(406, 'NOT_ACCEPTABLE', `${error.message}`, { cause: error });
    case 415:
      return new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send this request as application/json', {
        cause: error,
      });
    case 422:
      return new HttpProblem(400, 'INVALID_JSON', 'The request body is not valid JSON', { cause: error });
    default:
      return new HttpProblem(Math.min(error.statusCode, 500), 'INTERNAL', error.message, {
        cause: error,
      });
  }
}
