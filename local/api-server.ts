import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { close, listen } from './http-server.ts';
import { createLambdaContext } from './lambda-context.ts';
import { ALLOWED_ORIGINS_ENV, allowedOrigins, crossSiteRefusal } from './request-guard.ts';
import { LOCAL_ACCOUNT } from './settings.ts';

/**
 * An HTTP API (API Gateway, payload format 2.0) in front of a handler, locally: matches the request to a
 * route, builds the event API Gateway would send, invokes the handler and writes its result back, with
 * API Gateway's answers when no route matches (404), the body is over API Gateway's 10 MB or the event over
 * Lambda's 6 MB invocation payload (413), the handler throws or answers over Lambda's 6 MB response payload
 * (500), or the request is not received in time (408).
 */

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

export interface ApiServerOptions {
  readonly handler: ApiHandler;
  /** Route keys as the HTTP API declares them: `GET /articles/{id}`, `ANY /{proxy+}`, `$default`. */
  readonly routes: readonly string[];
  readonly host: string;
  readonly port: number;
  readonly functionName: string;
  readonly onError: (error: unknown) => void;
  /** Browser origins allowed besides the server's own; defaults to PRECIS_ALLOWED_ORIGINS. */
  readonly allowedOrigins?: readonly string[];
  /** Most time to receive a whole request (headers and body); then 408 and the connection closes. */
  readonly requestTimeoutMs?: number;
}

export interface ApiServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** API Gateway's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Lambda's synchronous invocation payload limit, for the event and for the response: 6 MB. */
export const MAX_LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** API Gateway's integration timeout is 30 s; a client that has not sent its request by then is cut off. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Headers must arrive sooner: a client that opens a connection and stalls should not hold it. */
const HEADERS_TIMEOUT_MS = 10_000;
const LOCAL_API_ID = 'local';
const DEFAULT_ROUTE = '$default';
/** Content types API Gateway passes to the function as text; anything else arrives base64-encoded. */
const TEXT_CONTENT_TYPE =
  /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;
const PATH_PARAMETER = /^\{(?<name>[^}+]+)(?<greedy>\+?)\}$/;

interface Route {
  readonly key: string;
  readonly method: string;
  readonly pattern: RegExp;
}

class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileRoute(key: string): Route {
  if (key === DEFAULT_ROUTE) return { key, method: 'ANY', pattern: /^\/.*$/ };
  const [method = '', path = ''] = key.split(' ');
  const segments = path.split('/').map((segment) => {
    const parameter = PATH_PARAMETER.exec(segment)?.groups;
    if (parameter === undefined) return escapeRegExp(segment);
    return parameter.greedy ? `(?<${parameter.name}>.+)` : `(?<${parameter.name}>[^/]+)`;
  });
  return { key, method: method.toUpperCase(), pattern: new RegExp(`^${segments.join('/')}$`) };
}

/** Percent-decoded; a malformed escape (`%E0`) stays as sent, for the handler to reject, instead of a 500. */
function decodePathValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface RouteMatch {
  readonly routeKey: string;
  readonly pathParameters?: Record<string, string>;
}

/** The first route, in the given order, whose method and path match. */
export function matchRoute(routes: readonly string[], method: string, path: string): RouteMatch | undefined {
  for (const route of routes.map(compileRoute)) {
    if (route.method !== 'ANY' && route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match === null) continue;
    const groups = Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodePathValue(value)]);
    return {
      routeKey: route.key,
      ...(groups.length > 0 ? { pathParameters: Object.fromEntries(groups) } : {}),
    };
  }
  return undefined;
}

function joinedHeaders(raw: IncomingMessage['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

function queryParameters(search: URLSearchParams): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [name, value] of search) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return Object.keys(parameters).length > 0 ? parameters : undefined;
}

export interface RawRequest {
  readonly method: string;
  /** The request target as sent: path and query string. */
  readonly target: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  readonly sourceIp: string;
}

