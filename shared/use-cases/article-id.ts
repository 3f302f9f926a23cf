import { createHash, randomUUID } from 'node:crypto';
import { INCOMING_PREFIX, PROCESSED_PREFIX } from '../config.ts';
import { articleIdSchema } from '../events/article-id-schema.ts';
import { eventVersion, type S3ObjectRef } from '../events/s3-event.ts';

const ID_LENGTH = 26;
/** S3 user metadata set by POST /articles so the process handler keeps the id the API answered with. */
export const ARTICLE_ID_METADATA = 'article-id';
export const SOURCE_URL_METADATA = 'source-url';
/** The summary length asked for with POST /articles?sentences=N&words=W, in digits. */
export const SUMMARY_SENTENCES_METADATA = 'summary-sentences';
export const SUMMARY_WORDS_METADATA = 'summary-words';

/** Where processing keeps an article's cleaned text, Result JSON (when large) and viewer page. */
export const processedKeys = (id: string) => ({
  textKey: `${PROCESSED_PREFIX}${id}.txt`,
  resultKey: `${PROCESSED_PREFIX}${id}.json`,
  pageKey: `${PROCESSED_PREFIX}${id}.html`,
});

export interface ObjectVersion {
  readonly bucket: string;
  readonly key: string;
  /** The version id, else the ETag, else the event's sequencer: whatever names this content. */
  readonly version: string;
}

/** Same object version, same id: a duplicated event overwrites its own Result instead of adding one. */
export function objectArticleId({ bucket, key, version }: ObjectVersion): string {
  return createHash('sha256').update(`${bucket}\n${key}\n${version}`).digest('hex').slice(0, ID_LENGTH);
}

/**
 * The id an upload carries in its metadata, when the object is the one POST /articles stored under that id
 * (incoming/<id>.<ext>); else the id derived from the version. S3 copies user metadata with an object, so a
 * copy to another key would otherwise pass for a duplicate of the submitted article and never get a Result.
 */
export function articleIdFor(object: ObjectVersion, metadata: Readonly<Record<string, string>>): string {
  const given = articleIdSchema.safeParse(metadata[ARTICLE_ID_METADATA]);
  const submitted = given.success && object.key.startsWith(`${INCOMING_PREFIX}${given.data}.`);
  return submitted ? given.data : objectArticleId(object);
}

export const newArticleId = (): string => randomUUID();

/** The id POST /articles gave an object, read from its key (incoming/<id>.<ext>), if the key has that shape. */
export function submittedIdOf(key: string): string | undefined {
  if (!key.startsWith(INCOMING_PREFIX)) return undefined;
  const name = key.slice(INCOMING_PREFIX.length);
  const dot = name.indexOf('.');
  const given = articleIdSchema.safeParse(dot < 0 ? name : name.slice(0, dot));
  return given.success && dot > 0 ? given.data : undefined;
}

/**
 * The ids an event's Result may have, known without reading the object: the id POST /articles put in the
 * key, and the id of the event's object version. The dead-letter consumer fails whichever is in flight.
 */
export function candidateArticleIds(ref: S3ObjectRef): string[] {
  const submitted = submittedIdOf(ref.key);
  const derived = objectArticleId({ bucket: ref.bucket, key: ref.key, version: eventVersion(ref) });
  return submitted === undefined ? [derived] : [submitted, derived];
}

/** Sequencers are hex strings compared after padding to equal length. */
const SEQUENCER_WIDTH = 32;

/** Orders uploads to one key: event time, then S3's sequencer for uploads within the same millisecond. */
export function uploadOrder(ref: Pick<S3ObjectRef, 'eventTime' | 'sequencer'>): string {
  return `${ref.eventTime}#${(ref.sequencer ?? '').padStart(SEQUENCER_WIDTH, '0')}`;
}
