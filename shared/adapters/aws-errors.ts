import { isClockSkewError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import { DependencyError, NotFoundError, RejectedError } from '../errors.ts';

const NOT_FOUND_NAMES = new Set(['NoSuchKey', 'NotFound', 'NoSuchVersion', 'ResourceNotFoundException']);
/** DynamoDB's refusal of an item over 400 KB, and S3's of a body over its limit: the input is too large. */
const TOO_LARGE = /item size has exceeded|EntityTooLarge|RequestEntityTooLarge/i;

interface AwsErrorShape {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

export function isAwsError(error: unknown, name: string): boolean {
  return (error as AwsErrorShape | undefined)?.name === name;
}

/**
 * Whether a failure may pass on its own: throttling (429, ThrottlingException, SlowDown,
 * ProvisionedThroughputExceeded), a 5xx, a network fault or timeout, a skewed clock; and, to be safe, any
 * failure that carries no HTTP status at all (the request may never have reached AWS). The SDK's own retry
 * classification (@smithy/core/retry) decides the named cases.
 */
export function isTransient(error: unknown): boolean {
  const shape = (error ?? {}) as Parameters<typeof isTransientError>[0];
  const status = shape.$metadata?.httpStatusCode;
  if (status === undefined) return true;
  return status >= 500 || isThrottlingError(shape) || isTransientError(shape) || isClockSkewError(shape);
}

/**
 * Translates an AWS SDK failure into our vocabulary, for the boundary to act on:
 * - a missing object, version or table: NotFoundError;
 * - a failure that may pass (see isTransient): DependencyError, retried;
 * - any other 4xx (ValidationException, an item over 400 KB, a malformed request, AccessDenied):
 *   RejectedError, permanent: the same request fails the same way every time, so it is never retried.
 * `operation` names what we were doing, for the log.
 */
export function toAdapterError(error: unknown, operation: string): Error {
  const shape = (error ?? {}) as AwsErrorShape;
  const name = shape.name ?? 'Error';
  const message = `${operation} failed: ${name}: ${shape.message ?? String(error)}`;
  const status = shape.$metadata?.httpStatusCode;
  if (NOT_FOUND_NAMES.has(name) || status === 404) return new NotFoundError(message, { cause: error });
  if (isTransient(error)) return new DependencyError(message, { cause: error });
  const code = TOO_LARGE.test(`${name} ${shape.message ?? ''}`) || status === 413 ? 'TOO_LARGE' : 'REJECTED';
  return new RejectedError(code, message, { cause: error, ...(status === undefined ? {} : { status }) });
}
