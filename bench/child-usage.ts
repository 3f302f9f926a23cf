import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** GNU time, which reports a child's CPU time and peak memory (Debian package `time`). */
const GNU_TIME = '/usr/bin/time';
const USAGE_LINE = /^precis-usage (\S+) (\S+) (\S+) (\d+)$/m;

/** What a child process cost: CPU (user + system) and wall seconds, peak RSS. */
export interface ChildUsage {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  readonly peakMiB: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const canMeasureChildren = (): boolean => existsSync(GNU_TIME);

/**
 * Runs `command args` to completion and returns its CPU time (user + system, of the child and its children)
 * as GNU time reports it: on a shared machine CPU time moves far less than wall time.
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): ChildUsage {
  if (!canMeasureChildren()) throw new Error(`${GNU_TIME} not found: apt-get install -y time`);
  const run = spawnSync(GNU_TIME, ['-f', 'precis-usage %U %S %e %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    ...options,
  });
  const usage = USAGE_LINE.exec(run.stderr);
  if (usage === null)
    throw new Error(`No usage from ${command} ${args.join(' ')}: ${run.stderr.slice(-2000)}`);
  const [, user, system, wall, peakKiB] = usage;
  return {
    cpuSeconds: Number(user) + Number(system),
    wallSeconds: Number(wall),
    peakMiB: Number(peakKiB) / 1024,
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr.replace(USAGE_LINE, ''),
  };
}
