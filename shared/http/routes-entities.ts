import type { ArticleStore } from '../adapters/article-store.ts';
import { entityPathSchema, parseInput } from '../events/api-request.ts';
import { findByEntity } from '../use-cases/find-by-entity.ts';
import type { RouteHandler } from './responses.ts';
import { json } from './responses.ts';
import { pathParameter } from './routes-articles.ts';

export function entityRoutes(deps: { readonly store: ArticleStore }) {
  const byName: RouteHandler = async (event) => {
    const entity = parseInput(entityPathSchema, {
      type: pathParameter(event, 'type'),
      name: pathParameter(event, 'name'),
    });
    return json(200, { items: await findByEntity(entity.type, entity.name, deps.store) });
  };
  return { 'GET /entities/{type}/{name}': byName } as const;
}
