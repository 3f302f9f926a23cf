import { describe, expect, it } from 'vitest';
import { SUMMARY_ATTRIBUTES } from '#shared/adapters/article-store-table.ts';
import { articleSummarySchema } from '#shared/result.ts';

describe('SUMMARY_ATTRIBUTES', () => {
  it("are the ArticleSummary schema's keys, in its order", () => {
    expect(SUMMARY_ATTRIBUTES).toEqual(Object.keys(articleSummarySchema.shape));
  });
});
