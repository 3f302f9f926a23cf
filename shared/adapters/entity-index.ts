import { createHash } from 'node:crypto';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { EntityType, Result } from '../result.ts';
import { isAwsError, toAdapterError } from './aws-errors.ts';
import { type MergedPage, type Position, queryMerged, type RunQuery } from './merged-query.ts';

/**
 * The entity index, in the results table:
 * - one item per (indexed name, article): pk `ENTITY#<type>#<folded name>#<shard>`, sk `<upload order>#<id>`,
 *   for an entity's name and each alias precis merged into it, so an article is found by any of them. The
 *   shard (a hash of the article id, 0-3) spreads a popular name over four partitions; readers merge them
 *   newest first.
 * - one item per indexed name, for autocomplete: pk `NAMES#<type>#<first character>`, sk `<folded name>`,
 *   with the name as written and `articles`, the number of index items under it.
 * - one manifest per article: pk `ARTICLE#<id>`, sk `ENTITIES`, the keys of every entry that may exist for
 *   it, so that a rerun whose Result no longer has an entity (a new pipeline version, a reprocess) removes
 *   that entity's entries, whatever order they were filed under (see `reindex`).
 * Names are folded (see foldEntityName) so lookups ignore case, apostrophes, dashes and diacritics.
 */

export const ENTITY_SHARDS = 4;
/** Only the most salient entities go into the entity index; a long document can name thousands. */
export const MAX_INDEXED_ENTITIES = 100;
/** DynamoDB refuses a partition key over 2,048 bytes (ValidationException, which no retry can fix). */
const MAX_PARTITION_KEY_BYTES = 2_048;
/** Index writes in flight at once for one article. */
const WRITE_CONCURRENCY = 8;

const APOSTROPHES_AND_PERIODS = /['\u2018\u2019\u02BC\u0060\u00B4.]/g;
const DASHES = /[\p{Pd}_]/gu;
const MARKS = /\p{M}/gu;

/**
 * A name as the index files it: compatibility-decomposed, diacritics, apostrophes and periods dropped, dashes
 * as spaces, lowercase, spaces collapsed. "People’s Republic" and "peoples republic", "Jean-Luc" and
 * "jean luc", "Zoë" and "zoe", "U.S." and "us" fold alike.
 */
export function foldEntityName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES_AND_PERIODS, '')
    .replace(DASHES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const shardOf = (id: string) => createHash('sha256').update(id).digest().readUInt8(0) % ENTITY_SHARDS;
const entityPartition = (type: EntityType, folded: string, shard: number) =>
  `ENTITY#${type}#${folded}#${shard}`;
/** The partition that holds an article's index item for one name (as written: it is folded here). */
export const entityPartitionOf = (type: EntityType, name: string, id: string): string =>
  entityPartition(type, foldEntityName(name), shardOf(id));
const namesPartition = (type: EntityType, folded: string) => `NAMES#${type}#${[...folded][0] ?? ''}`;
const fits = (pk: string) => Buffer.byteLength(pk) <= MAX_PARTITION_KEY_BYTES;

export interface EntityHit {
  readonly id: string;
  /** The entity's name in that article (an alias may be what matched). */
  readonly name: string;
  readonly count: number;
  readonly title?: string;
}

export interface NameCount {
  readonly type: EntityType;
  readonly name: string;
  readonly articles: number;
}

interface IndexEntry {
  readonly pk: string;
  readonly sk: string;
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  /** The name or alias as written, for the autocomplete list. */
  readonly written: string;
  readonly folded: string;
  readonly count: number;
  readonly title?: string;
}

/** What the index reads of a Result (a FAILED one, or one an item kept without its facts, has no entities). */
export interface Indexable {
  readonly id: string;
  readonly title?: string | undefined;
  readonly facts?: Pick<Result['facts'], 'entities'>;
}

/** The index entries of a DONE Result: its most salient entities, under their name and every alias. */
export function indexEntries(result: Indexable, order: string): IndexEntry[] {
  const salient = [...(result.facts?.entities ?? [])]
    .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0))
    .slice(0, MAX_INDEXED_ENTITIES);
  const shard = shardOf(result.id);
  const entries = new Map<string, IndexEntry>();
  for (const entity of salient) {
    // An entity's name and aliases often fold alike ("U.S.", "US"): one entry per entity and folded name.
    const seen = new Set<string>();
    for (const written of [entity.name, ...(entity.aliases ?? [])]) {
      const folded = foldEntityName(written);
      const pk = entityPartition(entity.type, folded, shard);
      if (folded === '' || !fits(pk) || seen.has(pk)) continue;
      seen.add(pk);
      const earlier = entries.get(pk);
      const count = entity.count ?? entity.mentions.length;
      if (earlier !== undefined) {
        // Two entities of the article fold to one name: one entry, with both counts.
        entries.set(pk, { ...earlier, count: earlier.count + count });
        continue;
      }
      entries.set(pk, {
        pk,
        sk: `${order}#${result.id}`,
        id: result.id,
        type: entity.type,
        name: entity.name,
        written,
        folded,
        count,
        ...(result.title === undefined ? {} : { title: result.title }),
      });
    }
  }
  return [...entries.values()];
}

