import { backfillRequestSchema } from '../backfill/backfill-request.ts';
import { type BackfillStatus, type Backfills, backfillIdSchema } from '../backfill/backfills.ts';
import { parseInput } from '../events/api-request.ts';
import { getBackfill, startBackfill } from '../use-cases/start-backfill.ts';
import { HttpProblem } from './problem.ts';
import { json, jsonBodyOf, type RouteHandler } from './responses.ts';
import { pathParameter } from './routes-articles.ts';

export interface BackfillRouteDeps {
  /** Where backfills run (undefined: the backfill routes answer 501). */
  readonly backfills?: Backfills;
}

/** Seconds a client should wait before asking again how a running backfill stands. */
const RETRY_STATUS_SECONDS = 10;

export const backfillLocation = (id: string) => `/backfills/${encodeURIComponent(id)}`;

const answer = (status: BackfillStatus) => ({ ...status, links: { self: backfillLocation(status.id) } });

/**
 * POST /backfills starts a backfill of a prefix (the same use case as `precis backfill`) and answers 202 with
 * its id and where to follow it; GET /backfills/{id} tells where it stands.
 */
export function backfillRoutes(deps: BackfillRouteDeps) {
  const backfillsOf = (): Backfills => {
    if (deps.backfills === undefined) {
      throw new HttpProblem(
        501,
        'NOT_CONFIGURED',
        'Backfills are not configured here (no state machine or queue)',
      );
    }
    return deps.backfills;
  };
  const start: RouteHandler = async (event) => {
    const request = parseInput(backfillRequestSchema, jsonBodyOf(event, 'POST /backfills'));
    const status = await startBackfill(request, backfillsOf());
    return json(202, answer(status), {
      Location: backfillLocation(status.id),
      ...(status.status === 'RUNNING' ? { 'Retry-After': String(RETRY_STATUS_SECONDS) } : {}),
    });
  };
  const show: RouteHandler = async (event) => {
    const id = parseInput(backfillIdSchema, pathParameter(event, 'id'));
    const status = await getBackfill(id, backfillsOf());
    return json(
      200,
      answer(status),
      status.status === 'RUNNING' ? { 'Retry-After': String(RETRY_STATUS_SECONDS) } : {},
    );
  };
  return { 'POST /backfills': start, 'GET /backfills/{id}': show } as const;
}
