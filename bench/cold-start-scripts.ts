/**
 * The scripts bench:cold-start runs in its fresh Node processes (`node -e`), each printing one JSON line. Every
 * phase is measured with `process.resourceUsage()`: CPU time of the whole process (user + system, every thread:
 * V8 compiles and collects garbage on background threads too), system time alone, and minor page faults (each
 * page of memory the process touches for the first time costs one; on a VM such as Lambda's Firecracker microVMs
 * a fault costs ~15-20 us, so memory touched at init is CPU spent), beside the main thread's CPU (Linux) and wall
 * time.
 */

/** What a phase took, as the fresh process prints it. */
export interface Figures {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly mainThreadMs?: number;
  readonly systemMs: number;
  readonly minorFaults: number;
}

/** The helpers both scripts share: `usage()` now, and `since(before)` the Figures-like difference. */
const USAGE_HELPERS = `const usage = () => { const { userCPUTime, systemCPUTime, minorPageFault } = process.resourceUsage(); return { userCPUTime, systemCPUTime, minorPageFault }; };
const since = (before) => { const now = usage(); return { cpuMs: (now.userCPUTime + now.systemCPUTime - before.userCPUTime - before.systemCPUTime) / 1000, systemMs: (now.systemCPUTime - before.systemCPUTime) / 1000, minorFaults: now.minorPageFault - before.minorPageFault }; };`;

/**
 * Imports the bundle and prints what the import took (module init); then, when the bundle exports
 * processArticle, what a first article took (the seed): what the first invocation of a cold container pays
 * beyond the init. When it exports loadModels too (the process bundle), the models and tables the first article
 * would load on first use are loaded and timed first (`models`), so the first article is the rest of it: V8
 * compiling and running the pipeline's code for the first time, its regular expressions, GC. `nodeStart` is what
 * the process spent before the script ran (Node's own start). A `.js` bundle is CommonJS and loaded with
 * `require`, as Lambda's runtime loads one.
 */
export const IMPORT_SCRIPT = `const nodeStart = process.resourceUsage();
${USAGE_HELPERS}
const { readFileSync } = process.getBuiltinModule('node:fs');
const mainThreadMs = () => { try { return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6; } catch { return undefined; } };
const measure = async (run) => { const before = usage(); const main = mainThreadMs(); const wall = performance.now(); const value = await run();
  return { value, ...since(before), wallMs: performance.now() - wall, mainThreadMs: main === undefined ? undefined : mainThreadMs() - main }; };
const bundlePath = process.argv[1];
const init = await measure(() => bundlePath.endsWith('.js')
  ? process.getBuiltinModule('node:module').createRequire(import.meta.url)(process.getBuiltinModule('node:url').fileURLToPath(bundlePath))
  : import(bundlePath));
const bundle = init.value;
let models;
let first;
if (bundle.loadModels) models = await measure(() => bundle.loadModels());
if (bundle.processArticle) {
  const bytes = readFileSync(process.argv[2]);
  first = await measure(() => bundle.processArticle({ id: 'seed', source: { bucket: 'b', key: 'incoming/seed' + process.getBuiltinModule('node:path').extname(process.argv[2]), bytes: bytes.length }, bytes }, {}));
}
const figures = (measured) => { if (measured === undefined) return undefined; const { value, ...rest } = measured; return rest; };
console.log(JSON.stringify({ nodeStartCpuMs: (nodeStart.userCPUTime + nodeStart.systemCPUTime) / 1000, nodeStartMinorFaults: nodeStart.minorPageFault,
  init: figures(init), models: figures(models), first: figures(first), codeCache: bundle.codeCache }));`;

/**
 * Reads the bundle beside the loader and its code cache, and compiles it as the loader does
 * (infra/runtime/with-code-cache.cjs: the same source string read the same way, its `wrappedSource`, so V8
 * accepts the cache and the same memory is touched) without running it: the cost of the cache before any of the
 * bundle's code runs.
 */
export const DESERIALISE_SCRIPT = `${USAGE_HELPERS}
const { closeSync, fstatSync, openSync, readSync } = require('node:fs');
const filename = process.argv[1];
const readInto = (fd, buffer, offset, length) => { let read = 0; while (read < length) { const count = readSync(fd, buffer, offset + read, length - read, read); if (count === 0) break; read += count; } return read; };
let before = usage();
const head = Buffer.from('(function (exports, require, module, __filename, __dirname) {');
const tail = Buffer.from('\\n})');
const fd = openSync(filename, 'r');
const cache = openSync(filename + '.cache', 'r');
const size = fstatSync(fd).size;
const cacheSize = fstatSync(cache).size;
const buffer = Buffer.allocUnsafe(Math.max(head.length + size + tail.length, cacheSize));
head.copy(buffer, 0);
const bundleRead = readInto(fd, buffer, head.length, size);
const text = buffer.subarray(0, head.length + bundleRead + tail.copy(buffer, head.length + bundleRead));
const source = text.toString(require('node:buffer').isAscii(text) ? 'latin1' : 'utf8');
const cachedData = buffer.subarray(0, readInto(cache, buffer, 0, cacheSize));
closeSync(fd);
closeSync(cache);
const read = since(before);
before = usage();
const script = new (require('node:vm').Script)(source, { filename, cachedData });
const deserialised = since(before);
console.log(JSON.stringify({ readMs: read.cpuMs, readMinorFaults: read.minorFaults, deserialiseMs: deserialised.cpuMs, deserialiseMinorFaults: deserialised.minorFaults, rejected: script.cachedDataRejected }));`;
