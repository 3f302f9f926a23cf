import { createHash } from 'node:crypto';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { RejectedError } from '../errors.ts';
import {
  type ArticleSummary,
  articleSummarySchema,
  type EntityType,
  type ErrorCode,
  type Result,
  type ResultError,
  type Status,
} from '../result.ts';
import { isAwsError, toAdapterError } from './aws-errors.ts';
import { createEntityIndex, type EntityHit, type NameCount } from './entity-index.ts';
import { type MergedPage, type Position, queryMerged, type RunQuery } from './merged-query.ts';

/** What list answers show of a Result; the list indexes project only these attributes. */
export const SUMMARY_ATTRIBUTES: readonly string[] = Object.keys(articleSummarySchema.shape);

/**
 * The one definition of the table, shared by infra/ (CDK) and the local stack (CreateTable on dynalite).
 * Attribute types use DynamoDB's letters, which equal CDK's `AttributeType` values ('S').
 */
export const TABLE_SCHEMA = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  byKeyIndex: {
    indexName: 'byKey',
    partitionKey: { name: 'gsi1pk', type: 'S' },
    sortKey: { name: 'gsi1sk', type: 'S' },
    projectionType: 'ALL',
  },
  /**
   * Sparse: only PENDING and PROCESSING Results carry its keys (in-flight marker, time of the last status
   * change), so the sweeper finds stuck Results with a Query instead of a Scan.
   */
  inFlightIndex: {
    indexName: 'inFlight',
    partitionKey: { name: 'gsi2pk', type: 'S' },
    sortKey: { name: 'gsi2sk', type: 'S' },
    projectionType: 'INCLUDE',
    nonKeyAttributes: ['status'],
  },
  /** Every Result by upload time: partitions `ARTICLES#<yyyy-mm>#<shard>`, sort key `<upload order>#<id>`. */
  byTimeIndex: {
    indexName: 'byTime',
    partitionKey: { name: 'gsi3pk', type: 'S' },
    sortKey: { name: 'gsi3sk', type: 'S' },
    projectionType: 'INCLUDE',
    nonKeyAttributes: SUMMARY_ATTRIBUTES,
  },
  /** The same per status: partitions `STATUS#<status>#<yyyy-mm>#<shard>`. */
  byStatusIndex: {
    indexName: 'byStatus',
    partitionKey: { name: 'gsi4pk', type: 'S' },
    sortKey: { name: 'gsi4sk', type: 'S' },
    projectionType: 'INCLUDE',
    nonKeyAttributes: SUMMARY_ATTRIBUTES,
  },
} as const;

export type ListIndex = typeof TABLE_SCHEMA.byTimeIndex | typeof TABLE_SCHEMA.byStatusIndex;

export const SECONDARY_INDEXES = [
  TABLE_SCHEMA.byKeyIndex,
  TABLE_SCHEMA.inFlightIndex,
  TABLE_SCHEMA.byTimeIndex,
  TABLE_SCHEMA.byStatusIndex,
];

/** CreateTable input for TABLE_SCHEMA (on-demand billing), for the local stack and tests. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey } = TABLE_SCHEMA;
  const keys = [
    partitionKey,
    sortKey,
    ...SECONDARY_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keys.map((key) => ({ AttributeName: key.name, AttributeType: key.type })),
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' },
      { AttributeName: sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: SECONDARY_INDEXES.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: {
        ProjectionType: index.projectionType,
        ...('nonKeyAttributes' in index ? { NonKeyAttributes: [...index.nonKeyAttributes] } : {}),
      },
    })),
  };
}

/** Where a Result's object lives, and its place among the uploads to that key (sorts oldest to newest). */
export interface Placement {
  readonly bucket: string;
  readonly key: string;
  readonly order: string;
}

/**
 * Where parts of a DONE Result live in S3 besides the item: the cleaned text always (`textKey`), its viewer
 * page (`pageKey`), and the whole Result when its facts would not fit in an item (`resultKey`, see
 * needsResultInS3).
 */
