import { describe, expect, it } from 'vitest';
import { buildS3Event, encodeEventKey, nextSequencer } from '../../local/s3-notifications.ts';

describe('encodeEventKey', () => {
  it.each([
    ['incoming/seed article.txt', 'incoming/seed+article.txt'],
    ['incoming/a+b.txt', 'incoming/a%2Bb.txt'],
    ['incoming/x=1&y=2 (copy).txt', 'incoming/x%3D1%26y%3D2+%28copy%29.txt'],
    ['incoming/café.txt', 'incoming/caf%C3%A9.txt'],
    ['incoming/100%.txt', 'incoming/100%25.txt'],
    ['incoming/a-b_c.d*e', 'incoming/a-b_c.d*e'],
    ['incoming/😀', 'incoming/%F0%9F%98%80'],
  ])('encodes %j as S3 does in event notifications when it has special characters', (key, encoded) => {
    expect(encodeEventKey(key)).toBe(encoded);
  });

  it.each([
    'incoming/seed article.txt',
    'incoming/a+b c%20d.txt',
    'incoming/naïve résumé (2).html',
    'incoming/😀 ü',
  ])('decodes back to %j the way a handler decodes keys when it reverses + and %XX', (key) => {
    const decoded = decodeURIComponent(encodeEventKey(key).replaceAll('+', ' '));
    expect(decoded).toBe(key);
  });
});

describe('nextSequencer', () => {
  it('increases across calls when the clock stands still', () => {
    const first = nextSequencer('', 1_000);
    const second = nextSequencer(first, 1_000);
    const third = nextSequencer(second, 1_000);
    expect([first, second, third]).toEqual([...new Set([first, second, third])].sort());
  });

  it('stays above the previous sequencer when the clock goes back', () => {
    const late = nextSequencer('', 2_000_000);
    const afterClockSkew = nextSequencer(late, 1_000);
    expect(afterClockSkew > late).toBe(true);
  });

  it('is upper-case hex of a fixed width so that string order is numeric order', () => {
    expect(nextSequencer('', 1_700_000_000_000)).toMatch(/^[0-9A-F]{18}$/);
  });
});

describe('buildS3Event', () => {
  it('builds the notification S3 sends when an object is put', () => {
    const lastModified = new Date('2026-01-02T03:04:05.678Z');

    const event = buildS3Event('precis-articles', 'us-east-1', {
      key: 'incoming/seed article.txt',
      size: 5823,
      eTag: 'c76ac1cd624b0b814f303ecaa401dabd',
      lastModified,
      sequencer: '000006615BB6CC1C20',
    });

    expect(event.Records).toHaveLength(1);
    expect(event.Records[0]).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-01-02T03:04:05.678Z',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: 'precis-articles', arn: 'arn:aws:s3:::precis-articles' },
        object: {
          key: 'incoming/seed+article.txt',
          size: 5823,
          eTag: 'c76ac1cd624b0b814f303ecaa401dabd',
          sequencer: '000006615BB6CC1C20',
        },
      },
    });
    expect(event.Records[0]?.s3.object).not.toHaveProperty('versionId');
  });

  it('names the event CompleteMultipartUpload when the ETag is a multipart one', () => {
    const event = buildS3Event('b', 'us-east-1', {
      key: 'incoming/big.txt',
      size: 20_000_000,
      eTag: '0123456789abcdef0123456789abcdef-3',
      lastModified: new Date(0),
      sequencer: '01',
    });

    expect(event.Records[0]?.eventName).toBe('ObjectCreated:CompleteMultipartUpload');
  });

  it('carries the version id when the object has one', () => {
    const event = buildS3Event('b', 'us-east-1', {
      key: 'incoming/a.txt',
      size: 1,
      eTag: 'e',
      versionId: 'v1',
      lastModified: new Date(0),
      sequencer: '01',
    });

    expect(event.Records[0]?.s3.object.versionId).toBe('v1');
  });
});
