import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallgrindOutputError, parseCallgrindPart, readCallgrindParts } from '../../bench/callgrind.ts';

/** The head of a file callgrind 3.19 writes on `--dump-before`, and the end of its body. */
const dumped = (part: number, trigger: string, instructions: number) => `# callgrind format
version: 1
creator: callgrind-3.19.0
pid: 16722
cmd:  /usr/bin/node --no-regexp-tier-up driver.ts
part: ${part}


desc: I1 cache: 
desc: D1 cache: 
desc: LL cache: 

desc: Timerange: Basic block 642774298 - 1762687988
desc: Trigger: ${trigger}

positions: line
events: Ir
summary: ${instructions}


ob=(1) /usr/bin/node
fl=(1) ???
fn=(1) 0x0000000000e2a1c0
0 12

totals: ${instructions}
`;

describe('parseCallgrindPart', () => {
  it('reads the part, its trigger and its instructions', () => {
    expect(parseCallgrindPart(dumped(2, '--dump-before=uv_os_getpriority', 5_113_907_770))).toEqual({
      part: 2,
      trigger: '--dump-before=uv_os_getpriority',
      instructions: 5_113_907_770,
    });
  });

  it('reads Ir among other events, from totals when there is no summary line', () => {
    const text = 'events: Dr Ir Dw\npart: 4\ndesc: Trigger: Program termination\ntotals: 10 2751467 30\n';
    expect(parseCallgrindPart(text)).toEqual({
      part: 4,
      trigger: 'Program termination',
      instructions: 2_751_467,
    });
  });

  it('refuses a file without instruction totals', () => {
    expect(() => parseCallgrindPart('events: Dr\nsummary: 12\n')).toThrow(CallgrindOutputError);
    expect(() => parseCallgrindPart('# callgrind format\n')).toThrow(CallgrindOutputError);
    expect(() => parseCallgrindPart('events: Ir\nsummary: many\n')).toThrow(/unreadable Ir total/);
  });
});

describe('readCallgrindParts', () => {
  it('reads the files of one run in part order, ignoring other files', () => {
    const directory = mkdtempSync(join(tmpdir(), 'callgrind-test-'));
    try {
      writeFileSync(join(directory, 'callgrind.out.77'), dumped(3, 'Program termination', 30));
      writeFileSync(join(directory, 'callgrind.out.77.2'), dumped(2, '--dump-before=f', 20));
      writeFileSync(join(directory, 'callgrind.out.77.1'), dumped(1, '--dump-before=f', 10));
      writeFileSync(join(directory, 'notes.txt'), 'not callgrind');
      expect(readCallgrindParts(directory).map(({ part, instructions }) => [part, instructions])).toEqual([
        [1, 10],
        [2, 20],
        [3, 30],
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
