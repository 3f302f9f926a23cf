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

/**
 * V8 flags every function runs with, passed by the same wrapper script in Lambda (`V8_FLAGS_ENV`), and by
 * bench:cold-start to the processes it times. `--no-regexp-tier-up`: V8 compiles each regular expression to
 * native code on its first run, instead of interpreting its bytecode once and compiling it again on the
 * second; the pipeline runs a few hundred expressions over each article, and interpreting them over the
 * whole text once cost a fresh process's first article about 100 ms of CPU more than compiling them
 * (interleaved fresh processes, README Performance). Warm runs use native code either way.
 */
export const V8_FLAGS: readonly string[] = ['--no-regexp-tier-up'];
export const V8_FLAGS_ENV = 'PRECIS_V8_FLAGS';

/**
 * Node options every function runs with in Lambda, passed by the wrapper with V8_FLAGS (the CLI keeps Node's
 * defaults). `--v8-pool-size=1`: one thread for V8's background work (compiling, concurrent GC) instead of
 * four. A function has less than one vCPU below 1,769 MB, so more threads add no parallelism there, and each
 * thread that wakes for its first task touches memory of its own (its stack, a malloc arena): a cold start's
 * first article about 500-750 fewer page faults (README Performance). Node's option, not V8's: no part of the
 * flag hash V8 checks a code cache against.
 */
export const LAMBDA_NODE_OPTIONS: readonly string[] = ['--v8-pool-size=1'];

/** The same limits as Node command-line flags. */
export function heapFlags(limits: HeapLimits): string[] {
  return [`--max-old-space-size=${limits.maxOldSpaceMb}`, `--max-semi-space-size=${limits.maxSemiSpaceMb}`];
}

/**
 * The V8 flags on the Node.js runtime's own command line in Lambda: its bootstrap starts
 * `node --expose-gc --max-http-header-size 81920` with heap flags (which our wrapper replaces). V8 refuses a
 * code cache written under other V8 flags (`--expose-gc` is one; Node's `--max-http-header-size` is not), so
 * the build writes the functions' caches under these too, and bench:cold-start starts its processes with them.
 */
export const RUNTIME_V8_FLAGS: readonly string[] = ['--expose-gc'];

/**
 * Every flag a function's Node runs with in Lambda: its heap cap, V8_FLAGS, LAMBDA_NODE_OPTIONS and the
 * runtime's own.
 */
export function lambdaNodeFlags(memoryMb: number): string[] {
  return [...heapFlags(heapLimitsFor(memoryMb)), ...V8_FLAGS, ...LAMBDA_NODE_OPTIONS, ...RUNTIME_V8_FLAGS];
}
