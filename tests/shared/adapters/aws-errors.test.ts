import { describe, expect, it } from 'vitest';
import { toAdapterError } from '#shared/adapters/aws-errors.ts';
import { DependencyError, NotFoundError, RejectedError } from '#shared/errors.ts';

/** An error shaped as the AWS SDK v3 throws it. */
function awsError(name: string, httpStatusCode: number | undefined, message = name, code?: string) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode },
    ...(code ? { code } : {}),
  });
}

describe('toAdapterError', () => {
  it.each([
    ['ThrottlingException', 400],
    ['ProvisionedThroughputExceededException', 400],
    ['RequestLimitExceeded', 400],
    ['SlowDown', 503],
    ['TooManyRequests', 429],
    ['InternalServerError', 500],
    ['ServiceUnavailable', 503],
    ['RequestTimeout', 400],
    ['RequestTimeTooSkewed', 403],
    ['TimeoutError', undefined],
  ])('classifies %s (HTTP %s) as transient, to be retried', (name, status) => {
    expect(toAdapterError(awsError(name, status), 'PutItem')).toBeInstanceOf(DependencyError);
  });

  it('classifies a network fault without an HTTP status as transient', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

    expect(toAdapterError(reset, 'GetObject')).toBeInstanceOf(DependencyError);
  });

  it.each([
    ['ValidationException', 400, 'One or more parameter values were invalid', 'REJECTED'],
    ['ValidationException', 400, 'Item size has exceeded the maximum allowed size', 'TOO_LARGE'],
    ['EntityTooLarge', 400, 'Your proposed upload exceeds the maximum allowed size', 'TOO_LARGE'],
    ['InvalidArgument', 400, 'Invalid content type', 'REJECTED'],
    ['AccessDenied', 403, 'Access Denied', 'REJECTED'],
    ['PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold', 'REJECTED'],
  ])('classifies %s (HTTP %s: %s) as permanent with code %s', (name, status, message, code) => {
    const error = toAdapterError(awsError(name, status, message), 'PutItem');

    expect(error).toBeInstanceOf(RejectedError);
    expect(error).toMatchObject({ code, status });
    expect(error.message).toContain(`PutItem failed: ${name}`);
  });

  it.each([
    ['NoSuchKey', 404],
    ['NoSuchVersion', 404],
    ['NotFound', 404],
    ['UnknownError', 404],
  ])('classifies %s (HTTP %s) as not found', (name, status) => {
    expect(toAdapterError(awsError(name, status), 'HeadObject')).toBeInstanceOf(NotFoundError);
  });
});
