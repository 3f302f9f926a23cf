import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PassMeasure } from '../../bench/measure.ts';

const MEASURE = new URL('../../bench/measure.ts', import.meta.url).href;
/**
 * A process of its own (a test worker thread shares its RSS with the other files): a pass that touches
 * 256 MiB, then, once that is collected and its pages are given back, a pass that touches nothing. The buffer's
 * pages can leave after gc() returns, so the probe waits (up to 10 s) for the RSS to fall back before the
 * small pass: otherwise, on a loaded machine, the small pass starts with part of the buffer still resident.
 */
const PROBE = join(tmpdir(), `precis-pass-probe-${process.pid}.mts`);
writeFileSync(
  PROBE,
  `import { measurePass, peakRssMiB } from '${MEASURE}';
const large = measurePass(() => Buffer.alloc(256 * 1024 * 1024, 1).length);
const settleBy = Date.now() + 10_000;
while (process.memoryUsage.rss() / 1048576 > large.startMiB + 32 && Date.now() < settleBy) {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const small = measurePass(() => 0);
console.log(JSON.stringify({ large, small, processPeakMiB: peakRssMiB() }));
`,
);
afterAll(() => rmSync(PROBE, { force: true }));

describe('measurePass', () => {
  it("gives each pass its own peak RSS, not the process's peak so far", () => {
    const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', PROBE], {
      encoding: 'utf8',
    });
    const { large, small, processPeakMiB } = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
      large: PassMeasure<number>;
      small: PassMeasure<number>;
      processPeakMiB: number;
    };

    expect(large.ownPeak).toBe(true);
    expect(large.value).toBe(256 * 1024 * 1024);
    expect(large.peakMiB - large.startMiB).toBeGreaterThan(250);
    // Without the reset both would be the process's peak so far, at least the large pass's. (The margin is 100
    // of the 256 MiB in case the RSS has not fully fallen back within the probe's wait; how much the small pass
    // itself grows is not asserted: under npm test's load it grew 54-68 MiB, the runtime's own work.)
    expect(small.peakMiB).toBeLessThan(large.peakMiB - 100);
    expect(processPeakMiB).toBeLessThan(large.peakMiB - 100);
  });
});
