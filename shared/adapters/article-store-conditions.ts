import type { ErrorCode, Result, Status } from '../result.ts';

/** Which writes of a Result may replace which: the conditions every Result write carries. */

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

export function conditionFor(result: Pick<Result, 'status' | 'pipelineVersion'>) {
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
