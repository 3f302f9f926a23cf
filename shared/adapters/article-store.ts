import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ArticleSummary, EntityType, Result, ResultError, Status } from '../result.ts';
import { conditionFor } from './article-store-conditions.ts';
import { fromItem, type Offload, type Placement, type StoredArticle, toItem } from './article-store-items.ts';
import {
  articlePk,
  IN_FLIGHT_MARKER,
  keyPartition,
  LIST_EPOCH_MONTH,
  LIST_SHARDS,
  MAX_MONTHS_PER_PAGE,
  previousMonth,
  RESULT_SK,
  startMonth,
  statusListOf,
  statusPartition,
  TIME_PARTITION_PREFIX,
  timePartition,
  toSummary,
} from './article-store-keys.ts';
import { TABLE_SCHEMA } from './article-store-table.ts';
import { isAwsError, toAdapterError } from './aws-errors.ts';
import { createEntityIndex, type EntityHit, type NameCount } from './entity-index.ts';
import { type MergedPage, type Position, queryMerged, type RunQuery } from './merged-query.ts';

/**
 * Results and the entity index in one DynamoDB table. The table's definition is in article-store-table.ts,
 * the item keys in article-store-keys.ts, a Result as an item in article-store-items.ts, the rules for which
 * write may replace which in article-store-conditions.ts, the entity index in entity-index.ts.
 */

export { canReplace, RETRYABLE_CODES } from './article-store-conditions.ts';
export {
  isOversized,
  MAX_INLINE_ITEM_BYTES,
  needsResultInS3,
  type Offload,
  type Placement,
  type StoredArticle,
  toItem,
} from './article-store-items.ts';
export { LIST_EPOCH_MONTH, LIST_SHARDS } from './article-store-keys.ts';
export {
  createTableInput,
  type ListIndex,
  SECONDARY_INDEXES,
  SUMMARY_ATTRIBUTES,
  TABLE_SCHEMA,
} from './article-store-table.ts';
export { MAX_INDEXED_ENTITIES } from './entity-index.ts';

/** A Result write that went through, with the Result it replaced (none for a new id) and that one's order. */
export interface Claimed {
  readonly previous?: StoredArticle['result'];
  readonly previousOrder?: string;
}

/** A PROCESSING write that went through, and the place among the key's uploads the Result keeps. */
export interface ClaimedPlacement extends Claimed {
  readonly placement: Placement;
}

/** A Result still waiting to end, as the sweeper sees it. */
export interface InFlight {
  readonly id: string;
  readonly status: 'PENDING' | 'PROCESSING';
  /** When it entered that status (ISO time). */
  readonly since: string;
}

export type { EntityHit, NameCount };

/** Where a list page stands: the month being read (time lists) and each partition's position. */
export interface ListState {
  readonly month?: string;
  readonly positions?: readonly Position[];
}

export interface ListPage<T> {
  readonly items: T[];
  /** Undefined on the last page. */
  readonly next?: ListState;
}

const BY_KEY_LIMIT = 50;
/** Most items one list page holds. */
const MAX_PAGE_ITEMS = 100;
/** Stuck Results failed per sweep; the rest are failed on the next sweeps. */
const IN_FLIGHT_LIMIT = 500;