export interface Offload {
  readonly textKey?: string;
  readonly resultKey?: string;
  readonly pageKey?: string;
}

/**
 * A Result as stored: `text` may live only in S3 (`textKey`) when the item would be too large; with
 * `resultKey`, the item holds only the status, metadata and summary, and S3 holds the whole Result.
 */
export interface StoredArticle extends Offload {
  readonly result: Omit<Result, 'text'> & { readonly text?: string };
  /** Its place among the uploads to its key (Placement.order), which the entity index files it under. */
  readonly order?: string;
}

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

/** DynamoDB caps an item at 400 KB; keep a margin for attribute names and overhead. */
export const MAX_INLINE_ITEM_BYTES = 350_000;
const RESULT_SK = 'RESULT';
const BY_KEY_LIMIT = 50;
/** Most items one list page holds. */
const MAX_PAGE_ITEMS = 100;
/** Stuck Results failed per sweep; the rest are failed on the next sweeps. */
const IN_FLIGHT_LIMIT = 500;
const STORAGE_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
  'textKey',
  'resultKey',
  'pageKey',
] as const;

export { MAX_INDEXED_ENTITIES } from './entity-index.ts';

/** Partitions per month of the time lists: writes spread over four, readers merge them. */
export const LIST_SHARDS = 4;
/** No article is older than this month (precis did not exist before): time lists stop here. */
export const LIST_EPOCH_MONTH = '2024-01';
/** Empty months one list page may step over before it answers with a cursor to go on. */
const MAX_MONTHS_PER_PAGE = 12;

const MONTH = /^\d{4}-\d{2}/;
/** The month an upload is listed under: that of its upload order (an ISO time), else of its Result. */
const listMonth = (order: string, result: Result) =>
  (MONTH.test(order) ? order : result.processedAt).slice(0, 7);
const listShard = (id: string) => createHash('sha256').update(id).digest().readUInt8(0) % LIST_SHARDS;
const TIME_PARTITION_PREFIX = 'ARTICLES#';
const timePartition = (month: string, shard: number) => `${TIME_PARTITION_PREFIX}${month}#${shard}`;
const statusPartition = (status: Status, month: string, shard: number) =>
  `STATUS#${status}#${month}#${shard}`;
/** The status list partition that goes with a time list partition. */
const statusListOf = (status: Status, timeKey: string) =>
  `STATUS#${status}#${timeKey.slice(TIME_PARTITION_PREFIX.length)}`;

function previousMonth(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** The month to start a time list from: that of tomorrow, so an upload stamped by a clock a little ahead shows. */
const startMonth = (now: Date) => new Date(now.getTime() + 86_400_000).toISOString().slice(0, 7);

/** A list item: the summary attributes of a Result item (index items carry their keys too). */
function toSummary(item: Record<string, unknown>): ArticleSummary {
  const summary = Object.fromEntries(
    SUMMARY_ATTRIBUTES.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]),
  );
  return summary as ArticleSummary;
}

const articlePk = (id: string) => `ARTICLE#${id}`;
const keyPartition = (bucket: string, key: string) => `KEY#${bucket}/${key}`;

/**
 * Which statuses a write may replace. The same id is the same object version, so a terminal Result is
 * never replaced by PROCESSING or by a duplicate FAILED, and DONE is final, with one exception: a Result
 * FAILED because its deliveries ran out or it timed out (RETRYABLE_CODES) may be processed again, after
 * `precis redrive` or a new delivery.
 */
const REPLACEABLE: Record<Status, readonly Status[]> = {
  PENDING: [],
  PROCESSING: ['PENDING', 'PROCESSING'],
  FAILED: ['PENDING', 'PROCESSING'],
  DONE: ['PENDING', 'PROCESSING', 'FAILED'],
};
export const RETRYABLE_CODES: readonly ErrorCode[] = ['RETRIES_EXHAUSTED', 'TIMED_OUT'];
const IN_FLIGHT: readonly Status[] = ['PENDING', 'PROCESSING'];
const IN_FLIGHT_MARKER = 'INFLIGHT';

