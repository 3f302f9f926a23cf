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

/**
 * Objects per batch: one process function invocation reprocesses this many (eight at a time, see
 * functions/backfill-batch.ts), so an invocation's fixed costs (INIT, the request) spread over many
 * articles while an ordinary batch stays far inside the function's timeout. The local backfill batches alike.
 */
export const BACKFILL_BATCH_SIZE = 50;
/**
 * A backfill goes on past objects it could not process up to this share of the objects it listed, and
 * reports them; past it, it ends FAILED (the state machine's toleratedFailurePercentage, and the local one).
 */
export const BACKFILL_TOLERATED_FAILURE_PERCENT = 5;
/**
 * A batch that failed is tried again this many times, after `intervalSeconds`, then `backoffRate` times longer
 * each time (5, 15, 45 s); the objects processed meanwhile are skipped then.
 */
export const BACKFILL_BATCH_RETRY = { maxAttempts: 3, intervalSeconds: 5, backoffRate: 3 } as const;

/** Seconds before each retry of a failed batch. */
export const backfillRetryDelaysSeconds = (): number[] =>
  Array.from(
    { length: BACKFILL_BATCH_RETRY.maxAttempts },
    (_, retry) => BACKFILL_BATCH_RETRY.intervalSeconds * BACKFILL_BATCH_RETRY.backoffRate ** retry,
  );

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
