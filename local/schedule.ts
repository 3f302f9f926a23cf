import { createLambdaContext } from './lambda-context.ts';

/**
 * EventBridge's schedule, locally: invokes a handler every `intervalMs` (and once at start when asked),
 * never two runs at once. Errors are reported and the schedule goes on, as a failed scheduled Lambda would.
 */

export type ScheduledHandler = (
  event: unknown,
  context: ReturnType<typeof createLambdaContext>,
) => Promise<unknown>;

export interface ScheduleOptions {
  readonly functionName: string;
  readonly handler: ScheduledHandler;
  readonly intervalMs: number;
  readonly runAtStart: boolean;
  readonly onError: (error: unknown) => void;
}

export interface Schedule {
  /** Runs the handler now (after the run in progress, if any). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startSchedule(options: ScheduleOptions): Schedule {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  function runNow(): Promise<void> {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await options.handler({ source: 'local.schedule' }, createLambdaContext(options.functionName));
      } catch (error) {
        options.onError(error);
      }
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runNow().finally(schedule);
    }, options.intervalMs);
  }

  if (options.runAtStart) runNow().finally(schedule);
  else schedule();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
