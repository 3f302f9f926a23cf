/**
 * The HTTP API's routes in API Gateway's own notation: the one description of the API. infra/ declares them
 * (plus a `$default` route to the same function, so unknown paths and methods get the API's own 404 and
 * 405), the local API server matches them, the api handler routes them, and the OpenAPI document describes
 * them; the type system holds each of those to every route.
 */
export const API_ROUTES = [
  'GET /health',
  'GET /openapi.json',
  'POST /articles',
  'GET /articles',
  'GET /articles/{id}',
  'DELETE /articles/{id}',
  'POST /articles/{id}/reprocess',
  'POST /uploads',
  'GET /entities',
  'GET /entities/{type}/{name}',
  'POST /backfills',
  'GET /backfills/{id}',
] as const;

export type ApiRoute = (typeof API_ROUTES)[number];

/** Routes that answer without authorisation (IAM or JWT) in AWS. */
export const PUBLIC_ROUTES: readonly ApiRoute[] = ['GET /health'];

/** API Gateway's catch-all route key: requests that match no route above. */
export const DEFAULT_ROUTE = '$default';

/** "GET /articles/{id}" -> { method: 'GET', path: '/articles/{id}' }. */
export function splitRoute(route: ApiRoute): { readonly method: string; readonly path: string } {
  const [method = '', path = ''] = route.split(' ');
  return { method, path };
}

const isParameter = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

/** Whether a request path fits a route's path template: same segments, a `{parameter}` fits any non-empty one. */
export function fitsTemplate(template: string, path: string): boolean {
  const want = template.split('/');
  const have = (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path).split('/');
  return (
    want.length === have.length &&
    want.every((segment, index) => (isParameter(segment) ? have[index] !== '' : segment === have[index]))
  );
}

/** The methods the route table allows on a path (for 405's Allow header); empty when no route fits it. */
export function allowedMethods(path: string): string[] {
  return API_ROUTES.map(splitRoute)
    .filter((route) => fitsTemplate(route.path, path))
    .map((route) => route.method);
}
