import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SUMMARY =
  /uploaded (\d+), done (\d+), failed (\d+), lost (\d+), duplicated (\d+), stuck (\d+), unindexed (\d+)/;

/** Runs `npm run test:chaos` small: its own data directory and free ports, so it runs beside other tests. */
function runChaos(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/chaos.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.slice(-4000) }));
  });
}

describe('chaos, small (npm run test:chaos runs 300 uploads and 5 kills)', () => {
  it('loses, duplicates and leaves stuck or unindexed nothing across a SIGKILL of the stack, with faults injected', async () => {
    const run = await runChaos(['--uploads', '40', '--kills', '1']);
    const line = SUMMARY.exec(run.stdout);
    expect(line, `${run.stdout}\n${run.stderr}`).not.toBeNull();
    const [uploaded = 0, done = 0, failed = 0, lost, duplicated, stuck, unindexed] = (line as RegExpExecArray)
      .slice(1)
      .map(Number);
    expect(uploaded).toBeGreaterThan(0);
    expect(done + failed).toBe(uploaded);
    expect({ lost, duplicated, stuck, unindexed }).toEqual({
      lost: 0,
      duplicated: 0,
      stuck: 0,
      unindexed: 0,
    });
    expect(run.code).toBe(0);
  }, 600_000);
});
