import { createHash } from 'node:crypto';
import type { ArticleSummary, Result, Status } from '../result.ts';
import { SUMMARY_ATTRIBUTES } from './article-store-table.ts';

/**
 * The keys of the article table's items: a Result's own key, its list partitions (by key, by month and
 * shard, by status) and the in-flight marker, and the summary a list item shows.
 */

/** The sort key of a Result item. */
export const RESULT_SK = 'RESULT';
/** The sparse in-flight index's one partition: PENDING and PROCESSING Results. */
export const IN_FLIGHT_MARKER = 'INFLIGHT';

/** Partitions per month of the time lists: writes spread over four, readers merge them. */
export const LIST_SHARDS = 4;
/** No article is older than this month (precis did not exist before): time lists stop here. */
export const LIST_EPOCH_MONTH = '2024-01';
/** Empty months one list page may step over before it answers with a cursor to go on. */
export const MAX_MONTHS_PER_PAGE = 12;

const MONTH = /^\d{4}-\d{2}/;
/** The month an upload is listed under: that of its upload order (an ISO time), else of its Result. */
export const listMonth = (order: string, result: Result) =>
  (MONTH.test(order) ? order : result.processedAt).slice(0, 7);
export const listShard = (id: string) => createHash('sha256').update(id).digest().readUInt8(0) % LIST_SHARDS;
export const TIME_PARTITION_PREFIX = 'ARTICLES#';
export const timePartition = (month: string, shard: number) => `${TIME_PARTITION_PREFIX}${month}#${shard}`;
export const statusPartition = (status: Status, month: string, shard: number) =>
  `STATUS#${status}#${month}#${shard}`;
/** The status list partition that goes with a time list partition. */
export const statusListOf = (status: Status, timeKey: string) =>
  `STATUS#${status}#${timeKey.slice(TIME_PARTITION_PREFIX.length)}`;

export function previousMonth(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** The month to start a time list from: that of tomorrow, so an upload stamped by a clock a little ahead shows. */
export const startMonth = (now: Date) => new Date(now.getTime() + 86_400_000).toISOString().slice(0, 7);

export const articlePk = (id: string) => `ARTICLE#${id}`;
export const keyPartition = (bucket: string, key: string) => `KEY#${bucket}/${key}`;

/** A list item: the summary attributes of a Result item (index items carry their keys too). */
export function toSummary(item: Record<string, unknown>): ArticleSummary {
  const summary = Object.fromEntries(
    SUMMARY_ATTRIBUTES.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]),
  );
  return summary as ArticleSummary;
}