export function toApiGatewayEvent(
  request: RawRequest,
  match: RouteMatch,
  now = new Date(),
): APIGatewayProxyEventV2 {
  const [rawPath = '/', rawQueryString = ''] = request.target.split(/\?(.*)/s);
  const headers = joinedHeaders(request.headers);
  const cookies = request.headers.cookie?.split(/;\s*/).filter((cookie) => cookie !== '');
  const isText = TEXT_CONTENT_TYPE.test(headers['content-type'] ?? '');
  const query = queryParameters(new URLSearchParams(rawQueryString));
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    ...(match.pathParameters ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT,
      apiId: LOCAL_API_ID,
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: match.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(request.body.length > 0
      ? { body: request.body.toString(isText ? 'utf8' : 'base64'), isBase64Encoded: !isText }
      : { isBase64Encoded: false }),
  };
}

interface HttpAnswer {
  readonly statusCode: number;
  readonly headers: Record<string, string | number | boolean>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

/** What API Gateway sends back for a handler result, including the shorthand of a bare string or object. */
export function toHttpAnswer(result: APIGatewayProxyResultV2): HttpAnswer {
  if (
    typeof result === 'string' ||
    result === null ||
    typeof result !== 'object' ||
    !('statusCode' in result)
  ) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from(body),
    };
  }
  const body = result.body ?? '';
  return {
    statusCode: result.statusCode ?? 200,
    headers: result.headers ?? {},
    cookies: result.cookies ?? [],
    body: Buffer.from(body, result.isBase64Encoded ? 'base64' : 'utf8'),
  };
}

function gatewayAnswer(statusCode: number, message: string): HttpAnswer {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    cookies: [],
    body: Buffer.from(JSON.stringify({ message })),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new PayloadTooLargeError(`Request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function writeAnswer(response: ServerResponse, answer: HttpAnswer): void {
  response.statusCode = answer.statusCode;
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, String(value));
  if (answer.cookies.length > 0) response.setHeader('set-cookie', [...answer.cookies]);
  response.setHeader('content-length', answer.body.length);
  response.end(answer.body);
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  async function answer(request: IncomingMessage): Promise<HttpAnswer> {
    const method = request.method ?? 'GET';
    const target = request.url ?? '/';
    const match = matchRoute(options.routes, method, target.split('?')[0] ?? '/');
    if (match === undefined) return gatewayAnswer(404, 'Not Found');
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return gatewayAnswer(413, 'Request Entity Too Large');
      throw error;
    }
    const event = toApiGatewayEvent(
      {
        method,
        target,
        headers: request.headers,
        body,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      },
      match,
    );
    // Lambda refuses an invocation payload over 6 MB (a 4.6 MB binary body is 6.1 MB once base64-encoded).
    if (Buffer.byteLength(JSON.stringify(event)) > MAX_LAMBDA_PAYLOAD_BYTES) {
      return gatewayAnswer(413, 'Request Entity Too Large');
    }
    let result: APIGatewayProxyResultV2;
    try {
      result = await options.handler(event, createLambdaContext(options.functionName));
    } catch (error) {
      options.onError(error);
      return gatewayAnswer(500, 'Internal Server Error');
    }
    const size = Buffer.byteLength(JSON.stringify(result));
    if (size > MAX_LAMBDA_PAYLOAD_BYTES) {
      options.onError(
        new Error(`Response payload of ${size} bytes is over Lambda's ${MAX_LAMBDA_PAYLOAD_BYTES}`),
      );
      return gatewayAnswer(500, 'Internal Server Error');
    }
    return toHttpAnswer(result);
  }

  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const timeouts = {
    requestTimeout,
    headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout),
    // Node looks for expired requests at this interval (30 s by default, which would let one stall that long).
    connectionsCheckingInterval: Math.min(1_000, requestTimeout),
  };
  const server: Server = createServer(timeouts, (request, response) => {
    const refusal = crossSiteRefusal(request.headers, options.allowedOrigins ?? allowedOrigins());
    if (refusal !== undefined) {
      request.resume();
      writeAnswer(
        response,
        gatewayAnswer(403, `Forbidden: ${refusal} (allow an origin with ${ALLOWED_ORIGINS_ENV})`),
      );
      return;
    }
    answer(request)
      .then((result) => writeAnswer(response, result))
      .catch((error: unknown) => {
        options.onError(error);
        if (!response.headersSent) writeAnswer(response, gatewayAnswer(500, 'Internal Server Error'));
      });
  });
  const port = await listen(server, options.port, options.host);
  return { url: `http://${options.host}:${port}`, port, close: () => close(server) };
}
