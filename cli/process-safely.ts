import { InputError } from '#shared/errors.ts';
import {
  type ArticleInput,
  failedResult,
  type ProcessOptions,
  processArticle,
} from '#shared/process-article.ts';
import { PIPELINE_VERSION, type Result } from '#shared/result.ts';

/** The pipeline for the CLI, in this thread or a worker's: a crash (a bug) becomes a FAILED INTERNAL Result. */

export interface Processed {
  readonly result: Result;
  /** Set when the pipeline crashed on the article. */
  readonly crash?: string;
}

/** The options a worker thread can receive (functions such as `now` cannot cross). */
export type WorkerOptions = Pick<ProcessOptions, 'sentences' | 'words' | 'maxInputBytes'>;

export interface WorkerTask {
  readonly input: ArticleInput;
  readonly options: WorkerOptions;
}

/** A FAILED Result for input that never reached the pipeline, or on which it crashed. */
export function failed(id: string, error: InputError): Result {
  const base = {
    id,
    source: { bytes: 0 },
    pipelineVersion: PIPELINE_VERSION,
    processedAt: new Date().toISOString(),
  };
  return failedResult(base, error);
}

export const describeCrash = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

export function processSafely(input: ArticleInput, options: ProcessOptions): Processed {
  try {
    return { result: processArticle(input, options) };
  } catch (error) {
    const crash = describeCrash(error);
    return { result: failed(input.id, new InputError('INTERNAL', crash, { cause: error })), crash };
  }
}
