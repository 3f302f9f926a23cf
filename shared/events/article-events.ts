import * as z from 'zod';
import type { Result } from '../result.ts';

/**
 * Completion events on the EventBridge bus: `ArticleProcessed` when an upload's Result is stored DONE,
 * `ArticleFailed` when it is stored FAILED. The hook for webhooks and downstream systems: a rule on source
 * `precis` and these detail types. Delivery is at most once per stored Result; the Result is the record.
 */
export const ARTICLE_EVENT_SOURCE = 'precis';
export const ARTICLE_EVENT_TYPES = { DONE: 'ArticleProcessed', FAILED: 'ArticleFailed' } as const;
export type ArticleEventType = (typeof ARTICLE_EVENT_TYPES)[keyof typeof ARTICLE_EVENT_TYPES];

export const articleEventDetailSchema = z.object({
  id: z.string(),
  bucket: z.string().optional(),
  key: z.string().optional(),
  status: z.enum(['DONE', 'FAILED']),
  code: z.string().optional().meta({ description: 'The error code of a FAILED Result' }),
  title: z.string().optional(),
  pipelineVersion: z.string(),
  processedAt: z.string(),
});
export type ArticleEventDetail = z.infer<typeof articleEventDetailSchema>;

export interface ArticleEvent {
  readonly detailType: ArticleEventType;
  readonly detail: ArticleEventDetail;
}

/** The event for a terminal Result; undefined for PENDING and PROCESSING. */
export function articleEventOf(result: Result): ArticleEvent | undefined {
  if (result.status !== 'DONE' && result.status !== 'FAILED') return undefined;
  const detail: ArticleEventDetail = {
    id: result.id,
    ...(result.source.bucket === undefined ? {} : { bucket: result.source.bucket }),
    ...(result.source.key === undefined ? {} : { key: result.source.key }),
    status: result.status,
    ...(result.error === undefined ? {} : { code: result.error.code }),
    ...(result.title === undefined ? {} : { title: result.title }),
    pipelineVersion: result.pipelineVersion,
    processedAt: result.processedAt,
  };
  return { detailType: ARTICLE_EVENT_TYPES[result.status], detail };
}
