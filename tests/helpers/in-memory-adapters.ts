import type { ObjectHead, PutOptions } from '#shared/adapters/article-bucket.ts';
import type { LinkingArticleBucket } from '#shared/adapters/article-bucket-links.ts';
import {
  type ArticleStore,
  canReplace,
  type EntityHit,
  type Offload,
  type Placement,
  type StoredArticle,
  SUMMARY_ATTRIBUTES,
} from '#shared/adapters/article-store.ts';
import { foldEntityName } from '#shared/adapters/entity-index.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { ArticleSummary, EntityType, Result } from '#shared/result.ts';
import { TEST_BUCKET } from './builders.ts';

export interface StoredObject {
  readonly body: Uint8Array;
  readonly contentType?: string;
  readonly contentLanguage?: string;
  readonly etag?: string;
  readonly versionId?: string;
  readonly metadata?: Record<string, string>;
}

/** An in-memory LinkingArticleBucket that records which keys were downloaded. */
export function createInMemoryBucket(name = TEST_BUCKET) {
  const objects = new Map<string, StoredObject>();
  const reads: string[] = [];
  const find = (key: string) => {
    const object = objects.get(key);
    if (object === undefined) throw new NotFoundError(`HeadObject ${key} failed: NotFound`);
    return object;
  };
  const bucket: LinkingArticleBucket = {
    name,
    head: async (key: string): Promise<ObjectHead> => {
      const object = find(key);
      return {
        bytes: object.body.byteLength,
        contentType: object.contentType,
        ...(object.contentLanguage ? { contentLanguage: object.contentLanguage } : {}),
        etag: object.etag,
        versionId: object.versionId,
        metadata: object.metadata ?? {},
      };
    },
    read: async (key: string) => {
      reads.push(key);
      return find(key).body;
    },
    readText: async (key: string) => new TextDecoder().decode(find(key).body),
    presignPost: async (key: string) => ({ url: `memory://${name}`, fields: { key } }),
    presignGet: async (key: string, expiresIn: number) => `memory://${name}/${key}?expires=${expiresIn}`,
    put: async (key: string, body: Uint8Array | string, options: PutOptions) => {
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
      objects.set(key, { body: bytes, contentType: options.contentType, metadata: { ...options.metadata } });
    },
    writeText: async (key: string, text: string) => {
      objects.set(key, { body: new TextEncoder().encode(text), contentType: 'text/plain; charset=utf-8' });
    },
    delete: async (key: string) => {
      objects.delete(key);
    },
    deleteAllVersions: async (key: string) => {
      objects.delete(key);
      return 0;
    },
  };
  return { bucket, objects, reads };
}

interface Row extends Offload {
  readonly result: Result;
  readonly placement: Placement;
}

/** An in-memory ArticleStore with the same status rules (canReplace) as the DynamoDB one; lists are one page. */
export function createInMemoryStore() {
  const rows = new Map<string, Row>();
  const entities = new Map<string, EntityHit[]>();
  const claim = async (result: Result, placement: Placement, offload: Offload = {}) => {
    const previous = rows.get(result.id)?.result;
    if (!canReplace(previous, result)) return false;
    rows.set(result.id, { result, placement, ...offload });
    return previous === undefined ? {} : { previous };
  };
  const put = async (result: Result, placement: Placement, offload: Offload = {}) =>
    (await claim(result, placement, offload)) !== false;
  const toStored = ({ placement, ...stored }: Row): StoredArticle => ({ ...stored, order: placement.order });
  const summaryOf = (row: Row): ArticleSummary =>
    Object.fromEntries(
      SUMMARY_ATTRIBUTES.filter((name) => row.result[name as keyof Result] !== undefined).map((name) => [
        name,
        row.result[name as keyof Result],
      ]),
    ) as ArticleSummary;
  const newestFirst = (a: Row, b: Row) => b.placement.order.localeCompare(a.placement.order);
  const entityKey = (type: string, name: string) => `${type}#${foldEntityName(name)}`;
  const store: ArticleStore = {
    putPending: put,
    markProcessing: async (result, placement) => {
      // As the real store: a Result keeps the order it was first filed under.
      const kept = { ...placement, order: rows.get(result.id)?.placement.order ?? placement.order };
      const claimed = await claim(result, kept);
      return claimed === false ? false : { ...claimed, placement: kept };
    },
    saveResult: put,
    putReprocess: async (result, placement, expected) => {
      const stored = rows.get(result.id)?.result;
      if (stored?.status !== expected.status || stored.processedAt !== expected.processedAt) return false;
      rows.set(result.id, { result, placement });
      return true;
    },
    delete: async (id) => {
      rows.delete(id);
    },
    get: async (id) => {
      const row = rows.get(id);
      return row === undefined ? undefined : toStored(row);
    },
    listByKey: async (bucket, key) =>
      [...rows.values()]
        .filter((row) => row.placement.bucket === bucket && row.placement.key === key)
        .sort(newestFirst)
        .map(toStored),
    pageByKey: async (bucket, key, limit) => ({
      items: [...rows.values()]
        .filter((row) => row.placement.bucket === bucket && row.placement.key === key)
        .sort(newestFirst)
        .slice(0, limit)
        .map(summaryOf),
    }),
    listRecent: async (status, limit) => ({
      items: [...rows.values()]
        .filter((row) => status === undefined || row.result.status === status)
        .sort(newestFirst)
        .slice(0, limit)
        .map(summaryOf),
    }),
    indexEntities: async (result) => {
      // As the real index: the article's entries become exactly this Result's (none when FAILED).
      for (const [key, hits] of entities) {
        entities.set(
          key,
          hits.filter((hit) => hit.id !== result.id),
        );
      }
      for (const entity of result.facts.entities) {
        for (const name of [entity.name, ...(entity.aliases ?? [])]) {
          const hits = entities.get(entityKey(entity.type, name)) ?? [];
          if (hits.some((hit) => hit.id === result.id)) continue;
          entities.set(entityKey(entity.type, name), [
            ...hits,
            { id: result.id, name: entity.name, count: entity.count ?? entity.mentions.length },
          ]);
        }
      }
    },
    unindexEntities: async (result) => {
      for (const [key, hits] of entities)
        entities.set(
          key,
          hits.filter((hit) => hit.id !== result.id),
        );
    },
    listByEntity: async (type, name, limit) => ({
      items: (entities.get(entityKey(type, name)) ?? []).slice(0, limit),
    }),
    listNames: async (types, prefix, limit) => ({
      items: [...entities.entries()]
        .filter(
          ([key, hits]) => hits.length > 0 && types.some((type) => key.startsWith(entityKey(type, prefix))),
        )
        .map(([key, hits]) => ({
          type: key.split('#')[0] as EntityType,
          name: hits[0]?.name ?? '',
          articles: hits.length,
        }))
        .slice(0, limit),
    }),
    failInFlight: async (id, error, { at, since }) => {
      const row = rows.get(id);
      const status = row?.result.status;
      if (row === undefined || (status !== 'PENDING' && status !== 'PROCESSING')) return false;
      if (since !== undefined && row.result.processedAt !== since) return false;
      const failed = { ...row.result, status: 'FAILED' as const, error, processedAt: at.toISOString() };
      rows.set(id, { ...row, result: failed });
      return true;
    },
    listInFlight: async (before) =>
      [...rows.values()].flatMap(({ result }) =>
        (result.status === 'PENDING' || result.status === 'PROCESSING') && result.processedAt < before
          ? [{ id: result.id, status: result.status, since: result.processedAt }]
          : [],
      ),
  };
  return { store, rows };
}
