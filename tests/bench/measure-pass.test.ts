import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PassMeasure } from '../../bench/measure.ts';

const MEASURE = new URL('../../bench/measure.ts', import.meta.url).href;
/**
 * A process of its own (a test worker thread shares its RSS with the other files): a pass that touches
 * 256 MiB, then, once that is collected, a pass that touches nothing.
 */
const PROBE = join(tmpdir(), `precis-pass-probe-${process.pid}.ts`);
writeFileSync(
  PROBE,
  `import { measurePass, peakRssMiB } from '${MEASURE}';
const large = measurePass(() => Buffer.alloc(256 * 1024 * 1024, 1).length);
globalThis.gc?.();
globalThis.gc?.();
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
    // Without the reset both would be the process's peak so far, at least the large pass's. (Under npm test's
    // load the collected buffer left up to ~70 MiB more RSS behind, so the margin is 100 of the 256.)
    expect(small.peakMiB - small.startMiB).toBeLessThan(50);
    expect(small.peakMiB).toBeLessThan(large.peakMiB - 100);
    expect(processPeakMiB).toBeLessThan(large.peakMiB - 100);
  });
});
