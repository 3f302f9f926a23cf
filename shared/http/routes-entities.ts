import type { ArticleStore } from '../adapters/article-store.ts';
import { ENTITY_SHARDS } from '../adapters/entity-index.ts';
import { entityPathSchema, entityQuerySchema, namesQuerySchema, parseInput } from '../events/api-request.ts';
import { entityTypeSchema } from '../result.ts';
import { queryFingerprint } from './cursor.ts';
import { json, type RouteHandler } from './responses.ts';
import { fromCursor, pageAnswer, pathParameter, queryOf } from './routes-articles.ts';

const ALL_TYPES = entityTypeSchema.options;

export function entityRoutes(deps: { readonly store: ArticleStore }) {
  const byName: RouteHandler = async (event) => {
    const entity = parseInput(entityPathSchema, {
      type: pathParameter(event, 'type'),
      name: pathParameter(event, 'name'),
    });
    const { limit, cursor } = parseInput(entityQuerySchema, queryOf(event));
    const fingerprint = queryFingerprint('entity', entity.type, entity.name);
    const from = fromCursor(cursor, fingerprint, ENTITY_SHARDS);
    const page = await deps.store.listByEntity(entity.type, entity.name, limit, from);
    return json(200, pageAnswer(page, fingerprint, ENTITY_SHARDS));
  };

  const names: RouteHandler = async (event) => {
    const query = parseInput(namesQuerySchema, queryOf(event));
    const types = query.type === undefined ? ALL_TYPES : [query.type];
    const fingerprint = queryFingerprint('names', query.prefix, types);
    const from = fromCursor(query.cursor, fingerprint, types.length);
    const page = await deps.store.listNames(types, query.prefix, query.limit, from);
    return json(200, pageAnswer(page, fingerprint, types.length));
  };

  return { 'GET /entities/{type}/{name}': byName, 'GET /entities': names } as const;
}
