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

/**
 * A dependency refused a request in a way no retry can fix: a 4xx other than throttling and 404
 * (ValidationException, an item over DynamoDB's 400 KB, a malformed request, AccessDenied). Permanent: the
 * process boundary records a FAILED Result with `code` (TOO_LARGE or REJECTED) instead of retrying into the
 * dead-letter queue; the API answers without "try again". `status` is the HTTP status AWS answered with.
 */
export class RejectedError extends Error {
  override readonly name = 'RejectedError';
  readonly code: 'TOO_LARGE' | 'REJECTED';
  readonly status: number | undefined;

  constructor(
    code: 'TOO_LARGE' | 'REJECTED',
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options);
    this.code = code;
    this.status = options?.status;
  }
}
