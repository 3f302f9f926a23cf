import * as z from 'zod';
import { INCOMING_PREFIX } from '../config.ts';

/**
 * Batches of a backfill in flight at once when the request does not say. Each batch is one process function
 * invocation, so this is also the backfill's Lambda concurrency, next to the queue's own (`maxConcurrency`).
 * 5, like the queue: `npm run cost` puts 5 concurrent invocations at about 3,000 DynamoDB write units a
 * second (an article writes about 28: its Result and some 14 entity index items), under the 4,000 a new
 * on-demand table serves at once; more is throttled (and retried) until the table has adapted.
 */
export const DEFAULT_BACKFILL_CONCURRENCY = 5;
/** Step Functions runs at most 10,000 child workflows of a Distributed Map at once; Lambda's default account quota is 1,000. */
export const MAX_BACKFILL_CONCURRENCY = 1000;

/** What starts a backfill (CLI, POST /backfills), and the state machine's input. */
export const backfillRequestSchema = z.object({
  /** Objects whose key starts with this; only articles under incoming/ are processed. */
  prefix: z
    .string()
    .max(1024)
    .refine((prefix) => prefix.startsWith(INCOMING_PREFIX), {
      message: `must start with ${INCOMING_PREFIX} (only objects there are articles)`,
    }),
  concurrency: z.number().int().min(1).max(MAX_BACKFILL_CONCURRENCY).default(DEFAULT_BACKFILL_CONCURRENCY),
});

export type BackfillRequest = z.infer<typeof backfillRequestSchema>;
