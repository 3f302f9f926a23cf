import type { ErrorCode } from './result.ts';

/**
 * The input itself is unusable (empty, binary, too large, malformed). Permanent: retrying cannot help,
 * so the boundary records a FAILED Result (or answers 4xx) instead of retrying.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A thing asked for does not exist (an article id, an object key). The API answers 404. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/**
 * A dependency failed in a way that may pass (throttling, a network fault, a 5xx). The boundary retries:
 * the SQS record is reported as failed and redelivered, then dead-lettered.
 */
export class DependencyError extends Error {
  override readonly name = 'DependencyError';
}
