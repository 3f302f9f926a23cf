import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { DependencyError, RejectedError } from '../errors.ts';
import type { EntityType, ErrorCode, Result, ResultError, Status } from '../result.ts';
import { isAwsError, toAdapterError } from './aws-errors.ts';

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
} as const;

/** CreateTable input for TABLE_SCHEMA (on-demand billing), for the local stack and tests. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, byKeyIndex, inFlightIndex } = TABLE_SCHEMA;
  const keys = [partitionKey, sortKey, byKeyIndex.partitionKey, byKeyIndex.sortKey];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keys, inFlightIndex.partitionKey, inFlightIndex.sortKey].map((key) => ({
      AttributeName: key.name,
      AttributeType: key.type,
    })),
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' },
      { AttributeName: sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: byKeyIndex.indexName,
        KeySchema: [
          { AttributeName: byKeyIndex.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: byKeyIndex.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: byKeyIndex.projectionType },
      },
      inFlightIndexInput(),
    ],
  };
}

/** The in-flight index as CreateTable and UpdateTable (adding it to a table made before it) take it. */
export function inFlightIndexInput() {
  const { indexName, partitionKey, sortKey, projectionType, nonKeyAttributes } = TABLE_SCHEMA.inFlightIndex;
  return {
    IndexName: indexName,
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: sortKey.name, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: projectionType, NonKeyAttributes: [...nonKeyAttributes] },
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
}

/** A Result still waiting to end, as the sweeper sees it. */
export interface InFlight {
  readonly id: string;
  readonly status: 'PENDING' | 'PROCESSING';
  /** When it entered that status (ISO time). */
  readonly since: string;
}

export interface EntityHit {
  readonly id: string;
  readonly name: string;
  readonly count: number;
}

/** DynamoDB caps an item at 400 KB; keep a margin for attribute names and overhead. */
export const MAX_INLINE_ITEM_BYTES = 350_000;
const BATCH_WRITE_LIMIT = 25;
const BATCH_WRITE_ATTEMPTS = 5;
const BATCH_WRITE_BACKOFF_MS = 50;
const LIST_LIMIT = 50;
/** Stuck Results failed per sweep; the rest are failed on the next sweeps. */
const IN_FLIGHT_LIMIT = 500;
const RESULT_SK = 'RESULT';
const STORAGE_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'textKey',
  'resultKey',
  'pageKey',
] as const;
/** Only the most salient entities go into the entity index; a long document can name thousands. */
export const MAX_INDEXED_ENTITIES = 100;

/** DynamoDB refuses a partition key over 2,048 bytes (ValidationException, which no retry can fix). */
const MAX_PARTITION_KEY_BYTES = 2_048;

const articlePk = (id: string) => `ARTICLE#${id}`;
const keyPartition = (bucket: string, key: string) => `KEY#${bucket}/${key}`;
const entityPk = (type: EntityType, name: string) => `ENTITY#${type}#${name.toLowerCase()}`;

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