/**
 * Whether a write of `next` may replace a stored item (undefined: no item yet). Besides REPLACEABLE, a
 * Result FAILED with a RETRYABLE_CODES error may be claimed (PROCESSING) again, and any status but PENDING
 * replaces an item an older (other) pipeline version wrote: that is how a backfill reprocesses objects after a
 * release, while within one version DONE stays final.
 */
export function canReplace(
  stored: Pick<Result, 'status' | 'error' | 'pipelineVersion'> | undefined,
  next: Pick<Result, 'status' | 'pipelineVersion'>,
): boolean {
  if (stored === undefined || REPLACEABLE[next.status].includes(stored.status)) return true;
  const retry = next.status === 'PROCESSING' && stored.status === 'FAILED';
  if (retry && stored.error !== undefined && RETRYABLE_CODES.includes(stored.error.code)) return true;
  return (
    next.status !== 'PENDING' &&
    stored.pipelineVersion !== undefined &&
    stored.pipelineVersion !== next.pipelineVersion
  );
}

function conditionFor(result: Pick<Result, 'status' | 'pipelineVersion'>) {
  const replaceable = REPLACEABLE[result.status];
  const values: Record<string, string> = Object.fromEntries(
    replaceable.map((value, index) => [`:s${index}`, value]),
  );
  const names: Record<string, string> = { '#status': 'status' };
  const anyOf = [`attribute_not_exists(pk)`];
  if (replaceable.length > 0) anyOf.push(`#status IN (${Object.keys(values).join(', ')})`);
  if (result.status === 'PROCESSING') {
    RETRYABLE_CODES.forEach((code, index) => {
      values[`:r${index}`] = code;
    });
    values[':failed'] = 'FAILED';
    Object.assign(names, { '#error': 'error', '#code': 'code' });
    const codes = RETRYABLE_CODES.map((_, index) => `:r${index}`).join(', ');
    anyOf.push(`(#status = :failed AND #error.#code IN (${codes}))`);
  }
  if (result.status !== 'PENDING') {
    values[':version'] = result.pipelineVersion;
    names['#version'] = 'pipelineVersion';
    anyOf.push('(attribute_exists(#version) AND #version <> :version)');
  }
  return {
    ConditionExpression: anyOf.join(' OR '),
    ...(Object.keys(values).length === 0
      ? {}
      : { ExpressionAttributeNames: names, ExpressionAttributeValues: values }),
  };
}

/** A plain JSON copy: drops undefined fields, which DynamoDB refuses. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const sizeOf = (item: Record<string, unknown>) => Buffer.byteLength(JSON.stringify(item));

/** Whether a Result is too large for one item even without its text: then the whole Result goes to S3. */
export function isOversized(result: Result): boolean {
  return sizeOf(plain({ ...result, text: '' })) > MAX_INLINE_ITEM_BYTES;
}

/**
 * DynamoDB numbers have a magnitude from 1E-130 to under 1E+126; a fact can read "$1" followed by 140 zeros.
 * PutItem refuses such a number outright (ValidationException), which no retry can fix.
 */
const MIN_ITEM_MAGNITUDE = 1e-130;
const MAX_ITEM_MAGNITUDE = 1e126;

const isStorableNumber = (value: number) =>
  value === 0 || (Math.abs(value) >= MIN_ITEM_MAGNITUDE && Math.abs(value) < MAX_ITEM_MAGNITUDE);

