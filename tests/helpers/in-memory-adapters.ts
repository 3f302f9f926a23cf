import type { ArticleBucket, ObjectHead, PutOptions } from '#shared/adapters/article-bucket.ts';
import {
  type ArticleStore,
  canReplace,
  type EntityHit,
  type Offload,
  type Placement,
  type StoredArticle,
} from '#shared/adapters/article-store.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { Result } from '#shared/result.ts';
import { TEST_BUCKET } from './builders.ts';

export interface StoredObject {
  readonly body: Uint8Array;
  readonly contentType?: string;
  readonly etag?: string;
  readonly versionId?: string;
  readonly metadata?: Record<string, string>;
}

/** An in-memory ArticleBucket that records which keys were downloaded. */
export function createInMemoryBucket(name = TEST_BUCKET) {
  const objects = new Map<string, StoredObject>();
  const reads: string[] = [];
  const find = (key: string) => {
    const object = objects.get(key);
    if (object === undefined) throw new NotFoundError(`HeadObject ${key} failed: NotFound`);
    return object;
  };
  const bucket: ArticleBucket = {
    name,
    head: async (key: string): Promise<ObjectHead> => {
      const object = find(key);
      return {
        bytes: object.body.byteLength,
        contentType: object.contentType,
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
  };
  return { bucket, objects, reads };
}

interface Row extends Offload {
  readonly result: Result;
  readonly placement: Placement;
}

/** An in-memory ArticleStore with the same status rules (canReplace) as the DynamoDB one. */
export function createInMemoryStore() {
  const rows = new Map<string, Row>();
  const entities = new Map<string, EntityHit[]>();
  const put = async (result: Result, placement: Placement, offload: Offload = {}) => {
    if (!canReplace(rows.get(result.id)?.result, result)) return false;
    rows.set(result.id, { result, placement, ...offload });
    return true;
  };
  const toStored = ({ placement: _placement, ...stored }: Row): StoredArticle => stored;
  const store: ArticleStore = {
    putPending: put,
    markProcessing: put,
    saveResult: put,
    get: async (id) => {
      const row = rows.get(id);
      return row === undefined ? undefined : toStored(row);
    },
    listByKey: async (bucket, key) =>
      [...rows.values()]
        .filter((row) => row.placement.bucket === bucket && row.placement.key === key)
        .sort((a, b) => b.placement.order.localeCompare(a.placement.order))
        .map(toStored),
    indexEntities: async (result) => {
      for (const entity of result.facts.entities) {
        const pk = `${entity.type}#${entity.name.toLowerCase()}`;
        const hits = entities.get(pk) ?? [];
        entities.set(pk, [...hits, { id: result.id, name: entity.name, count: entity.mentions.length }]);
      }
    },
    listByEntity: async (type, name) => entities.get(`${type}#${name.toLowerCase()}`) ?? [],
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
