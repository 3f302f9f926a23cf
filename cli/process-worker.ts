import { type Processed, processSafely, type WorkerTask } from './process-safely.ts';

/** A piscina worker of `precis process --parallel N`: one article in, its Result out. */
export default function processInWorker(task: WorkerTask): Processed {
  return processSafely(task.input, task.options);
}
