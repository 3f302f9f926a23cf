import { randomUUID } from 'node:crypto';
import type { BackfillRequest } from '../backfill/backfill-request.ts';
import type { BackfillId, BackfillStatus, Backfills } from '../backfill/backfills.ts';
import { NotFoundError } from '../errors.ts';

/** `backfill-20261130-114700-1a2b3c4d`: sorts by start time, unique, a valid execution name. */
export function newBackfillId(now: Date = new Date()): BackfillId {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `backfill-${stamp}-${randomUUID().slice(0, 8)}`;
}

/**
 * Starts a backfill of `request.prefix` (validated by backfillRequestSchema at the boundary): `precis
 * backfill` and POST /backfills both come here, with the Backfills of where they run (the state machine on
 * AWS, the bucket walk locally).
 */
export function startBackfill(
  request: BackfillRequest,
  backfills: Backfills,
  id: BackfillId = newBackfillId(),
): Promise<BackfillStatus> {
  return backfills.start(id, request);
}

/** Where backfill `id` stands; NotFoundError when there is none. */
export async function getBackfill(id: BackfillId, backfills: Backfills): Promise<BackfillStatus> {
  const status = await backfills.status(id);
  if (status === undefined) throw new NotFoundError(`No backfill ${id}`);
  return status;
}