function hasUnstorableNumber(value: unknown): boolean {
  if (typeof value === 'number') return !isStorableNumber(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(hasUnstorableNumber);
}

/**
 * Whether the whole Result must live in S3 (`resultKey`) with only its status, metadata and summary in the
 * item: its facts are too large for an item, or hold a number DynamoDB cannot store.
 */
export function needsResultInS3(result: Result): boolean {
  return isOversized(result) || hasUnstorableNumber(result.facts);
}

/** DynamoDB's own limit on an item, in bytes. */
const MAX_ITEM_BYTES = 400_000;

/**
 * The item for a Result, sized before every write whatever produced the Result. With the whole Result in
 * S3 (`resultKey`, see needsResultInS3), the item keeps only status, metadata and summary. Otherwise, over
 * the size limit, the text is left to S3 (`textKey`); if still over, the removal audit (optional in the
 * contract) is dropped, then facts and key phrases. An item that still cannot fit is refused here as
 * TOO_LARGE, permanently, rather than sent for DynamoDB to refuse.
 */
export function toItem(result: Result, placement: Placement, offload: Offload = {}): Record<string, unknown> {
  const item = plain({
    ...result,
    pk: articlePk(result.id),
    sk: RESULT_SK,
    gsi1pk: keyPartition(placement.bucket, placement.key),
    gsi1sk: placement.order,
    ...listKeys(result, placement),
    ...(IN_FLIGHT.includes(result.status) ? { gsi2pk: IN_FLIGHT_MARKER, gsi2sk: result.processedAt } : {}),
    ...offload,
  });
  const { text: _inS3, ...withoutText } = item;
  const { removed: _audit, removedOmitted: _omitted, ...withoutAudit } = withoutText;
  const { facts: _facts, keyPhrases: _phrases, ...summaryOnly } = withoutAudit;
  const candidates =
    offload.resultKey !== undefined
      ? [summaryOnly]
      : offload.textKey !== undefined
        ? [item, withoutText, withoutAudit]
        : [item];
  const fitting = candidates.find((candidate) => sizeOf(candidate) <= MAX_INLINE_ITEM_BYTES);
  if (fitting !== undefined) return fitting;
  const smallest = candidates.at(-1) ?? item;
  if (sizeOf(smallest) <= MAX_ITEM_BYTES) return smallest;
  throw new RejectedError(
    'TOO_LARGE',
    `The item for ${result.status} Result ${result.id} is ${sizeOf(smallest)} bytes; DynamoDB takes ${MAX_ITEM_BYTES}`,
  );
}

/** The time-list and status-list index keys of a Result item. */
function listKeys(result: Result, placement: Placement) {
  const month = listMonth(placement.order, result);
  const shard = listShard(result.id);
  const sortKey = `${placement.order}#${result.id}`;
  return {
    gsi3pk: timePartition(month, shard),
    gsi3sk: sortKey,
    gsi4pk: statusPartition(result.status, month, shard),
    gsi4sk: sortKey,
  };
}

function fromItem(item: Record<string, unknown>): StoredArticle {
  const fields = { ...item };
  for (const name of STORAGE_ATTRIBUTES) delete fields[name];
  const textKey = typeof item.textKey === 'string' ? item.textKey : undefined;
  const resultKey = typeof item.resultKey === 'string' ? item.resultKey : undefined;
  const pageKey = typeof item.pageKey === 'string' ? item.pageKey : undefined;
  const order = typeof item.gsi1sk === 'string' ? item.gsi1sk : undefined;
  return {
    result: fields as unknown as StoredArticle['result'],
    ...(order === undefined ? {} : { order }),
    ...(textKey === undefined ? {} : { textKey }),
    ...(resultKey === undefined ? {} : { resultKey }),
    ...(pageKey === undefined ? {} : { pageKey }),
  };
}

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
     * dead-letter consumer and the sweeper end Results this way. False when it had already moved on.
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
            UpdateExpression:
              'SET #status = :failed, #error = :error, processedAt = :at REMOVE gsi2pk, gsi2sk',
            ConditionExpression: `#status IN (:pending, :processing)${options.since === undefined ? '' : ' AND processedAt = :since'}`,
            ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        failed = output.Attributes;
      } catch (caught) {
        if (isAwsError(caught, 'ConditionalCheckFailedException')) return false;
        throw toAdapterError(caught, `UpdateItem FAILED ${id} on table ${tableName}`);
      }
      await moveToStatusList(id, failed, 'FAILED');
      // A FAILED Result has no entities: what an earlier run of the article filed goes.
      await entities.reindex({ id }, '');
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
