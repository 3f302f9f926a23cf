import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** GNU time, which reports a child's CPU time and peak memory (Debian package `time`). */
export const GNU_TIME = '/usr/bin/time';
/** GNU time's format for the usage line, read back by readUsage. */
export const USAGE_FORMAT = 'precis-usage %U %S %e %M';
const USAGE_LINE = /^precis-usage (\S+) (\S+) (\S+) (\d+)$/m;

/** CPU (user + system), wall seconds and peak MiB from GNU time's USAGE_FORMAT line in `stderr`, if there. */
export function readUsage(
  stderr: string,
): { cpuSeconds: number; wallSeconds: number; peakMiB: number } | undefined {
  const usage = USAGE_LINE.exec(stderr);
  if (usage === null) return undefined;
  const [, user, system, wall, peakKiB] = usage;
  return {
    cpuSeconds: Number(user) + Number(system),
    wallSeconds: Number(wall),
    peakMiB: Number(peakKiB) / 1024,
  };
}

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
  const run = spawnSync(GNU_TIME, ['-f', USAGE_FORMAT, command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    ...options,
  });
  const usage = readUsage(run.stderr);
  if (usage === undefined)
    throw new Error(`No usage from ${command} ${args.join(' ')}: ${run.stderr.slice(-2000)}`);
  return {
    ...usage,
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr.replace(USAGE_LINE, ''),
  };
}
