import type { Backfills } from './backfills.ts';

/**
 * Backfills made on their first use: `load` runs once, on the first start or status, and every call shares
 * it (a failed load is tried again on the next call). The api function passes a dynamic import of the
 * Step Functions adapter, so its init does not evaluate the Step Functions client no other route needs.
 */
export function lazyBackfills(load: () => Promise<Backfills>): Backfills {
  let loaded: Promise<Backfills> | undefined;
  const backfills = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
  return {
    start: async (id, request) => (await backfills()).start(id, request),
    status: async (id) => (await backfills()).status(id),
  };
}
