import type { ArticleBucket } from '../adapters/article-bucket.ts';
import type { ArticleStore } from '../adapters/article-store.ts';
import type { DeadLetter } from '../adapters/dead-letter-queue.ts';
import { InputError, NotFoundError, RejectedError } from '../errors.ts';
import { eventVersion, parseS3Notification, type S3ObjectRef } from '../events/s3-event.ts';
import { failedResult } from '../process-article.ts';
import { PIPELINE_VERSION } from '../result-values.ts';
import { articleIdFor, candidateArticleIds, uploadOrder } from './article-id.ts';
import { findVersion, removeProcessed, sourceOf, type WarningLogger } from './process-object.ts';

export interface FailDeadLettersDeps {
  readonly store: ArticleStore;
  readonly bucket: ArticleBucket;
  readonly logger: WarningLogger;
  readonly now?: () => Date;
}

/**
 * A notification in the dead-letter queue failed every delivery: each upload it names gets a FAILED Result
 * with code RETRIES_EXHAUSTED (replacing a PENDING or PROCESSING one, or created when processing never got
 * that far), and what it left in processed/ is removed, so no upload waits forever. The messages stay in the
 * queue for `precis redrive`, which reprocesses them: a RETRIES_EXHAUSTED Result may be replaced.
 * Resolves to the ids it failed.
 */
export async function failDeadLetters(
  letters: readonly DeadLetter[],
  deps: FailDeadLettersDeps,
): Promise<string[]> {
  const failed: string[] = [];
  for (const letter of letters) {
    let notification: ReturnType<typeof parseS3Notification>;
    try {
      notification = parseS3Notification(letter.body);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      deps.logger.warn('Dead letter is not an S3 event notification', { messageId: letter.messageId, error });
      continue;
    }
    if (notification.kind !== 'objects') continue;
    for (const ref of notification.objects) {
      const id = await failUpload(ref, deps);
      if (id === undefined) continue;
      deps.logger.warn('Result failed: retries exhausted', { id, key: ref.key, messageId: letter.messageId });
      failed.push(id);
    }
  }
  return failed;
}

async function failUpload(ref: S3ObjectRef, deps: FailDeadLettersDeps): Promise<string | undefined> {
  if (ref.bucket !== deps.bucket.name) return undefined;
  const now = (deps.now ?? (() => new Date()))();
  const error = {
    code: 'RETRIES_EXHAUSTED' as const,
    message: `Processing of ${ref.key} failed on every delivery; its notification is in the dead-letter queue (precis redrive)`,
  };
  const head = await findVersion(deps.bucket, ref);
  if (head instanceof NotFoundError || head instanceof RejectedError) {
    // The version cannot be read: only a Result already waiting for it is failed; none is made up.
    for (const id of candidateArticleIds(ref)) {
      if (await deps.store.failInFlight(id, error, { at: now })) return finish(id, deps);
    }
    return undefined;
  }
  const id = articleIdFor({ bucket: ref.bucket, key: ref.key, version: eventVersion(ref) }, head.metadata);
  const base = {
    id,
    source: sourceOf(ref, head),
    pipelineVersion: PIPELINE_VERSION,
    processedAt: now.toISOString(),
  };
  const placement = { bucket: ref.bucket, key: ref.key, order: uploadOrder(ref) };
  return (await deps.store.saveResult(failedResult(base, error), placement)) ? finish(id, deps) : undefined;
}

async function finish(id: string, deps: FailDeadLettersDeps): Promise<string> {
  await removeProcessed(id, deps.bucket);
  return id;
}