function fromItem(item: Record<string, unknown>): StoredArticle {
  const fields = { ...item };
  for (const name of STORAGE_ATTRIBUTES) delete fields[name];
  const textKey = typeof item.textKey === 'string' ? item.textKey : undefined;
  const resultKey = typeof item.resultKey === 'string' ? item.resultKey : undefined;
  const pageKey = typeof item.pageKey === 'string' ? item.pageKey : undefined;
  return {
    result: fields as unknown as StoredArticle['result'],
    ...(textKey === undefined ? {} : { textKey }),
    ...(resultKey === undefined ? {} : { resultKey }),
    ...(pageKey === undefined ? {} : { pageKey }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Results and the entity index in the single table (see TABLE_SCHEMA). */
export function createArticleStore(ddb: DynamoDBDocumentClient, tableName: string) {
  async function send<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toAdapterError(error, `${operation} on table ${tableName}`);
    }
  }

  /** Writes the Result unless the stored status forbids it (see REPLACEABLE); false when it was refused. */
  async function put(result: Result, placement: Placement, offload: Offload = {}): Promise<boolean> {
    const item = toItem(result, placement, offload);
    try {
      await ddb.send(new PutCommand({ TableName: tableName, Item: item, ...conditionFor(result) }));
      return true;
    } catch (error) {
      if (isAwsError(error, 'ConditionalCheckFailedException')) return false;
      throw toAdapterError(error, `PutItem ${result.status} ${result.id} on table ${tableName}`);
    }
  }

  async function batchWrite(items: readonly Record<string, unknown>[]): Promise<void> {
    for (let start = 0; start < items.length; start += BATCH_WRITE_LIMIT) {
      let requests = items.slice(start, start + BATCH_WRITE_LIMIT).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 1; requests.length > 0; attempt += 1) {
        if (attempt > BATCH_WRITE_ATTEMPTS) {
          throw new DependencyError(
            `BatchWriteItem left ${requests.length} items unprocessed on table ${tableName}`,
          );
        }
        if (attempt > 1) await sleep(BATCH_WRITE_BACKOFF_MS * 2 ** (attempt - 2));
        const output = await send('BatchWriteItem', () =>
          ddb.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } })),
        );
        requests = (output.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }
  }

  return {
    /** A new article accepted by the API. False when processing already wrote the item first. */
    putPending: (result: Result, placement: Placement) => put(result, placement),
    /** False when a terminal Result already exists for this id: the caller skips the work. */
    markProcessing: (result: Result, placement: Placement) => put(result, placement),
    /** Writes a DONE or FAILED Result. False when a terminal Result forbids it (a duplicate). */
    saveResult: (result: Result, placement: Placement, offload: Offload = {}) =>
      put(result, placement, offload),

    get: async (id: string): Promise<StoredArticle | undefined> => {
      const output = await send(`GetItem ${id}`, () =>
        ddb.send(new GetCommand({ TableName: tableName, Key: { pk: articlePk(id), sk: RESULT_SK } })),
      );
      return output.Item === undefined ? undefined : fromItem(output.Item);
    },

    /** The Results for the object at this key, newest upload first. */
    listByKey: async (bucket: string, key: string): Promise<StoredArticle[]> => {
      const output = await send(`Query ${TABLE_SCHEMA.byKeyIndex.indexName}`, () =>
        ddb.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: TABLE_SCHEMA.byKeyIndex.indexName,
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': keyPartition(bucket, key) },
            ScanIndexForward: false,
            Limit: LIST_LIMIT,
          }),
        ),
      );
      return (output.Items ?? []).map(fromItem);
    },

    /** One index item per distinct salient entity of a DONE Result, so articles can be found by entity. */
    indexEntities: async (result: Result): Promise<void> => {
      const salient = [...result.facts.entities]
        .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0))
        .slice(0, MAX_INDEXED_ENTITIES);
      const byPk = new Map<
        string,
        { pk: string; sk: string; id: string; type: EntityType; name: string; count: number }
      >();
      for (const entity of salient) {
        const pk = entityPk(entity.type, entity.name);
        // A "name" of thousands of characters is no entity anyone looks up; it stays in the Result only.
        if (Buffer.byteLength(pk) > MAX_PARTITION_KEY_BYTES) continue;
        const count = (byPk.get(pk)?.count ?? 0) + (entity.count ?? entity.mentions.length);
        byPk.set(pk, {
          pk,
          sk: articlePk(result.id),
          id: result.id,
          type: entity.type,
          name: entity.name,
          count,
        });
      }
      await batchWrite([...byPk.values()]);
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
      try {
        await ddb.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: articlePk(id), sk: RESULT_SK },
            UpdateExpression:
              'SET #status = :failed, #error = :error, processedAt = :at REMOVE gsi2pk, gsi2sk',
            ConditionExpression: `#status IN (:pending, :processing)${options.since === undefined ? '' : ' AND processedAt = :since'}`,
            ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (caught) {
        if (isAwsError(caught, 'ConditionalCheckFailedException')) return false;
        throw toAdapterError(caught, `UpdateItem FAILED ${id} on table ${tableName}`);
      }
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

    listByEntity: async (type: EntityType, name: string): Promise<EntityHit[]> => {
      const output = await send('Query entity', () =>
        ddb.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': entityPk(type, name) },
            Limit: LIST_LIMIT,
          }),
        ),
      );
      return (output.Items ?? []).map((item) => ({
        id: String(item.id),
        name: String(item.name),
        count: Number(item.count),
      }));
    },
  };
}

export type ArticleStore = ReturnType<typeof createArticleStore>;
