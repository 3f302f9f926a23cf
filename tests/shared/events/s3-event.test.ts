import { describe, expect, it } from 'vitest';
import { InputError } from '#shared/errors.ts';
import { decodeS3Key, objectVersionKey, parseS3Notification } from '#shared/events/s3-event.ts';
import { anS3EventBody, anS3ObjectRef, S3_TEST_EVENT_BODY, TEST_BUCKET } from '#tests/helpers/builders.ts';

describe('decodeS3Key', () => {
  it.each([
    ['incoming/my+article%281%29.txt', 'incoming/my article(1).txt'],
    ['incoming/plain.txt', 'incoming/plain.txt'],
    ['incoming/a%2Bb.txt', 'incoming/a+b.txt'],
    ['incoming/caf%C3%A9+%26+cr%C3%AApe.html', 'incoming/café & crêpe.html'],
    ['incoming/100%25.txt', 'incoming/100%.txt'],
  ])('decodes %s to %s', (encoded, decoded) => {
    expect(decodeS3Key(encoded)).toBe(decoded);
  });

  it('throws InputError when the key is not valid URL encoding', () => {
    expect(() => decodeS3Key('incoming/%E0%A4%A.txt')).toThrow(InputError);
  });
});

describe('parseS3Notification', () => {
  it('returns the decoded object references when given an S3 event notification', () => {
    const body = anS3EventBody({
      encodedKey: 'incoming/my+article%281%29.txt',
      eTag: '"abc123"',
      sequencer: '0A1',
      size: 321,
    });

    const notification = parseS3Notification(body);

    expect(notification).toEqual({
      kind: 'objects',
      objects: [
        {
          bucket: TEST_BUCKET,
          key: 'incoming/my article(1).txt',
          size: 321,
          etag: 'abc123',
          versionId: undefined,
          sequencer: '0A1',
          eventName: 'ObjectCreated:Put',
          eventTime: '2026-01-01T00:00:00.000Z',
        },
      ],
      removed: [],
      invalid: [],
    });
  });

  it('returns kind test when given the s3:TestEvent message', () => {
    expect(parseS3Notification(S3_TEST_EVENT_BODY)).toEqual({ kind: 'test' });
  });

  it('processes ObjectCreated records and reports ObjectRemoved ones apart when a notification mixes them', () => {
    const body = anS3EventBody(
      { encodedKey: 'incoming/a.txt', eventName: 'ObjectRemoved:Delete' },
      { encodedKey: 'incoming/b.txt', eventName: 'ObjectCreated:CompleteMultipartUpload' },
    );

    const notification = parseS3Notification(body);

    expect(notification.kind === 'objects' && notification.objects.map((object) => object.key)).toEqual([
      'incoming/b.txt',
    ]);
    expect(notification.kind === 'objects' && notification.removed.map((object) => object.key)).toEqual([
      'incoming/a.txt',
    ]);
  });

  it.each([
    ['a record without a key', { eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: {} }],
    ['a record from another service', { eventSource: 'aws:sns' }],
  ])('keeps the valid record and reports %s when a notification has two records', (_name, bad) => {
    const valid = JSON.parse(anS3EventBody({ encodedKey: 'incoming/good.txt' })).Records[0];
    const body = JSON.stringify({ Records: [bad, valid] });

    const notification = parseS3Notification(body);

    expect(notification.kind === 'objects' && notification.objects.map((object) => object.key)).toEqual([
      'incoming/good.txt',
    ]);
    expect(notification.kind === 'objects' && notification.invalid).toEqual([
      expect.stringMatching(/^record 0: /),
    ]);
  });

  it('keeps the valid record when the other one has a key that is not URL encoding', () => {
    const body = anS3EventBody({ encodedKey: 'incoming/%E0%A4%A.txt' }, { encodedKey: 'incoming/fine.txt' });

    const notification = parseS3Notification(body);

    expect(notification.kind === 'objects' && notification.objects.map((object) => object.key)).toEqual([
      'incoming/fine.txt',
    ]);
    expect(notification.kind === 'objects' && notification.invalid).toHaveLength(1);
  });

  it.each([
    ['not JSON', 'hello'],
    ['JSON without Records', JSON.stringify({ hello: 'world' })],
    ['null', 'null'],
  ])('throws InputError INVALID_INPUT when the body is %s', (_name, body) => {
    expect(() => parseS3Notification(body)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('objectVersionKey', () => {
  it.each([
    [{ versionId: 'v1', etag: 'e1' }, `${TEST_BUCKET}/incoming/article.txt#v1`],
    [{ versionId: undefined, etag: 'e1', sequencer: '0A1' }, `${TEST_BUCKET}/incoming/article.txt#e1`],
    [{ versionId: undefined, etag: undefined, sequencer: '0A1' }, `${TEST_BUCKET}/incoming/article.txt#0A1`],
  ])('names the upload by version id, else the event ETag, else sequencer (%o)', (overrides, expected) => {
    expect(objectVersionKey(anS3ObjectRef(overrides))).toBe(expected);
  });
});
