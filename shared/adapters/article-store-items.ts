import { RejectedError } from '../errors.ts';
import type { Result, Status } from '../result.ts';
import {
  articlePk,
  IN_FLIGHT_MARKER,
  keyPartition,
  listMonth,
  listShard,
  RESULT_SK,
  statusPartition,
  timePartition,
} from './article-store-keys.ts';

/**
 * A Result as a DynamoDB item and back: its keys and list index keys, sized to fit DynamoDB's 400 KB (the
 * text, then the audit, then the facts left to S3), and what the store reads back.
 */

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

/** DynamoDB caps an item at 400 KB; keep a margin for attribute names and overhead. */
export const MAX_INLINE_ITEM_BYTES = 350_000;
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

const IN_FLIGHT: readonly Status[] = ['PENDING', 'PROCESSING'];

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

export function fromItem(item: Record<string, unknown>): StoredArticle {
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
