import { createHash } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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

/** The index entries of a DONE Result: its most salient entities, under their name and every alias. */
export function indexEntries(result: Result, order: string): IndexEntry[] {
  const salient = [...result.facts.entities]
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

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += WRITE_CONCURRENCY) {
    await Promise.all(items.slice(start, start + WRITE_CONCURRENCY).map(run));
  }
}

export function createEntityIndex(
  ddb: DynamoDBDocumentClient,
  tableName: string,
  send: <T>(operation: string, run: () => Promise<T>) => Promise<T>,
) {
  const runQuery: RunQuery = (command) => send('Query entity index', () => ddb.send(command));

  async function countName(entry: IndexEntry, delta: 1 | -1): Promise<void> {
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

  return {
    /**
     * Files a DONE Result under each indexed name. An entry that exists already (a redelivery) is left as it
     * is and not counted again; a new one adds one to its name's article count.
     */
    add: (result: Result, order: string): Promise<void> =>
      inBatches(indexEntries(result, order), async (entry) => {
        const { folded: _folded, written: _written, ...item } = entry;
        try {
          await ddb.send(
            new PutCommand({
              TableName: tableName,
              Item: item,
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
        } catch (error) {
          if (isAwsError(error, 'ConditionalCheckFailedException')) return;
          throw toAdapterError(error, `PutItem ${entry.pk} on table ${tableName}`);
        }
        await countName(entry, 1);
      }),

    /** Removes a Result's entries (those written for it with the same order), counting each name down. */
    remove: (result: Result, order: string): Promise<void> =>
      inBatches(indexEntries(result, order), async (entry) => {
        const output = await send('DeleteItem entity index', () =>
          ddb.send(
            new DeleteCommand({
              TableName: tableName,
              Key: { pk: entry.pk, sk: entry.sk },
              ReturnValues: 'ALL_OLD',
            }),
          ),
        );
        if (output.Attributes !== undefined) await countName(entry, -1);
      }),

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
