import type { ArticleBucket, ObjectHead } from '../adapters/article-bucket.ts';
import {
  type ArticleStore,
  needsResultInS3,
  type Offload,
  type Placement,
} from '../adapters/article-store.ts';
import { INCOMING_PREFIX } from '../config.ts';
import { InputError, NotFoundError, RejectedError } from '../errors.ts';
import { type ArticleEvent, articleEventOf } from '../events/article-events.ts';
import { eventVersion, type S3ObjectRef } from '../events/s3-event.ts';
import { historyAfter, withHistory } from '../limits/bound-result.ts';
import { failedResult, processArticle } from '../process-article.ts';
import type { ErrorCode, Result, Source } from '../result.ts';
import { PIPELINE_VERSION } from '../result-values.ts';
import {
  isLengthGiven,
  type SummaryLength,
  summaryLength,
  summarySentencesTextSchema,
  summaryWordsTextSchema,
} from '../summarise/summary-length.ts';
import { renderResultPage } from '../viewer/render-page.ts';
import {
  articleIdFor,
  candidateArticleIds,
  objectArticleId,
  processedKeys,
  SOURCE_URL_METADATA,
  SUMMARY_SENTENCES_METADATA,
  SUMMARY_WORDS_METADATA,
  uploadOrder,
} from './article-id.ts';
import { placeholderResult } from './placeholder-result.ts';
import { isOverAnswerLimit } from './read-article.ts';

const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** Where processing reports what it ignored; the handler passes its structured logger. */
export interface WarningLogger {
  warn(message: string, attributes: Record<string, unknown>): void;
}

export interface ProcessObjectDeps {
  readonly bucket: ArticleBucket;
  readonly store: ArticleStore;
  readonly logger: WarningLogger;
  readonly maxInputBytes: number;
  /**
   * Summary length in sentences (SUMMARY_SENTENCES) and words (SUMMARY_WORDS); an upload's own
   * `summary-sentences` or `summary-words` metadata replaces both. Undefined lets the summariser choose.
   */
  readonly sentences?: number;
  readonly words?: number;
  readonly now?: () => Date;
  /** Where ArticleProcessed and ArticleFailed are announced once a terminal Result is stored. */
  readonly events?: { publish(event: ArticleEvent): Promise<void> };
}

export type ProcessOutcome =
  | { readonly kind: 'ignored'; readonly reason: string }
  /** A terminal Result for this id already exists: a duplicated or re-ordered event. */
  | { readonly kind: 'duplicate'; readonly id: string }
  | {
      readonly kind: 'stored';
      readonly id: string;
      readonly status: 'DONE' | 'FAILED';
      readonly code?: ErrorCode;
    };

/**
 * One upload (one object version) to one stored Result: head that version (refusing oversized objects before
 * downloading), read it, run the core, write the cleaned text to processed/<id>.txt and the Result to the
 * table. Unusable input becomes a FAILED Result. An event naming a version that does not exist (a forged or
 * replayed notification, or an unversioned object overwritten before it was read) is ignored and logged,
 * unless a Result waits for it (POST /articles made it PENDING): that one becomes FAILED NOT_FOUND.
 * Dependency failures propagate for the boundary to retry.
 */
export async function processObject(ref: S3ObjectRef, deps: ProcessObjectDeps): Promise<ProcessOutcome> {
  if (ref.bucket !== deps.bucket.name) {
    return { kind: 'ignored', reason: `bucket ${ref.bucket} is not ${deps.bucket.name}` };
  }
  if (!ref.key.startsWith(INCOMING_PREFIX)) {
    return { kind: 'ignored', reason: `key is outside ${INCOMING_PREFIX}` };
  }
  if (ref.key.endsWith('/')) return { kind: 'ignored', reason: 'key is a folder marker' };
  const now = deps.now ?? (() => new Date());
  const placement: Placement = { bucket: ref.bucket, key: ref.key, order: uploadOrder(ref) };

  const head = await findVersion(deps.bucket, ref);
  if (head instanceof NotFoundError) return missingVersion(ref, head, deps);
  if (head instanceof RejectedError) {
    const id = objectArticleId({ bucket: ref.bucket, key: ref.key, version: eventVersion(ref) });
    // Not claimed (no PROCESSING write went first): the index is left to whichever run owns the Result.
    return store(failedResult(baseOf(id, sourceOf(ref), now), head), placement, {}, deps);
  }

  // A backfill lists objects without their version id; HEAD tells it, so the Result keeps the upload's id.
  const version = ref.versionId ?? head.versionId ?? eventVersion(ref);
  const id = articleIdFor({ bucket: ref.bucket, key: ref.key, version }, head.metadata);
  const source = sourceOf(ref, head);
  const claimed = await deps.store.markProcessing(
    placeholderResult(id, 'PROCESSING', source, now()),
    placement,
  );
  if (claimed === false) return { kind: 'duplicate', id };
  // The order the Result was first filed under, not this notification's event time.
  const filed = claimed.placement;
  // A reprocess or a backfill replaces an ended Result: the new one remembers the runs before it.
  const history = historyAfter(claimed.previous);
  const previous =
    claimed.previous === undefined
      ? undefined
      : {
          result: claimed.previous,
          ...(claimed.previousOrder === undefined ? {} : { order: claimed.previousOrder }),
        };
  const result = withHistory(await analyse(ref, head, baseOf(id, source, now), deps), history);
  return save(result, filed, deps, previous);
}

