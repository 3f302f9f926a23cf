import type { Result, Source } from '../result.ts';
import { EMPTY_FACTS, PIPELINE_VERSION } from '../result-values.ts';

/** A complete Result for an article not processed yet, so every reader gets the full contract. */
export function placeholderResult(
  id: string,
  status: 'PENDING' | 'PROCESSING',
  source: Source,
  now: Date,
): Result {
  return {
    id,
    status,
    source,
    text: '',
    summary: [],
    facts: EMPTY_FACTS,
    pipelineVersion: PIPELINE_VERSION,
    processedAt: now.toISOString(),
  };
}
