import { describe, expect, it } from 'vitest';
import { modifiedSincePublished } from '#shared/clean/modified-date.ts';

describe('modifiedSincePublished', () => {
  it.each([
    ['2021-03-02T10:00:00+00:00', '2021-03-09T08:00:00+00:00'],
    ['2021-03-02', '2021-03-09T08:00:00Z'],
    ['2021-03-09T01:00:00+00:00', '2021-03-09T09:00:00+07:00'],
  ])('drops %s, before the page was published (%s)', (modified, published) => {
    expect(modifiedSincePublished(modified, published)).toBeUndefined();
  });

  it.each([
    ['2021-03-10T10:00:00+00:00', '2021-03-09T08:00:00+00:00'],
    ['2021-03-09', '2021-03-09'],
    ['2021-03-09T07:00:00-06:00', '2021-03-09T12:00:00+00:00'],
    ['2021-03-09T07:00', '2021-03-09T12:00:00Z'],
    ['2021-03-02', undefined],
  ])('keeps %s, published %s', (modified, published) => {
    expect(modifiedSincePublished(modified, published)).toBe(modified);
  });
});