/**
 * HEAD of the version the event names: its version id, else the object whose ETag is the event's (an
 * unversioned key overwritten since holds someone else's upload). NotFoundError when that version is gone.
 */
export async function findVersion(
  bucket: ArticleBucket,
  ref: S3ObjectRef,
): Promise<ObjectHead | NotFoundError | RejectedError> {
  try {
    const head = await bucket.head(ref.key, ref.versionId);
    if (ref.versionId !== undefined || ref.etag === undefined || head.etag === ref.etag) return head;
    return new NotFoundError(`Object ${ref.key} now has ETag ${head.etag}, not the event's ${ref.etag}`);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof RejectedError) return error;
    throw error;
  }
}

/** No such version: FAILED NOT_FOUND for a Result that waits for it, else ignored and logged. */
async function missingVersion(
  ref: S3ObjectRef,
  cause: NotFoundError,
  deps: ProcessObjectDeps,
): Promise<ProcessOutcome> {
  const error = { code: 'NOT_FOUND' as const, message: `Object ${ref.key} (this version) no longer exists` };
  const at = (deps.now ?? (() => new Date()))();
  for (const id of candidateArticleIds(ref)) {
    if (await deps.store.failInFlight(id, error, { at }))
      return { kind: 'stored', id, status: 'FAILED', code: 'NOT_FOUND' };
  }
  deps.logger.warn('Ignoring an event for an object version that does not exist', {
    bucket: ref.bucket,
    key: ref.key,
    versionId: ref.versionId,
    etag: ref.etag,
    sequencer: ref.sequencer,
    reason: cause.message,
  });
  return { kind: 'ignored', reason: 'the object version does not exist' };
}

const missing = (ref: S3ObjectRef, cause: NotFoundError) =>
  new InputError('NOT_FOUND', `Object ${ref.key} (this version) no longer exists`, { cause });

export function sourceOf(ref: S3ObjectRef, head?: ObjectHead): Source {
  return {
    bucket: ref.bucket,
    key: ref.key,
    versionId: head?.versionId ?? ref.versionId,
    etag: head?.etag ?? ref.etag,
    contentType: head?.contentType,
    bytes: head?.bytes ?? ref.size ?? 0,
  };
}

function baseOf(id: string, source: Source, now: () => Date) {
  return { id, source, pipelineVersion: PIPELINE_VERSION, processedAt: now().toISOString() };
}

async function analyse(
  ref: S3ObjectRef,
  head: ObjectHead,
  base: ReturnType<typeof baseOf>,
  deps: ProcessObjectDeps,
): Promise<Result> {
  if (head.bytes > deps.maxInputBytes) {
    const tooLarge = `Object is ${head.bytes} bytes; the limit is ${deps.maxInputBytes} bytes`;
    return failedResult(base, new InputError('TOO_LARGE', tooLarge));
  }
  let bytes: Uint8Array;
  try {
    bytes = await deps.bucket.read(ref.key, {
      versionId: ref.versionId,
      ifMatch: ref.versionId ? undefined : ref.etag,
    });
  } catch (error) {
    if (error instanceof NotFoundError) return failedResult(base, missing(ref, error));
    if (error instanceof RejectedError) return failedResult(base, error);
    throw error;
  }
  const url = head.metadata[SOURCE_URL_METADATA];
  const requested = requestedLength(ref, head, deps.logger);
  const length = isLengthGiven(requested) ? requested : summaryLength(deps.sentences, deps.words);
  const language = head.contentLanguage;
  const input = {
    id: base.id,
    bytes,
    source: base.source,
    ...(url === undefined ? {} : { url }),
    ...(language === undefined ? {} : { language }),
  };
  try {
    return processArticle(input, { ...length, maxInputBytes: deps.maxInputBytes, now: deps.now });
  } catch (error) {
    return crashed(base, error, deps.logger);
  }
}

/**
 * processArticle turns unusable input into a FAILED Result itself; anything it throws is a bug. It does no
 * I/O, so it would throw again on every redelivery and the record would end in the DLQ with its Result stuck
 * at PROCESSING: the bug is recorded as a FAILED INTERNAL Result instead, and logged. (An out-of-memory
 * crash or a timeout cannot be caught; those are still redelivered.)
 */
function crashed(base: ReturnType<typeof baseOf>, error: unknown, logger: WarningLogger): Result {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  logger.warn('The pipeline crashed; storing a FAILED INTERNAL Result', {
    id: base.id,
    source: base.source,
    error,
  });
  return failedResult(base, new InputError('INTERNAL', `The pipeline crashed: ${reason}`, { cause: error }));
}

