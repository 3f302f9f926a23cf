/**
 * Reading callgrind's output: each file it writes (one per dump, `--dump-before` or the end of the program) is
 * one part of the run, with its number (`part:`), what triggered it (`desc: Trigger: ...`) and the events it
 * counted (`events: Ir ...`, their sums on a `summary:` line in the header and a `totals:` line at the end). bench:instructions reads only
 * the instructions (`Ir`) of each part.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CallgrindPart {
  /** 1 for the first dump; the end of the program is the last. */
  readonly part: number;
  readonly trigger: string;
  /** Instructions executed in the part (event `Ir`), by every thread of the process. */
  readonly instructions: number;
}

export class CallgrindOutputError extends Error {
  override readonly name = 'CallgrindOutputError';
}

const headerValue = (text: string, key: string): string | undefined =>
  new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(text)?.[1]?.trim();

/** The part number, trigger and instruction count in the header and totals of one callgrind output file. */
export function parseCallgrindPart(text: string): CallgrindPart {
  const events = headerValue(text, 'events')?.split(/\s+/);
  const totals = (headerValue(text, 'summary') ?? headerValue(text, 'totals'))?.split(/\s+/);
  const index = events?.indexOf('Ir') ?? -1;
  if (events === undefined || totals === undefined || index < 0)
    throw new CallgrindOutputError('not a callgrind output file with Ir totals (events: and totals: lines)');
  const instructions = Number(totals[index]);
  if (!Number.isSafeInteger(instructions))
    throw new CallgrindOutputError(`unreadable Ir total ${totals[index]} in "${totals.join(' ')}"`);
  const part = Number(headerValue(text, 'part') ?? 1);
  const trigger = headerValue(text, 'desc: Trigger') ?? '';
  return { part, trigger, instructions };
}

/** Every part of the one run whose files are in `directory`, in order. */
export function readCallgrindParts(directory: string): CallgrindPart[] {
  return readdirSync(directory)
    .filter((name) => name.startsWith('callgrind.out'))
    .map((name) => parseCallgrindPart(readFileSync(join(directory, name), 'utf8')))
    .sort((a, b) => a.part - b.part);
}
