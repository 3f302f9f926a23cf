import httpRouterHandler, { type Method, type Route } from '@middy/http-router';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { API_ROUTES, type ApiRoute, allowedMethods, splitRoute } from '../events/api-routes.ts';
import { HttpProblem } from './problem.ts';
import type { ApiEvent, ApiResponse, RouteHandler } from './responses.ts';

type Handlers = Readonly<Record<ApiRoute, RouteHandler>>;

const isApiRoute = (key: string): key is ApiRoute => (API_ROUTES as readonly string[]).includes(key);

/** Percent-decoded as API Gateway decodes path parameters; a malformed escape stays as sent, for validation. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Routes a request over the route table (every route key in API_ROUTES has its handler; the type demands one
 * for each). API Gateway has already matched the route: its `routeKey` picks the handler, with the path
 * parameters it decoded. Requests it sends to `$default` (no route fits) and events without a route key go
 * through @middy/http-router built from the same table: a path that fits a route with another method is 405
 * with `Allow`, any other 404.
 */
export function createRouter(
  handlers: Handlers,
): (event: ApiEvent, context: Context) => Promise<ApiResponse> {
  const routes = API_ROUTES.map((key): Route<ApiEvent, APIGatewayProxyResultV2> => {
    const { method, path } = splitRoute(key);
    const handler = handlers[key];
    return {
      method: method as Method,
      path,
      handler: (event: ApiEvent, context: Context) =>
        handler(
          {
            ...event,
            pathParameters: Object.fromEntries(
              Object.entries(event.pathParameters ?? {}).map(([name, value]) => [
                name,
                decoded(String(value)),
              ]),
            ),
          },
          context,
        ),
    };
  });
  const router = httpRouterHandler<ApiEvent, APIGatewayProxyResultV2>({
    routes,
    notFoundResponse: ({ method, path }) => {
      const allowed = allowedMethods(path);
      if (allowed.length === 0) throw new HttpProblem(404, 'NOT_FOUND', `No route for ${path}`);
      throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`, {
        headers: { Allow: allowed.join(', ') },
      });
    },
  });
  return async (event, context) => {
    if (isApiRoute(event.routeKey)) return handlers[event.routeKey](event, context);
    return (await router(event, context)) as ApiResponse;
  };
}
