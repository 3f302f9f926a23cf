import * as z from 'zod';
import type { BackfillRequest } from './backfill-request.ts';

/**
 * Where backfills run, behind one interface for the CLI and the API: on AWS the backfill state machine
 * (shared/adapters/backfill-executions.ts), locally a walk of the bucket that enqueues the objects for the
 * process handler (shared/adapters/queue-backfills.ts).
 */

/**
 * A backfill's id: the name of its Step Functions execution (at most 80 characters of letters, digits, `-`
 * and `_`), which is also where its report goes (backfills/<id>/).
 */
export const backfillIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,80}$/, 'Not a backfill id')
  .meta({ description: 'The id POST /backfills answered with' });

export type BackfillId = z.infer<typeof backfillIdSchema>;

const countsOf = <T extends string>(names: readonly T[]) =>
  z.object(
    Object.fromEntries(names.map((name) => [name, z.number().int().nonnegative()])) as Record<T, z.ZodNumber>,
  );

/**
 * A backfill's state, in Step Functions' words: `RUNNING`, `SUCCEEDED`, `FAILED`, `TIMED_OUT` or `ABORTED`
 * on AWS. Locally `RUNNING` while the bucket is walked in the background, `SUCCEEDED` once every object is
 * enqueued (or skipped; the process handler then takes them off the queue), `FAILED` when the walk could
 * not go on (`error` `WALK_FAILED: …`).
 */
export const backfillStatusSchema = z
  .object({
    id: backfillIdSchema,
    status: z.string().meta({ description: 'RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED' }),
    prefix: z.string(),
    concurrency: z.number().int(),
    startedAt: z.string(),
    executionArn: z.string().optional().meta({ description: 'On AWS: the Step Functions execution' }),
    batches: countsOf(['total', 'succeeded', 'failed', 'pending', 'running'] as const)
      .optional()
      .meta({
        description: "On AWS: the Distributed Map's batches of objects, once it has listed the prefix",
      }),
    objects: countsOf(['listed', 'skipped', 'enqueued'] as const)
      .optional()
      .meta({ description: 'Locally: objects listed, skipped as already processed, and enqueued so far' }),
    resumedAt: z
      .string()
      .optional()
      .meta({ description: 'Locally: when a restarted stack resumed the walk a stop or crash cut short' }),
    error: z.string().optional().meta({ description: 'Why it failed' }),
  })
  .meta({ id: 'BackfillStatus' });

export type BackfillStatus = z.infer<typeof backfillStatusSchema>;

export interface Backfills {
  /** Starts a backfill named `id`. */
  start(id: BackfillId, request: BackfillRequest): Promise<BackfillStatus>;
  /** Where the backfill stands; undefined when there is no backfill of that id. */
  status(id: BackfillId): Promise<BackfillStatus | undefined>;
}
