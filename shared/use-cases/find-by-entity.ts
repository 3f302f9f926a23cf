import type { ArticleStore, EntityHit } from '../adapters/article-store.ts';
import type { EntityType } from '../result.ts';

/** Articles that mention an entity (name matched case-insensitively), with the mention count in each. */
export function findByEntity(type: EntityType, name: string, store: ArticleStore): Promise<EntityHit[]> {
  return store.listByEntity(type, name);
}
