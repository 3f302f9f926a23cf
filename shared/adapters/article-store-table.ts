import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { ArticleSummary } from '../result.ts';

/**
 * What list answers show of a Result (the keys of result.ts's articleSummarySchema, in its order: a test holds
 * them equal); the list indexes project only these attributes. Written out, not read from the schema, so the
 * process function's bundle, which writes these attributes, does not evaluate the Result's schemas.
 */
export const SUMMARY_ATTRIBUTES: readonly (keyof ArticleSummary)[] = [
  'id',
  'status',
  'source',
  'title',
  'headline',
  'sourceUrl',
  'siteName',
  'language',
  'publishedAt',
  'processedAt',
  'pipelineVersion',
  'error',
];

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
