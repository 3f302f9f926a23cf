import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { aFailedResult } from '#tests/helpers/viewer-results.ts';
import { closingLine, createProgress } from '../../cli/progress.ts';

const sink = (isTTY: boolean) => {
  let written = '';
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    }),
    { isTTY },
  );
  return { stream, written: () => written };
};

describe('closingLine', () => {
  it('counts DONE and FAILED, failures by code in name order, and the time', () => {
    const statuses = new Map([
      ['DONE', 12],
      ['FAILED', 3],
    ]);
    const failures = new Map([
      ['TOO_LARGE', 1],
      ['EMPTY', 2],
    ]);

    expect(closingLine(statuses, failures, 3.44)).toBe('12 DONE, 3 FAILED (EMPTY 2, TOO_LARGE 1) in 3.4 s');
  });
});

describe('createProgress', () => {
  it('writes nothing but warnings when stderr is not a terminal', () => {
    const stderr = sink(false);
    const progress = createProgress(stderr.stream);

    progress.start(2);
    progress.tick(aFailedResult());
    progress.warn('Cannot read x: no such file');
    progress.finish();

    expect(stderr.written()).toBe('precis: Cannot read x: no such file\n');
  });

  it('draws a bar with done/total, failures and rate, then the closing line, on a terminal', () => {
    const stderr = sink(true);
    let clock = 0;
    const progress = createProgress(stderr.stream, () => clock);

    progress.start(4);
    clock = 2000;
    progress.tick(aFailedResult());
    progress.tick(aFailedResult({ status: 'DONE', error: undefined }));
    progress.finish('files in out');

    expect(stderr.written()).toContain('0/4 · 0 failed · 0.0/s · ETA');
    expect(stderr.written()).toMatch(
      /precis: 1 DONE, 1 FAILED \(UNSUPPORTED_CONTENT 1\) in 2\.0 s; files in out\n$/,
    );
  });
});
