import {
  type AttributeValue,
  DeleteItemCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';

/**
 * Crash recovery for dynalite's secondary indexes.
 *
 * dynalite writes an item's index entries first and the item itself second, as two LevelDB writes. A stack
 * killed between the two (SIGKILL, power loss) leaves an index entry that no item backs: a Result listed by
 * key or by time with a status it never had, seen as a second copy next to the real one. DynamoDB cannot
 * end up this way, so after a crash the local stack removes such entries before it serves anything.
 *
 * An entry is removed through the API, the only way in: writing the entry as the item makes dynalite move
 * the item's index entries to the entry's keys, and writing the real item back (or deleting it, when there
 * is none) moves them back and drops the entry's.
 */

type Item = Record<string, AttributeValue>;

export interface RepairReport {
  readonly table: string;
  readonly entriesChecked: number;
  readonly orphansRemoved: number;
}

const same = (a: AttributeValue | undefined, b: AttributeValue | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

async function* scanIndex(dynamodb: DynamoDBClient, table: string, index: string): AsyncGenerator<Item> {
  let start: Item | undefined;
  do {
    const page = await dynamodb.send(
      new ScanCommand({ TableName: table, IndexName: index, ExclusiveStartKey: start }),
    );
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
}

/** Removes the index entries of `table` that its items do not back; run before the stack takes requests. */
export async function repairIndexes(dynamodb: DynamoDBClient, table: string): Promise<RepairReport> {
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: table }));
  const tableKeys = (Table?.KeySchema ?? []).map((key) => key.AttributeName as string);
  let entriesChecked = 0;
  let orphansRemoved = 0;
  for (const index of Table?.GlobalSecondaryIndexes ?? []) {
    const indexKeys = (index.KeySchema ?? []).map((key) => key.AttributeName as string);
    const orphans: Item[] = [];
    for await (const entry of scanIndex(dynamodb, table, index.IndexName as string)) {
      entriesChecked += 1;
      const key = Object.fromEntries(tableKeys.map((name) => [name, entry[name] as AttributeValue]));
      const { Item: item } = await dynamodb.send(
        new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }),
      );
      if (item === undefined || indexKeys.some((name) => !same(item[name], entry[name]))) orphans.push(entry);
    }
    for (const entry of orphans) {
      const key = Object.fromEntries(tableKeys.map((name) => [name, entry[name] as AttributeValue]));
      const { Item: item } = await dynamodb.send(
        new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }),
      );
      await dynamodb.send(new PutItemCommand({ TableName: table, Item: entry }));
      if (item === undefined) await dynamodb.send(new DeleteItemCommand({ TableName: table, Key: key }));
      else await dynamodb.send(new PutItemCommand({ TableName: table, Item: item }));
      orphansRemoved += 1;
    }
  }
  return { table, entriesChecked, orphansRemoved };
}
