import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Position } from '../adapters/merged-query.ts';
import { HttpProblem } from './problem.ts';

/**
 * Opaque paging cursors: where each partition of a merged query stands, and for time-partitioned lists the
 * month being read, bound to the query they came from (a cursor from one query given to another is 400).
 * Base64url JSON: opaque to clients by contract, not by secrecy; every part is validated on the way in.
 */

const positionSchema = z.union([
  z.literal('start'),
  z.literal('done'),
  z.record(z.string().max(2_100), z.string().max(2_100)),
]);

const cursorSchema = z.object({
  /** Which query the cursor belongs to (a short hash of its parameters). */
  q: z.string().max(16),
  /** The month being read (time-partitioned lists), else absent. */
  m: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  p: z.array(positionSchema).max(64),
});

export interface CursorState {
  readonly month?: string;
  readonly positions: readonly Position[];
}

/** A short fingerprint of a query's parameters. */
export const queryFingerprint = (...parts: readonly unknown[]) =>
  createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);

export function encodeCursor(fingerprint: string, state: CursorState): string {
  const body = {
    q: fingerprint,
    ...(state.month === undefined ? {} : { m: state.month }),
    p: state.positions,
  };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

const invalid = (detail: string, cause?: unknown) =>
  new HttpProblem(400, 'INVALID_CURSOR', detail, cause === undefined ? {} : { cause });

/** The state a cursor holds; 400 INVALID_CURSOR when it is malformed or belongs to another query. */
export function decodeCursor(cursor: string, fingerprint: string, partitions: number): CursorState {
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch (error) {
    throw invalid('The cursor is not one this API gave out', error);
  }
  if (parsed.q !== fingerprint) throw invalid('The cursor belongs to another query; start again without it');
  if (parsed.p.length !== partitions) throw invalid('The cursor does not fit this query');
  return { ...(parsed.m === undefined ? {} : { month: parsed.m }), positions: parsed.p };
}
