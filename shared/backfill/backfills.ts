import * as z from 'zod';
import type { BackfillRequest } from './backfill-request.ts';

/**
 * Where backfills run, behind one interface for the CLI and the API: on AWS the backfill state machine
 * (shared/adapters/backfill-executions.ts), locally the stack's engine, which hands the objects to the process
 * handler in batches as the state machine does (shared/adapters/local-backfills.ts).
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

const objectCountsSchema = countsOf(['listed', 'processed', 'failed', 'skipped'] as const).meta({
  description:
    'Locally: objects listed so far; processed into a new Result (DONE, or FAILED for unusable input: those are in `failures`); ' +
    'failed: left without a Result after the retries (past 5% of those listed the backfill FAILS); skipped as already processed by this pipeline version',
});

export type BackfillCounts = z.infer<typeof objectCountsSchema>;

const failureSchema = z.object({
  key: z.string(),
  id: z.string().optional().meta({ description: 'The article id of the FAILED Result' }),
  code: z.string().meta({
    description: "The FAILED Result's error code, or RETRIES_EXHAUSTED for an object left without a Result",
  }),
  message: z.string().optional(),
});

export type BackfillFailure = z.infer<typeof failureSchema>;

/**
 * A backfill's state, in Step Functions' words: `RUNNING`, `SUCCEEDED`, `FAILED`, `TIMED_OUT` or `ABORTED`
 * on AWS. Locally, as there: `RUNNING` until every object listed has been processed (or skipped, or could
 * not be processed after the retries), then `SUCCEEDED`, or `FAILED` when more than 5% could not be
 * processed (`error` `States.ExceedToleratedFailureThreshold: …`) or the bucket could not be listed
 * (`WALK_FAILED: …`).
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
        description:
          "On AWS: the Distributed Map's item counts (objects, not batches: a failed batch counts all its objects), once it has listed the prefix",
      }),
    objects: objectCountsSchema.optional(),
    failures: z.array(failureSchema).optional().meta({
      description:
        'Locally: the objects that did not end DONE (a FAILED Result, or none after the retries), the first 100',
    }),
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
