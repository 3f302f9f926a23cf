/**
 * Memory and V8 heap sizes of the functions. No CDK imports here, so benchmarks and tests use the very
 * numbers the stack deploys.
 */

/** The process function's memory; `npm run cost` shows why (cost and time per article by memory size). */
export const PROCESS_MEMORY_MB = 1536;
export const API_MEMORY_MB = 512;

/**
 * Share of a function's memory the V8 heap (old space plus the young generation) may fill; the rest is
 * Node itself, compiled code, and buffers outside the heap (the article's bytes, SDK sockets).
 */
const HEAP_SHARE = 0.75;
/** Each of the young generation's semi-spaces (V8 keeps three of this size at most). */
const SEMI_SPACE_MB = 16;
const SEMI_SPACES = 3;

export interface HeapLimits {
  readonly maxOldSpaceMb: number;
  readonly maxSemiSpaceMb: number;
}

/** The V8 heap cap for a function of `memoryMb`: V8 collects harder as it nears the cap instead of growing. */
export function heapLimitsFor(memoryMb: number): HeapLimits {
  return {
    maxOldSpaceMb: Math.floor(memoryMb * HEAP_SHARE) - SEMI_SPACES * SEMI_SPACE_MB,
    maxSemiSpaceMb: SEMI_SPACE_MB,
  };
}

/** Where the heap cap reaches the wrapper script (infra/runtime/heap-cap.sh) that applies it in Lambda. */
export const HEAP_ENV = {
  maxOldSpaceMb: 'PRECIS_MAX_OLD_SPACE_MB',
  maxSemiSpaceMb: 'PRECIS_MAX_SEMI_SPACE_MB',
} as const;

/** The same limits as Node command-line flags. */
export function heapFlags(limits: HeapLimits): string[] {
  return [`--max-old-space-size=${limits.maxOldSpaceMb}`, `--max-semi-space-size=${limits.maxSemiSpaceMb}`];
}
