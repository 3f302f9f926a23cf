import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import type { Result } from '#shared/result.ts';

/**
 * Progress on stderr, only when it is a terminal: a bar with done/total, failures, rate and ETA (a counter
 * when the total is unknown, as for stdin), then one closing line: "12 DONE, 2 FAILED (EMPTY 2) in 3.4 s".
 * Warnings are always written, on lines of their own above the bar.
 */

export type ErrorStream = Writable & { isTTY?: boolean };

export interface Progress {
  /** Starts the bar; `total` undefined when the number of articles is not known up front. */
  start(total: number | undefined): void;
  tick(result: Result): void;
  warn(message: string): void;
  /** Stops the bar and writes the closing line; `note` is added to it (where the files went). */
  finish(note?: string): void;
}

const BAR_FORMAT = 'precis {bar} {value}/{total} · {failed} failed · {rate}/s · ETA {eta_formatted}';
const COUNTER_FORMAT = 'precis {value} done · {failed} failed · {rate}/s';

/** "12 DONE, 2 FAILED (EMPTY 1, TOO_LARGE 1) in 3.4 s". */
export function closingLine(
  results: ReadonlyMap<string, number>,
  failures: ReadonlyMap<string, number>,
  seconds: number,
): string {
  const done = results.get('DONE') ?? 0;
  const failed = results.get('FAILED') ?? 0;
  const codes = [...failures].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, count]) => `${code} ${count}`);
  const others = [...results].filter(([status]) => status !== 'DONE' && status !== 'FAILED');
  return [
    `${done} DONE, ${failed} FAILED${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`,
    ...others.map(([status, count]) => `${count} ${status}`),
  ]
    .join(', ')
    .concat(` in ${seconds.toFixed(1)} s`);
}

export function createProgress(stderr: ErrorStream, now: () => number = Date.now): Progress {
  const tty = stderr.isTTY === true;
  const statuses = new Map<string, number>();
  const failures = new Map<string, number>();
  let startedAt = now();
  let bars: cliProgress.MultiBar | undefined;
  let bar: cliProgress.SingleBar | undefined;
  let done = 0;

  const payload = () => ({
    failed: statuses.get('FAILED') ?? 0,
    rate: (done / Math.max((now() - startedAt) / 1000, 0.001)).toFixed(1),
  });

  return {
    start(total) {
      startedAt = now();
      if (!tty) return;
      bars = new cliProgress.MultiBar(
        {
          stream: stderr,
          format: total === undefined ? COUNTER_FORMAT : BAR_FORMAT,
          barsize: 24,
          clearOnComplete: true,
          hideCursor: false,
          gracefulExit: false,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar = bars.create(total ?? 0, 0, payload());
      bars.update();
    },
    tick(result) {
      done += 1;
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      if (result.error) failures.set(result.error.code, (failures.get(result.error.code) ?? 0) + 1);
      bar?.increment(1, payload());
    },
    warn(message) {
      if (bars === undefined) {
        stderr.write(`precis: ${message}\n`);
        return;
      }
      bars.log(`precis: ${message}\n`);
      bars.update();
    },
    finish(note) {
      if (!tty) return;
      bars?.stop();
      bars = undefined;
      bar = undefined;
      const seconds = (now() - startedAt) / 1000;
      stderr.write(`precis: ${closingLine(statuses, failures, seconds)}${note ? `; ${note}` : ''}\n`);
    },
  };
}
