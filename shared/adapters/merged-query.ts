import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';

/**
 * Paging over several partitions as one list: each partition is queried in sort-key order and the pages are
 * merged, so a list can be spread over shards (no hot partition) and still be read in one order. Where each
 * partition stands travels in an opaque cursor (see cursor.ts), so every item is handed out exactly once.
 */

export type ItemKey = Readonly<Record<string, string>>;

/** Where one partition's reading stands: not started, after this item key, or read to the end. */
export type Position = ItemKey | 'start' | 'done';

export interface PartitionedQuery {
  readonly tableName: string;
  readonly indexName?: string;
  readonly partitionKeyName: string;
  readonly sortKeyName: string;
  /** The table's own key attributes (an index's ExclusiveStartKey needs them as well as the index's). */
  readonly tableKeyNames: readonly string[];
  readonly partitions: readonly string[];
  readonly descending: boolean;
  /** Only sort keys that begin with this. */
  readonly sortKeyPrefix?: string;
}

export interface MergedPage {
  readonly items: Record<string, unknown>[];
  /** One per partition, in the order of `partitions`. */
  readonly positions: Position[];
  readonly exhausted: boolean;
}

export type RunQuery = (command: QueryCommand) => Promise<QueryCommandOutput>;

const utf8Compare = (a: unknown, b: unknown) =>
  Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));

function keyOf(item: Record<string, unknown>, query: PartitionedQuery): ItemKey {
  const names = [...query.tableKeyNames, query.partitionKeyName, query.sortKeyName];
  return Object.fromEntries(names.map((name) => [name, String(item[name])]));
}

/** The next `limit` items of the merged partitions after `positions` (all 'start' when undefined). */
export async function queryMerged(
  run: RunQuery,
  query: PartitionedQuery,
  limit: number,
  positions: readonly Position[] = query.partitions.map(() => 'start'),
): Promise<MergedPage> {
  const prefix = query.sortKeyPrefix;
  const pages = await Promise.all(
    query.partitions.map(async (partition, index) => {
      const position = positions[index] ?? 'start';
      if (position === 'done') return { items: [], lastKey: undefined };
      const output = await run(
        new QueryCommand({
          TableName: query.tableName,
          IndexName: query.indexName,
          KeyConditionExpression:
            prefix === undefined ? '#pk = :pk' : '#pk = :pk AND begins_with(#sk, :prefix)',
          ExpressionAttributeNames: {
            '#pk': query.partitionKeyName,
            ...(prefix === undefined ? {} : { '#sk': query.sortKeyName }),
          },
          ExpressionAttributeValues: {
            ':pk': partition,
            ...(prefix === undefined ? {} : { ':prefix': prefix }),
          },
          ScanIndexForward: !query.descending,
          Limit: limit,
          ...(position === 'start'
            ? {}
            : { ExclusiveStartKey: { ...position, [query.partitionKeyName]: partition } }),
        }),
      );
      return { items: output.Items ?? [], lastKey: output.LastEvaluatedKey };
    }),
  );
  const direction = query.descending ? -1 : 1;
  const merged = pages
    .flatMap((page, index) => page.items.map((item) => ({ index, item })))
    .sort((a, b) => direction * utf8Compare(a.item[query.sortKeyName], b.item[query.sortKeyName]))
    .slice(0, limit);
  const next = pages.map((page, index): Position => {
    const previous = positions[index] ?? 'start';
    if (previous === 'done') return 'done';
    const taken = merged.filter((entry) => entry.index === index);
    if (taken.length === page.items.length) {
      // Everything this partition returned was handed out: go on after DynamoDB's last key, or stop.
      return page.lastKey === undefined ? 'done' : withoutPartition(page.lastKey, query);
    }
    const last = taken.at(-1);
    return last === undefined ? previous : withoutPartition(keyOf(last.item, query), query);
  });
  return {
    items: merged.map((entry) => entry.item),
    positions: next,
    exhausted: next.every((p) => p === 'done'),
  };
}

/** The partition is known from the query, so cursors leave it out (entity names can be long). */
function withoutPartition(key: Record<string, unknown>, query: PartitionedQuery): ItemKey {
  return Object.fromEntries(
    Object.entries(key)
      .filter(([name]) => name !== query.partitionKeyName)
      .map(([name, value]) => [name, String(value)]),
  );
}