/** Results and the entity index in the single table (see TABLE_SCHEMA). */
export function createArticleStore(ddb: DynamoDBDocumentClient, tableName: string) {
  async function send<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toAdapterError(error, `${operation} on table ${tableName}`);
    }
  }

  /**
   * Writes the Result unless the stored status forbids it (see REPLACEABLE, or `condition`); false when it was
   * refused, else what it replaced.
   */
  async function put(
    result: Result,
    placement: Placement,
    offload: Offload = {},
    condition: ReturnType<typeof conditionFor> = conditionFor(result),
  ): Promise<false | Claimed> {
    const item = toItem(result, placement, offload);
    try {
      const output = await ddb.send(
        new PutCommand({ TableName: tableName, Item: item, ...condition, ReturnValues: 'ALL_OLD' }),
      );
      if (output.Attributes === undefined) return {};
      const previous = fromItem(output.Attributes);
      return {
        previous: previous.result,
        ...(previous.order === undefined ? {} : { previousOrder: previous.order }),
      };
    } catch (error) {
      if (isAwsError(error, 'ConditionalCheckFailedException')) return false;
      throw toAdapterError(error, `PutItem ${result.status} ${result.id} on table ${tableName}`);
    }
  }

  /**
   * Files an item updated in place under its new status list partition (same month and shard as its time
   * list's): an update cannot compute the partition, so this second write follows it, unless the status has
   * moved on again since (then whoever moved it wrote its partition).
   */
  async function moveToStatusList(
    id: string,
    item: Record<string, unknown> | undefined,
    status: Status,
  ): Promise<void> {
    const timeKey = item?.gsi3pk;
    if (typeof timeKey !== 'string' || !timeKey.startsWith(TIME_PARTITION_PREFIX)) return;
    try {
      await ddb.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: articlePk(id), sk: RESULT_SK },
          UpdateExpression: 'SET gsi4pk = :partition',
          ConditionExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':partition': statusListOf(status, timeKey), ':status': status },
        }),
      );
    } catch (caught) {
      if (isAwsError(caught, 'ConditionalCheckFailedException')) return;
      throw toAdapterError(caught, `UpdateItem status list ${id} on table ${tableName}`);
    }
  }

  /** A Result failInFlight made FAILED but did not finish (a crash): it still has its in-flight marker. */
  async function unfinishedFailure(id: string): Promise<Record<string, unknown> | undefined> {
    const { Item: item } = await send(`GetItem ${id}`, () =>
      ddb.send(
        new GetCommand({
          TableName: tableName,
          Key: { pk: articlePk(id), sk: RESULT_SK },
          ConsistentRead: true,
        }),
      ),
    );
    return item?.status === 'FAILED' && item.gsi2pk === IN_FLIGHT_MARKER ? item : undefined;
  }

  /**
   * What follows the FAILED update, each step idempotent: the status list, the entity index (a FAILED Result
   * has no entities: what an earlier run of the article filed goes), and last the in-flight marker.
   */
  async function finishFailing(id: string, failed: Record<string, unknown> | undefined): Promise<void> {
    await moveToStatusList(id, failed, 'FAILED');
    await entities.reindex({ id }, '');
    try {
      await ddb.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: articlePk(id), sk: RESULT_SK },
          UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
          ConditionExpression: '#status = :failed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'FAILED' },
        }),
      );
    } catch (caught) {
      // Taken up again since (a reprocess): its own write placed it.
      if (isAwsError(caught, 'ConditionalCheckFailedException')) return;
      throw toAdapterError(caught, `UpdateItem in-flight marker ${id} on table ${tableName}`);
    }
  }

  const runQuery: RunQuery = (command) =>
    send(`Query ${command.input.IndexName ?? 'table'}`, () => ddb.send(command));
  const entities = createEntityIndex(ddb, tableName, send, articlePk);

  return {
    /** A new article accepted by the API. False when processing already wrote the item first. */
    putPending: async (result: Result, placement: Placement) => (await put(result, placement)) !== false,
    /**
     * False when a terminal Result already exists for this id: the caller skips the work. Else what it
     * replaced (a PENDING Result, a FAILED one retried, a Result of an older pipeline version), for its history,
     * and the placement to file the Result under: a Result keeps the order it was first filed under (its first
     * event's time, or when the API accepted it), so a duplicate notification with a later event time, a
     * redelivery or a rerun never moves it among the key's uploads.
     */
    markProcessing: async (result: Result, placement: Placement): Promise<false | ClaimedPlacement> => {
      const stored = await send(`GetItem order ${result.id}`, () =>
        ddb.send(
          new GetCommand({
            TableName: tableName,
            Key: { pk: articlePk(result.id), sk: RESULT_SK },
            ProjectionExpression: 'gsi1sk',
            ConsistentRead: true,
          }),
        ),
      );
      const order = stored.Item?.gsi1sk;
      const kept = typeof order === 'string' ? { ...placement, order } : placement;
      const claimed = await put(result, kept);
      return claimed === false ? false : { ...claimed, placement: kept };
    },
    /** Writes a DONE or FAILED Result. False when a terminal Result forbids it (a duplicate). */
    saveResult: async (result: Result, placement: Placement, offload: Offload = {}) =>
      (await put(result, placement, offload)) !== false,
    /**
     * Replaces an ended (DONE or FAILED) Result with a PENDING one for POST /articles/{id}/reprocess, only if
     * the stored Result is still the one the caller read (same status and processedAt). False otherwise.
     */
    putReprocess: async (
      result: Result,
      placement: Placement,
      expected: Pick<Result, 'status' | 'processedAt'>,
    ): Promise<boolean> =>
      (await put(
        result,
        placement,
        {},
        {
          ConditionExpression: '#status = :expected AND processedAt = :at',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':expected': expected.status, ':at': expected.processedAt },
        },
      )) !== false,

    get: async (id: string): Promise<StoredArticle | undefined> => {
      const output = await send(`GetItem ${id}`, () =>
        ddb.send(new GetCommand({ TableName: tableName, Key: { pk: articlePk(id), sk: RESULT_SK } })),
      );
      return output.Item === undefined ? undefined : fromItem(output.Item);
    },

    /** The stored Results of the uploads to the object at this key, newest first (the first 50). */
    listByKey: async (bucket: string, key: string): Promise<StoredArticle[]> => {
      const { byKeyIndex } = TABLE_SCHEMA;
      const output = await runQuery(
        new QueryCommand({
          TableName: tableName,
          IndexName: byKeyIndex.indexName,
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keyPartition(bucket, key) },
          ScanIndexForward: false,
          Limit: BY_KEY_LIMIT,
        }),
      );
      return (output.Items ?? []).map(fromItem);
    },

    /** Summaries of the uploads to the object at this key, newest first, `limit` at a time. */
    pageByKey: async (
      bucket: string,
      key: string,
      limit: number,
      from: ListState = {},
    ): Promise<ListPage<ArticleSummary>> => {
      const { byKeyIndex } = TABLE_SCHEMA;
      const page = await queryMerged(
        runQuery,
        {
          tableName,
          indexName: byKeyIndex.indexName,
          partitionKeyName: byKeyIndex.partitionKey.name,
          sortKeyName: byKeyIndex.sortKey.name,
          tableKeyNames: ['pk', 'sk'],
          partitions: [keyPartition(bucket, key)],
          descending: true,
        },
        limit,
        from.positions,
      );
      return pageOf(page, page.items.map(toSummary));
    },

    /**
     * Fails a Result that is still PENDING or PROCESSING (and, with `since`, unchanged since then): the
     * dead-letter consumer and the sweeper end Results this way. False when it had already moved on. The
     * FAILED Result keeps its in-flight marker until its status list and entity index are right (finishFailing),
     * so that a crash in between is finished by the next attempt: the redelivered message, or the sweeper,
     * which still lists it.
     */
    failInFlight: async (
      id: string,
      error: ResultError,
      options: { readonly at: Date; readonly since?: string },
    ): Promise<boolean> => {
      const values: Record<string, unknown> = {
        ':failed': 'FAILED',
        ':error': error,
        ':at': options.at.toISOString(),
        ':pending': 'PENDING',
        ':processing': 'PROCESSING',
      };
      if (options.since !== undefined) values[':since'] = options.since;
      let failed: Record<string, unknown> | undefined;
      try {
        const output = await ddb.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: articlePk(id), sk: RESULT_SK },
            UpdateExpression: 'SET #status = :failed, #error = :error, processedAt = :at',
            ConditionExpression: `#status IN (:pending, :processing)${options.since === undefined ? '' : ' AND processedAt = :since'}`,
            ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        failed = output.Attributes;
      } catch (caught) {
        if (!isAwsError(caught, 'ConditionalCheckFailedException')) {
          throw toAdapterError(caught, `UpdateItem FAILED ${id} on table ${tableName}`);
        }
        failed = await unfinishedFailure(id);
        if (failed === undefined) return false;
      }
      await finishFailing(id, failed);
      return true;
    },

    /** Results PENDING or PROCESSING since before `before` (ISO time), oldest first, at most `limit`. */
    listInFlight: async (before: string, limit = IN_FLIGHT_LIMIT): Promise<InFlight[]> => {
      const found: InFlight[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const output = await send(`Query ${TABLE_SCHEMA.inFlightIndex.indexName}`, () =>
          ddb.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: TABLE_SCHEMA.inFlightIndex.indexName,
              KeyConditionExpression: 'gsi2pk = :marker AND gsi2sk < :before',
              ExpressionAttributeValues: { ':marker': IN_FLIGHT_MARKER, ':before': before },
              Limit: limit - found.length,
              ExclusiveStartKey,
            }),
          ),
        );
        for (const item of output.Items ?? []) {
          found.push({
            id: String(item.pk).slice(articlePk('').length),
            status: item.status === 'PENDING' ? 'PENDING' : 'PROCESSING',
            since: String(item.gsi2sk),
          });
        }
        ExclusiveStartKey = output.LastEvaluatedKey;
      } while (ExclusiveStartKey !== undefined && found.length < limit);
      return found;
    },

    /**
     * Summaries of every Result (or those with one status), newest upload first, `limit` at a time: the month
     * partitions of the list index, from this month back to LIST_EPOCH_MONTH, each merged over its shards.
     */
    listRecent: async (
      status: Status | undefined,
      limit: number,
      from: ListState = {},
      now: Date = new Date(),
    ): Promise<ListPage<ArticleSummary>> => {
      const index = status === undefined ? TABLE_SCHEMA.byTimeIndex : TABLE_SCHEMA.byStatusIndex;
      const items: ArticleSummary[] = [];
      let month = from.month ?? startMonth(now);
      let positions = from.positions;
      for (let step = 0; step < MAX_MONTHS_PER_PAGE; step += 1) {
        const partitions = Array.from({ length: LIST_SHARDS }, (_, shard) =>
          status === undefined ? timePartition(month, shard) : statusPartition(status, month, shard),
        );
        const page = await queryMerged(
          runQuery,
          {
            tableName,
            indexName: index.indexName,
            partitionKeyName: index.partitionKey.name,
            sortKeyName: index.sortKey.name,
            tableKeyNames: ['pk', 'sk'],
            partitions,
            descending: true,
          },
          limit - items.length,
          positions,
        );
        items.push(...page.items.map(toSummary));
        if (!page.exhausted) return { items, next: { month, positions: page.positions } };
        month = previousMonth(month);
        positions = undefined;
        if (month < LIST_EPOCH_MONTH) return { items };
        if (items.length >= limit) break;
      }
      return { items, next: { month } };
    },

    /**
     * Files a Result in the entity index under its entities' names and aliases (none for a FAILED Result), and
     * removes what an earlier run of the article filed that this Result no longer has; `previous` is the Result
     * it replaces, for an article indexed before the index kept a manifest per article. Idempotent, crash-safe
     * (see EntityIndex.reindex); called before the terminal Result is written.
     */
    indexEntities: (
      result: Result,
      placement?: Placement,
      previous?: { readonly result: StoredArticle['result']; readonly order?: string },
    ): Promise<void> =>
      entities.reindex(
        result,
        placement?.order ?? result.processedAt,
        previous === undefined
          ? undefined
          : { result: previous.result, order: previous.order ?? previous.result.processedAt },
      ),

    /** Deletes the Result item (its list index entries go with it); the entity index is unindexEntities'. */
    delete: async (id: string): Promise<void> => {
      await send(`DeleteItem ${id}`, () =>
        ddb.send(new DeleteCommand({ TableName: tableName, Key: { pk: articlePk(id), sk: RESULT_SK } })),
      );
    },

    /** Takes a Result out of the entity index (as indexEntities filed it under this placement). */
    unindexEntities: (result: Result, placement?: Placement): Promise<void> =>
      entities.remove(result, placement?.order ?? result.processedAt),

    /** Articles filed under an entity name or alias (folded), newest first, `limit` at a time. */
    listByEntity: async (
      type: EntityType,
      name: string,
      limit = MAX_PAGE_ITEMS,
      from: ListState = {},
    ): Promise<ListPage<EntityHit>> => {
      const { hits, page } = await entities.find(type, name, limit, from.positions);
      return pageOf(page, hits);
    },

    /** Indexed names beginning with `prefix` (folded), alphabetically, with their article counts. */
    listNames: async (
      types: readonly EntityType[],
      prefix: string,
      limit: number,
      from: ListState = {},
    ): Promise<ListPage<NameCount>> => {
      const { names, page } = await entities.names(types, prefix, limit, from.positions);
      return pageOf(page, names);
    },
  };
}

function pageOf<T>(page: MergedPage, items: T[]): ListPage<T> {
  return page.exhausted ? { items } : { items, next: { positions: page.positions } };
}

export type ArticleStore = ReturnType<typeof createArticleStore>;
