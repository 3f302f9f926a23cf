import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { HttpProblem } from './problem.ts';

/** What a route answers: API Gateway's payload 2.0 response with a string body. */
export interface ApiResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export type ApiEvent = APIGatewayProxyEventV2;
export type RouteHandler = (event: ApiEvent, context: Context) => Promise<ApiResponse>;

export const JSON_MEDIA_TYPE = 'application/json';

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return {
    statusCode,
    headers: { 'Content-Type': JSON_MEDIA_TYPE, ...headers },
    body: JSON.stringify(body),
  };
}

/** An answer without a body (204 No Content). */
export const noContent = (): ApiResponse => ({ statusCode: 204, headers: {}, body: '' });

/** A header's value by case-insensitive name (API Gateway lowercases them; tests and proxies may not). */
export function headerOf(event: ApiEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(event.headers ?? {}).find(([header]) => header.toLowerCase() === wanted)?.[1];
}

/** The raw request body as bytes, base64-decoded when API Gateway encoded it. */
export function bodyBytes(event: ApiEvent): Uint8Array {
  if (event.body === undefined || event.body === null) return new Uint8Array();
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** The JSON body of a request, or {} when there is none; 415 for another media type, 400 for bad JSON. */
export function jsonBodyOf(event: ApiEvent, route: string): unknown {
  const bytes = bodyBytes(event);
  if (bytes.byteLength === 0) return {};
  const type = (headerOf(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', `Send ${route} a JSON body (application/json)`);
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new HttpProblem(400, 'INVALID_JSON', 'The request body is not valid JSON', { cause: error });
  }
}
