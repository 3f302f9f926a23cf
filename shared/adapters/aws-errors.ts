import { DependencyError, NotFoundError } from '../errors.ts';

const NOT_FOUND_NAMES = new Set(['NoSuchKey', 'NotFound', 'NoSuchVersion', 'ResourceNotFoundException']);

interface AwsErrorShape {
  readonly name?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

export function isAwsError(error: unknown, name: string): boolean {
  return (error as AwsErrorShape | undefined)?.name === name;
}

/**
 * Translates an AWS SDK failure into our vocabulary: a missing object is NotFoundError, anything else
 * (throttling after the SDK's own retries, network faults, 5xx) is DependencyError, which the boundary
 * retries. `operation` names what we were doing, for the log.
 */
export function toAdapterError(error: unknown, operation: string): Error {
  const shape = (error ?? {}) as AwsErrorShape;
  const message = `${operation} failed: ${shape.name ?? 'Error'}: ${shape.message ?? String(error)}`;
  if (NOT_FOUND_NAMES.has(shape.name ?? '') || shape.$metadata?.httpStatusCode === 404) {
    return new NotFoundError(message, { cause: error });
  }
  return new DependencyError(message, { cause: error });
}
