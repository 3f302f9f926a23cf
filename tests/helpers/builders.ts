import type { APIGatewayProxyEventV2, Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { S3ObjectRef } from '#shared/events/s3-event.ts';
import { EMPTY_FACTS, PIPELINE_VERSION, type Result } from '#shared/result.ts';

export const TEST_BUCKET = 'precis-articles-test';
export const TEST_TABLE = 'precis-articles-test';
export const FIXED_NOW = new Date('2026-01-01T00:00:00.000Z');
export const fixedNow = () => FIXED_NOW;

export interface S3RecordOptions {
  readonly bucket?: string;
  /** The key as S3 writes it into a notification: URL-encoded, '+' for a space. */
  readonly encodedKey: string;
  readonly eTag?: string;
  readonly versionId?: string;
  readonly sequencer?: string;
  readonly size?: number;
  readonly eventName?: string;
  readonly eventTime?: string;
}

export function aS3Record(options: S3RecordOptions) {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'eu-west-1',
    eventTime: options.eventTime ?? '2026-01-01T00:00:00.000Z',
    eventName: options.eventName ?? 'ObjectCreated:Put',
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'incoming',
      bucket: { name: options.bucket ?? TEST_BUCKET, arn: `arn:aws:s3:::${options.bucket ?? TEST_BUCKET}` },
      object: {
        key: options.encodedKey,
        size: options.size ?? 100,
        ...(options.eTag === undefined ? {} : { eTag: options.eTag }),
        ...(options.versionId === undefined ? {} : { versionId: options.versionId }),
        sequencer: options.sequencer ?? '0055AED6DCD90281E5',
      },
    },
  };
}

/** An SQS message body as S3 sends it to the queue. */
export const anS3EventBody = (...records: S3RecordOptions[]) =>
  JSON.stringify({ Records: records.map(aS3Record) });

export const S3_TEST_EVENT_BODY = JSON.stringify({
  Service: 'Amazon S3',
  Event: 's3:TestEvent',
  Time: '2026-01-01T00:00:00.000Z',
  Bucket: TEST_BUCKET,
  RequestId: 'r',
  HostId: 'h',
});

export function anSqsRecord(body: string, messageId: string): SQSRecord {
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1767225600000',
      SenderId: 'AIDA',
      ApproximateFirstReceiveTimestamp: '1767225600000',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:000000000000:precis-incoming',
    awsRegion: 'eu-west-1',
  };
}

export const anSqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

export function anS3ObjectRef(overrides: Partial<S3ObjectRef> = {}): S3ObjectRef {
  return {
    bucket: TEST_BUCKET,
    key: 'incoming/article.txt',
    size: 100,
    etag: 'etag-1',
    sequencer: '0055AED6DCD90281E5',
    eventName: 'ObjectCreated:Put',
    eventTime: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aLambdaContext(): Context {
  const fail = () => {
    throw new Error('not used');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'precis-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:precis-test',
    memoryLimitInMB: '1024',
    awsRequestId: 'request-1',
    logGroupName: '/aws/lambda/precis-test',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 30_000,
    done: fail,
    fail,
    succeed: fail,
  };
}

export interface HttpEventOptions {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
  readonly headers?: Record<string, string>;
}

/** An API Gateway HTTP API (payload v2) event. */
export function anHttpEvent(options: HttpEventOptions): APIGatewayProxyEventV2 {
  const rawQueryString = new URLSearchParams(options.query ?? {}).toString();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: options.path,
    rawQueryString,
    headers: options.headers ?? {},
    ...(options.query === undefined ? {} : { queryStringParameters: options.query }),
    ...(options.body === undefined ? {} : { body: options.body }),
    isBase64Encoded: options.isBase64Encoded ?? false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: {
        method: options.method,
        path: options.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'request-1',
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 1767225600000,
    },
  };
}

export function aResult(overrides: Partial<Result> = {}): Result {
  return {
    id: 'article-1',
    status: 'DONE',
    source: { bucket: TEST_BUCKET, key: 'incoming/article.txt', etag: 'etag-1', bytes: 42 },
    text: 'Ada Lovelace visited London. She met Charles Babbage.',
    summary: ['Ada Lovelace visited London.'],
    facts: {
      ...EMPTY_FACTS,
      entities: [
        { type: 'person', name: 'Ada Lovelace', mentions: [{ start: 0, end: 12 }] },
        { type: 'place', name: 'London', mentions: [{ start: 21, end: 27 }] },
      ],
    },
    pipelineVersion: PIPELINE_VERSION,
    processedAt: FIXED_NOW.toISOString(),
    ...overrides,
  };
}

export const encode = (text: string) => new TextEncoder().encode(text);

/** Bytes no text decoder accepts: a PNG signature followed by NULs. */
export const BINARY_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff, 0xfe,
]);
