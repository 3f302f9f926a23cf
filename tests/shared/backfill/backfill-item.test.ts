import { describe, expect, it } from 'vitest';
import { backfillBatchSchema, itemsOfBatch, refOf } from '#shared/backfill/backfill-item.ts';

const NOW = new Date('2026-01-02T03:04:05.000Z');

describe('backfill items', () => {
  it("reads Step Functions' listing: quoted Etag, Size, LastModified in epoch seconds", () => {
    const batch = backfillBatchSchema.parse({
      Items: [{ Key: 'incoming/a.txt', Etag: '"abc"', Size: 12, LastModified: 1_700_000_000 }],
      BatchInput: { bucket: 'b' },
    });
    const [item] = itemsOfBatch(batch);

    expect(item).toEqual({
      bucket: 'b',
      key: 'incoming/a.txt',
      etag: 'abc',
      size: 12,
      lastModified: '2023-11-14T22:13:20.000Z',
    });
    expect(item && refOf(item, NOW).eventTime).toBe('2023-11-14T22:13:20.000Z');
  });

  it('takes the event time from now when the listing has no LastModified', () => {
    const [item] = itemsOfBatch(
      backfillBatchSchema.parse({ Items: [{ Key: 'k' }], BatchInput: { bucket: 'b' } }),
    );

    expect(item && refOf(item, NOW)).toMatchObject({
      eventTime: NOW.toISOString(),
      eventName: 'precis:Backfill',
    });
  });
});
