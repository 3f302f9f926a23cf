import { LIST_SHARDS, type ListState } from '../adapters/article-store.ts';
import { InputError } from '../errors.ts';
import {
  articleIdSchema,
  listQuerySchema,
  parseInput,
  parseSubmission,
  readQuerySchema,
  submitQuerySchema,
  withQueryLength,
} from '../events/api-request.ts';
import { deleteArticle } from '../use-cases/delete-article.ts';
import { type ReadAnswerDeps, readArticle } from '../use-cases/read-article.ts';
import { type ReprocessArticleDeps, reprocessArticle } from '../use-cases/reprocess-article.ts';
import { type SubmitArticleDeps, submitArticle } from '../use-cases/submit-article.ts';
import { decodeCursor, encodeCursor, queryFingerprint } from './cursor.ts';
import { HttpProblem } from './problem.ts';
import { type ApiEvent, bodyBytes, headerOf, json, noContent, type RouteHandler } from './responses.ts';

/** Seconds a client should wait before asking again to delete or reprocess an article being processed. */
const RETRY_DELETE_SECONDS = 10;

export interface ArticleRouteDeps extends ReadAnswerDeps, Omit<SubmitArticleDeps, 'bucket'> {
  readonly maxInputBytes: number;
  /** The process function's queue, for POST /articles/{id}/reprocess (undefined: that route answers 503). */
  readonly queue?: ReprocessArticleDeps['queue'];
  /** Called once per accepted article (the handler counts it as a metric and logs it). */
  readonly onAccepted?: (accepted: { id: string; key: string }) => void;
}

/** A path parameter API Gateway (or the router) extracted; a malformed escape stays as sent and fails here. */
export function pathParameter(event: ApiEvent, name: string): string {
  const value = event.pathParameters?.[name];
  if (value === undefined) throw new InputError('INVALID_INPUT', `Path parameter "${name}" is missing`);
  return value;
}

export const queryOf = (event: ApiEvent) => event.queryStringParameters ?? {};

export const articleLocation = (id: string) => `/articles/${encodeURIComponent(id)}`;

/** A page answer: the items, and an opaque cursor for the next page while more remain. */
export function pageAnswer<T>(
  page: { items: T[]; next?: ListState },
  fingerprint: string,
  partitions: number,
): { items: T[]; next?: string } {
  if (page.next === undefined) return { items: page.items };
  const positions = page.next.positions ?? Array.from({ length: partitions }, () => 'start' as const);
  return { items: page.items, next: encodeCursor(fingerprint, { ...page.next, positions }) };
}

/** The list state a cursor holds (or the start), checked against the query it must belong to. */
export function fromCursor(cursor: string | undefined, fingerprint: string, partitions: number): ListState {
  return cursor === undefined ? {} : decodeCursor(cursor, fingerprint, partitions);
}

export function articleRoutes(deps: ArticleRouteDeps) {
  const submit: RouteHandler = async (event) => {
    const length = parseInput(submitQuerySchema, queryOf(event));
    const submission = parseSubmission(
      bodyBytes(event),
      headerOf(event, 'content-type'),
      deps.maxInputBytes,
      headerOf(event, 'content-language'),
    );
    const accepted = await submitArticle(withQueryLength(submission, length), deps);
    deps.onAccepted?.(accepted);
    return json(202, accepted, { Location: articleLocation(accepted.id) });
  };

  const list: RouteHandler = async (event) => {
    const query = parseInput(listQuerySchema, queryOf(event));
    const now = (deps.now ?? (() => new Date()))();
    if (query.key !== undefined) {
      const fingerprint = queryFingerprint('key', query.key);
      const page = await deps.store.pageByKey(
        deps.bucket.name,
        query.key,
        query.limit,
        fromCursor(query.cursor, fingerprint, 1),
      );
      return json(200, pageAnswer(page, fingerprint, 1));
    }
    const fingerprint = queryFingerprint('recent', query.status ?? '');
    const from = fromCursor(query.cursor, fingerprint, LIST_SHARDS);
    const page = await deps.store.listRecent(query.status, query.limit, from, now);
    return json(200, pageAnswer(page, fingerprint, LIST_SHARDS));
  };

  const get: RouteHandler = async (event) => {
    const id = parseInput(articleIdSchema, pathParameter(event, 'id'));
    const { fields } = parseInput(readQuerySchema, queryOf(event));
    return json(200, await readArticle(id, fields, deps));
  };

  const remove: RouteHandler = async (event) => {
    const id = parseInput(articleIdSchema, pathParameter(event, 'id'));
    if ((await deleteArticle(id, deps)) === 'deleted') return noContent();
    throw new HttpProblem(409, 'IN_PROGRESS', `Article ${id} is being processed; delete it once it ends`, {
      headers: { 'Retry-After': String(RETRY_DELETE_SECONDS) },
    });
  };

  const reprocess: RouteHandler = async (event) => {
    const id = parseInput(articleIdSchema, pathParameter(event, 'id'));
    if (deps.queue === undefined) {
      throw new HttpProblem(501, 'NOT_CONFIGURED', 'Reprocessing is not configured here (no process queue)');
    }
    const outcome = await reprocessArticle(id, { ...deps, queue: deps.queue });
    if (outcome.kind === 'accepted') {
      return json(202, outcome.accepted, { Location: articleLocation(id) });
    }
    throw new HttpProblem(409, 'IN_PROGRESS', `Article ${id} is being processed; reprocess it once it ends`, {
      headers: { 'Retry-After': String(RETRY_DELETE_SECONDS) },
    });
  };

  return {
    'POST /articles': submit,
    'POST /articles/{id}/reprocess': reprocess,
    'GET /articles': list,
    'GET /articles/{id}': get,
    'DELETE /articles/{id}': remove,
  } as const;
}
