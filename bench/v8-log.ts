/**
 * Reads a V8 log written with `--log-code --log-deopt` (the `--logfile`) into TurboFan compiles and
 * deoptimisations per function, for bench:deopts. Positions in the log are those of the running script (a
 * minified bundle); `resolve` maps each to the source it came from (through the bundle's source map).
 */

/** A place in the source: a file (relative to the tree), a 1-based line and the name of the function there. */
export interface SourcePlace {
  readonly file: string;
  readonly line: number;
  readonly name: string;
}

/** Maps a log position (`file:///dist/chunk.mjs:LINE:COLUMN`, 1-based) to its source, if known. */
export type Resolve = (location: string) => SourcePlace | undefined;

/** One function's TurboFan compiles and deoptimisations over the run. */
export interface FunctionDeopts {
  /** `file name` (functions of one name in one file counted together, so that two trees compare; `file:line
   * (anonymous)` for a function without a name), or the log's own name and position when the source is unknown. */
  readonly key: string;
  compiles: number;
  deopts: number;
  /** Deoptimisations by V8's reason (`wrong map`, `not a Smi`, ...). */
  readonly reasons: Map<string, number>;
  /** Deoptimisations by where they happened (the innermost inlined position, resolved), with their reason. */
  readonly points: Map<string, number>;
}

/** The whole run: per function, and the totals. */
export interface DeoptLog {
  readonly functions: Map<string, FunctionDeopts>;
  readonly compiles: number;
  readonly deopts: number;
  readonly reasons: Map<string, number>;
}

/** TurboFan's code kind in `code-creation` lines is marked by this state (`~` bytecode, `^` Sparkplug). */
const TURBOFAN_STATE = '*';

const increment = (counts: Map<string, number>, key: string, by = 1): void => {
  counts.set(key, (counts.get(key) ?? 0) + by);
};

/** V8 escapes commas inside a field as `\x2C`. */
const unescapeField = (field: string): string => field.replaceAll('\\x2C', ',');

/** `name file:line:column` of a code-creation line: the position is the last space-separated word. */
function functionKey(nameAndPosition: string, resolve: Resolve): string {
  const space = nameAndPosition.lastIndexOf(' ');
  const position = space < 0 ? '' : nameAndPosition.slice(space + 1);
  const place = position === '' ? undefined : resolve(position);
  if (place === undefined) return nameAndPosition.trim() || '(anonymous)';
  // Anonymous functions are told apart by their line (which moves when the file changes).
  return place.name.startsWith('(')
    ? `${place.file}:${place.line} ${place.name}`
    : `${place.file} ${place.name}`;
}

/** The innermost position of a deopt's location (`<a> inlined at <b> ...`), resolved to `file:line`. */
function deoptPoint(location: string, resolve: Resolve): string {
  const innermost = /^<([^>]*)>/.exec(location)?.[1] ?? location;
  const place = resolve(innermost);
  return place === undefined ? innermost : `${place.file}:${place.line}`;
}

/** Counts TurboFan compiles and deoptimisations per function in the text of a V8 log. */
export function readDeoptLog(text: string, resolve: Resolve): DeoptLog {
  const functions = new Map<string, FunctionDeopts>();
  const byAddress = new Map<string, FunctionDeopts>();
  const reasons = new Map<string, number>();
  let compiles = 0;
  let deopts = 0;
  const entry = (key: string): FunctionDeopts => {
    let found = functions.get(key);
    if (found === undefined) {
      found = { key, compiles: 0, deopts: 0, reasons: new Map(), points: new Map() };
      functions.set(key, found);
    }
    return found;
  };
  for (const line of text.split('\n')) {
    const fields = line.split(',');
    if (fields[0] === 'code-creation' && fields[1] === 'JS' && fields.at(-1) === TURBOFAN_STATE) {
      // code-creation,JS,kind,time,address,size,name position,sfi,state
      const counts = entry(functionKey(unescapeField(fields[6] ?? ''), resolve));
      counts.compiles++;
      compiles++;
      byAddress.set(fields[4] ?? '', counts);
    } else if (fields[0] === 'code-move') {
      // code-move,from,to
      const moved = byAddress.get(fields[1] ?? '');
      if (moved !== undefined) byAddress.set(fields[2] ?? '', moved);
    } else if (fields[0] === 'code-deopt') {
      // code-deopt,time,size,address,inlining id,script offset,kind,location,reason
      const reason = unescapeField(fields.slice(8).join(','));
      const counts = byAddress.get(fields[3] ?? '') ?? entry('(unknown code)');
      counts.deopts++;
      increment(counts.reasons, reason);
      increment(counts.points, `${deoptPoint(unescapeField(fields[7] ?? ''), resolve)} ${reason}`);
      increment(reasons, reason);
      deopts++;
    }
  }
  return { functions, compiles, deopts, reasons };
}

/** The functions by compiles, then deopts, most first. */
export const byChurn = (log: DeoptLog): FunctionDeopts[] =>
  [...log.functions.values()].sort(
    (a, b) => b.compiles - a.compiles || b.deopts - a.deopts || a.key.localeCompare(b.key),
  );

/** `wrong map 3, not a Smi 1`: counts, most first. */
export const formatCounts = (counts: ReadonlyMap<string, number>): string =>
  [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([what, count]) => `${what} ${count}`)
    .join(', ');

/** The name of the function that starts at `column` of `line` (a declaration, a method, an assigned arrow). */
export function functionNameAt(line: string, column: number): string {
  const declared = /^([A-Za-z_$][\w$]*)\s*[(<]/.exec(line.slice(column));
  if (declared) return declared[1] as string;
  const before = line.slice(0, column);
  const assigned = /([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s*)?(?:function\s*\*?\s*)?$/.exec(before);
  if (assigned) return assigned[1] as string;
  const callee = /\.?([A-Za-z_$][\w$]*)\(\s*(?:[\w$.]+,\s*)*$/.exec(before);
  return callee ? `(callback of ${callee[1]})` : '(anonymous)';
}
