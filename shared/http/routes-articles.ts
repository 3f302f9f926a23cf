import { InputError } from '../errors.ts';
import {
  articleIdSchema,
  listByKeyQuerySchema,
  parseInput,
  parseSubmission,
  submitQuerySchema,
  withQueryLength,
} from '../events/api-request.ts';
import { getArticle, type ReadArticleDeps } from '../use-cases/get-article.ts';
import { listByKey } from '../use-cases/list-by-key.ts';
import { type SubmitArticleDeps, submitArticle } from '../use-cases/submit-article.ts';
import { type ApiEvent, bodyBytes, headerOf, json, type RouteHandler } from './responses.ts';

export interface ArticleRouteDeps extends ReadArticleDeps, SubmitArticleDeps {
  readonly maxInputBytes: number;
  /** Called once per accepted article (the handler counts it as a metric and logs it). */
  readonly onAccepted?: (accepted: { id: string; key: string }) => void;
}

/** A path parameter API Gateway (or the router) extracted; a malformed escape stays as sent and fails here. */
export function pathParameter(event: ApiEvent, name: string): string {
  const value = event.pathParameters?.[name];
  if (value === undefined) throw new InputError('INVALID_INPUT', `Path parameter "${name}" is missing`);
  return value;
}

const query = (event: ApiEvent) => event.queryStringParameters ?? {};

export const articleLocation = (id: string) => `/articles/${encodeURIComponent(id)}`;

export function articleRoutes(deps: ArticleRouteDeps) {
  const submit: RouteHandler = async (event) => {
    const length = parseInput(submitQuerySchema, query(event));
    const submission = parseSubmission(bodyBytes(event), headerOf(event, 'content-type'), deps.maxInputBytes);
    const accepted = await submitArticle(withQueryLength(submission, length), deps);
    deps.onAccepted?.(accepted);
    return json(202, accepted, { Location: articleLocation(accepted.id) });
  };

  const list: RouteHandler = async (event) => {
    const { key } = parseInput(listByKeyQuerySchema, query(event));
    return json(200, { items: await listByKey(key, deps) });
  };

  const get: RouteHandler = async (event) => {
    const id = parseInput(articleIdSchema, pathParameter(event, 'id'));
    return json(200, await getArticle(id, deps));
  };

  return { 'POST /articles': submit, 'GET /articles': list, 'GET /articles/{id}': get } as const;
}
