import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '#shared/errors.ts';
import type { ProcessOptions } from '#shared/process-article.ts';
import type { Item } from './inputs.ts';
import {
  describeCrash,
  failed,
  type Processed,
  processSafely,
  type WorkerOptions,
  type WorkerTask,
} from './process-safely.ts';

/**
 * Runs the pipeline over items, in this thread or on a pool of worker threads (piscina), and yields one
 * Outcome per item in input order either way. A crash of the pipeline (a bug) becomes a FAILED INTERNAL
 * Result with the crash message, so a long run goes on.
 */

export interface Outcome extends Processed {
  readonly item: Item;
}

/** The worker module next to this one, as .ts under tsx and .js once compiled. */
const WORKER_URL = new URL(`./process-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** In flight per thread: enough to keep every thread busy while the output waits for the slowest. */
const TASKS_PER_THREAD = 2;

async function* inThisThread(items: AsyncIterable<Item>, options: ProcessOptions): AsyncGenerator<Outcome> {
  for await (const item of items) {
    yield item.kind === 'article'
      ? { item, ...processSafely(item.input, options) }
      : { item, result: failed(item.id, item.error) };
  }
}

async function* onThreads(
  items: AsyncIterable<Item>,
  options: WorkerOptions,
  threads: number,
): AsyncGenerator<Outcome> {
  // Imported here, not at the top: a run on this thread does not pay for loading the pool (~25 ms of CPU).
  const { Piscina } = await import('piscina');
  const pool = new Piscina<WorkerTask, Processed>({
    filename: WORKER_URL.href,
    minThreads: threads,
    maxThreads: threads,
  });
  const run = async (item: Item): Promise<Outcome> => {
    if (item.kind === 'unreadable') return { item, result: failed(item.id, item.error) };
    try {
      return { item, ...(await pool.run({ input: item.input, options })) };
    } catch (error) {
      const crash = describeCrash(error);
      return {
        item,
        result: failed(item.input.id, new InputError('INTERNAL', crash, { cause: error })),
        crash,
      };
    }
  };
  const inFlight: Promise<Outcome>[] = [];
  try {
    for await (const item of items) {
      inFlight.push(run(item));
      if (inFlight.length >= threads * TASKS_PER_THREAD) yield await (inFlight.shift() as Promise<Outcome>);
    }
    while (inFlight.length > 0) yield await (inFlight.shift() as Promise<Outcome>);
  } finally {
    await pool.destroy();
  }
}

/** Every item's Outcome, in input order; `threads` above 1 processes on that many worker threads. */
export function runArticles(
  items: AsyncIterable<Item>,
  options: WorkerOptions,
  threads: number,
): AsyncGenerator<Outcome> {
  return threads > 1 ? onThreads(items, options, threads) : inThisThread(items, options);
}