/**
 * The summary length the upload asks for in its metadata (POST /articles?sentences=N&words=W). Anyone with
 * access to the bucket can upload, so a value the API would refuse is logged and ignored.
 */
function requestedLength(ref: S3ObjectRef, head: ObjectHead, logger: WarningLogger): SummaryLength {
  const read = (name: string, schema: typeof summarySentencesTextSchema): number | undefined => {
    const value = head.metadata[name];
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    logger.warn('Ignoring invalid summary length in object metadata', {
      bucket: ref.bucket,
      key: ref.key,
      [name]: value,
    });
    return undefined;
  };
  return summaryLength(
    read(SUMMARY_SENTENCES_METADATA, summarySentencesTextSchema),
    read(SUMMARY_WORDS_METADATA, summaryWordsTextSchema),
  );
}

/**
 * Announces a stored terminal Result on the event bus. The Result is the record: an event that cannot be
 * sent is logged, not retried (a redelivery would find the Result stored and send nothing either).
 */
async function announce(result: Result, deps: ProcessObjectDeps): Promise<void> {
  const event = articleEventOf(result);
  if (event === undefined || deps.events === undefined) return;
  try {
    await deps.events.publish(event);
  } catch (error) {
    deps.logger.warn('Could not announce a stored Result on the event bus', {
      id: result.id,
      detailType: event.detailType,
      error,
    });
  }
}

/** The Result a run replaces, for the entity index: its entries that the new Result no longer has go. */
type Previous = Parameters<ArticleStore['indexEntities']>[2];

/**
 * S3 first (the text, and the Result without its text when it is too large for an item), then the entity
 * index, then the item: a terminal Result is only ever stored once its index is complete (its entities filed,
 * and those an earlier run filed that it no longer has removed; a FAILED Result has none), so a redelivery
 * after a failed index write finds the Result still PROCESSING and repairs the index. A dependency that
 * refuses the Result for good (RejectedError: an item DynamoDB will not take, a 4xx) makes it FAILED with that
 * code, and what was written to processed/ for it is removed.
 */
async function save(
  result: Result,
  placement: Placement,
  deps: ProcessObjectDeps,
  previous?: Previous,
): Promise<ProcessOutcome> {
  if (result.status !== 'DONE') {
    await deps.store.indexEntities(result, placement, previous);
    return store(result, placement, {}, deps);
  }
  try {
    const offload = await offloadToS3(result, deps.bucket);
    await deps.store.indexEntities(result, placement, previous);
    return await store(result, placement, offload, deps);
  } catch (error) {
    if (!(error instanceof RejectedError)) throw error;
    deps.logger.warn('A dependency refused the Result for good; storing it as FAILED', {
      id: result.id,
      source: result.source,
      error,
    });
    await removeProcessed(result.id, deps.bucket);
    const failed = withHistory(failedResult(result, error), result.history ?? []);
    await deps.store.indexEntities(failed, placement, previous);
    return store(failed, placement, {}, deps);
  }
}

async function store(
  result: Result,
  placement: Placement,
  offload: Offload,
  deps: ProcessObjectDeps,
): Promise<ProcessOutcome> {
  if (!(await deps.store.saveResult(result, placement, offload))) return { kind: 'duplicate', id: result.id };
  await announce(result, deps);
  const status = result.status === 'DONE' ? 'DONE' : 'FAILED';
  return { kind: 'stored', id: result.id, status, ...(result.error ? { code: result.error.code } : {}) };
}

/**
 * What processing writes under processed/ for an article: its cleaned text, its viewer page and, when large,
 * its Result.
 */
export { processedKeys };

/** Removes what an article that ended FAILED left under processed/. */
export async function removeProcessed(id: string, bucket: ArticleBucket): Promise<void> {
  const { textKey, resultKey, pageKey } = processedKeys(id);
  await Promise.all([bucket.delete(textKey), bucket.delete(resultKey), bucket.delete(pageKey)]);
}

/**
 * The text goes to processed/<id>.txt and the viewer page to processed/<id>.html (served by presigned link);
 * the Result, when too large for an item, to processed/<id>.json without its text.
 */
async function offloadToS3(result: Result, bucket: ArticleBucket): Promise<Offload> {
  const { textKey, resultKey, pageKey } = processedKeys(result.id);
  await bucket.writeText(textKey, result.text);
  await bucket.put(pageKey, renderResultPage(result), { contentType: HTML_CONTENT_TYPE });
  // Kept whole in S3 too when the API would answer it with its summary view: the view links to it.
  if (!needsResultInS3(result) && !isOverAnswerLimit(result)) return { textKey, pageKey };
  const { text: _inTextKey, ...withoutText } = result;
  await bucket.writeText(resultKey, JSON.stringify(withoutText));
  return { textKey, resultKey, pageKey };
}