/** The key of an entry of the index, as the manifest keeps it. */
export interface IndexKey {
  readonly pk: string;
  readonly sk: string;
}

const MANIFEST_SK = 'ENTITIES';
const keyOf = ({ pk, sk }: IndexKey): string => `${pk}\n${sk}`;

/** The type and folded name of an entry's partition (`ENTITY#<type>#<folded name>#<shard>`). */
function nameOfPartition(pk: string): { type: EntityType; folded: string } {
  const parts = pk.split('#');
  return { type: parts[1] as EntityType, folded: parts.slice(2, -1).join('#') };
}

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += WRITE_CONCURRENCY) {
    await Promise.all(items.slice(start, start + WRITE_CONCURRENCY).map(run));
  }
}

export function createEntityIndex(
  ddb: DynamoDBDocumentClient,
  tableName: string,
  send: <T>(operation: string, run: () => Promise<T>) => Promise<T>,
  /** The partition key of an article's items (its Result's), which its manifest shares. */
  articlePk: (id: string) => string,
) {
  const runQuery: RunQuery = (command) => send('Query entity index', () => ddb.send(command));
  const manifestKey = (id: string) => ({ pk: articlePk(id), sk: MANIFEST_SK });

  async function countName(
    entry: Pick<IndexEntry, 'type' | 'folded' | 'written'>,
    delta: 1 | -1,
  ): Promise<void> {
    const key = { pk: namesPartition(entry.type, entry.folded), sk: entry.folded };
    await send('UpdateItem entity name', () =>
      ddb.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'ADD articles :delta SET #name = if_not_exists(#name, :name), #type = :type',
          ExpressionAttributeNames: { '#name': 'name', '#type': 'type' },
          ExpressionAttributeValues: { ':delta': delta, ':name': entry.written, ':type': entry.type },
        }),
      ),
    );
    if (delta > 0) return;
    try {
      await ddb.send(
        new DeleteCommand({
          TableName: tableName,
          Key: key,
          ConditionExpression: 'articles <= :zero',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      );
    } catch (error) {
      if (!isAwsError(error, 'ConditionalCheckFailedException')) {
        throw toAdapterError(error, `DeleteItem ${key.pk} on table ${tableName}`);
      }
    }
  }

  /** Files an entry, unless it exists already (a redelivery): a new one adds one to its name's count. */
  async function addEntry(entry: IndexEntry): Promise<void> {
    const { folded: _folded, written: _written, ...item } = entry;
    try {
      await ddb.send(
        new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
    } catch (error) {
      if (isAwsError(error, 'ConditionalCheckFailedException')) return;
      throw toAdapterError(error, `PutItem ${entry.pk} on table ${tableName}`);
    }
    await countName(entry, 1);
  }

  /** Removes an entry if it is there, and then only counts its name down. */
  async function removeEntry(key: IndexKey): Promise<void> {
    const output = await send('DeleteItem entity index', () =>
      ddb.send(
        new DeleteCommand({ TableName: tableName, Key: { pk: key.pk, sk: key.sk }, ReturnValues: 'ALL_OLD' }),
      ),
    );
    if (output.Attributes === undefined) return;
    const { type, folded } = nameOfPartition(key.pk);
    await countName({ type, folded, written: folded }, -1);
  }

  async function readManifest(id: string): Promise<IndexKey[] | undefined> {
    const output = await send(`GetItem entity manifest ${id}`, () =>
      ddb.send(new GetCommand({ TableName: tableName, Key: manifestKey(id), ConsistentRead: true })),
    );
    const entries = output.Item?.entries;
    return Array.isArray(entries) ? (entries as IndexKey[]) : undefined;
  }

  async function writeManifest(id: string, entries: readonly IndexKey[]): Promise<void> {
    if (entries.length === 0) {
      await send(`DeleteItem entity manifest ${id}`, () =>
        ddb.send(new DeleteCommand({ TableName: tableName, Key: manifestKey(id) })),
      );
      return;
    }
    const item = { ...manifestKey(id), entries: entries.map(({ pk, sk }) => ({ pk, sk })) };
    await send(`PutItem entity manifest ${id}`, () =>
      ddb.send(new PutCommand({ TableName: tableName, Item: item })),
    );
  }

  /**
   * Makes the index hold exactly `entries` for article `id`, crash-safe: the manifest first grows to every
   * entry that may exist (the old ones and the new), then the new entries are written, then the entries the
   * article no longer has are removed, and last the manifest shrinks to the new entries. A crash at any point
   * leaves a manifest that covers every entry in the index, so the redelivery (the Result is still PROCESSING:
   * its terminal write comes after this) finishes the job; no new entry is lost and no stale one forgotten.
   * `fallback` are the entries an article indexed before manifests existed may have (from its previous Result).
   */
  async function reindex(
    id: string,
    entries: readonly IndexEntry[],
    fallback: readonly IndexKey[],
  ): Promise<void> {
    const manifest = await readManifest(id);
    const old = manifest ?? fallback;
    const fresh = new Set(entries.map(keyOf));
    const known = new Set(old.map(keyOf));
    const added = entries.filter((entry) => !known.has(keyOf(entry)));
    let recorded = manifest !== undefined;
    if (added.length > 0) {
      await writeManifest(id, [...old, ...added]);
      recorded = true;
    }
    await inBatches(entries, addEntry);
    const stale = old.filter((key) => !fresh.has(keyOf(key)));
    await inBatches(stale, removeEntry);
    // Now the entries are exactly the new ones: so becomes the manifest (none when there are none).
    if (stale.length > 0 || (!recorded && entries.length > 0)) await writeManifest(id, entries);
  }

  return {
    /**
     * Files a Result under each indexed name (none for a FAILED Result) and removes the entries an earlier run
     * of the same article filed that this one no longer has (see reindex). Idempotent.
     */
    reindex: (
      result: Indexable,
      order: string,
      previous?: { readonly result: Indexable; readonly order: string },
    ): Promise<void> =>
      reindex(
        result.id,
        indexEntries(result, order),
        previous === undefined ? [] : indexEntries(previous.result, previous.order),
      ),

    /** Removes every entry of an article (those its manifest lists, and those `result` filed under `order`). */
    remove: async (result: Indexable, order: string): Promise<void> => {
      const manifest = (await readManifest(result.id)) ?? [];
      const known = new Set(manifest.map(keyOf));
      const computed = indexEntries(result, order).filter((entry) => !known.has(keyOf(entry)));
      await inBatches([...manifest, ...computed], removeEntry);
      await writeManifest(result.id, []);
    },

    /** Articles filed under a name (folded), newest first, `limit` at a time from `positions`. */
    find: async (
      type: EntityType,
      name: string,
      limit: number,
      positions?: readonly Position[],
    ): Promise<{ hits: EntityHit[]; page: MergedPage }> => {
      const folded = foldEntityName(name);
      const partitions = Array.from({ length: ENTITY_SHARDS }, (_, shard) =>
        entityPartition(type, folded, shard),
      );
      const page = await queryMerged(
        runQuery,
        {
          tableName,
          partitionKeyName: 'pk',
          sortKeyName: 'sk',
          tableKeyNames: [],
          partitions,
          descending: true,
        },
        limit,
        positions,
      );
      const hits = page.items.map((item) => ({
        id: String(item.id),
        name: String(item.name),
        count: Number(item.count),
        ...(typeof item.title === 'string' ? { title: item.title } : {}),
      }));
      return { hits, page };
    },

    /** Indexed names that begin with `prefix` (folded), alphabetically, over the given types. */
    names: async (
      types: readonly EntityType[],
      prefix: string,
      limit: number,
      positions?: readonly Position[],
    ): Promise<{ names: NameCount[]; page: MergedPage }> => {
      const folded = foldEntityName(prefix);
      const page = await queryMerged(
        runQuery,
        {
          tableName,
          partitionKeyName: 'pk',
          sortKeyName: 'sk',
          tableKeyNames: [],
          partitions: types.map((type) => namesPartition(type, folded)),
          descending: false,
          sortKeyPrefix: folded,
        },
        limit,
        positions,
      );
      const names = page.items
        .filter((item) => Number(item.articles) > 0)
        .map((item) => ({
          type: item.type as EntityType,
          name: String(item.name),
          articles: Number(item.articles),
        }));
      return { names, page };
    },
  };
}

export type EntityIndex = ReturnType<typeof createEntityIndex>;
