/**
 * The HTTP API's routes in API Gateway's own notation: infra/ declares them, the local API server matches
 * them, and the api handler serves each (a test holds it to that).
 */
export const API_ROUTES = [
  'POST /articles',
  'GET /articles',
  'GET /articles/{id}',
  'GET /entities/{type}/{name}',
] as const;

export type ApiRoute = (typeof API_ROUTES)[number];

/** "GET /articles/{id}" -> { method: 'GET', path: '/articles/{id}' }. */
export function splitRoute(route: ApiRoute): { readonly method: string; readonly path: string } {
  const [method = '', path = ''] = route.split(' ');
  return { method, path };
}
