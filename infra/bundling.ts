/**
 * How every function is bundled, in one place without CDK imports: LambdaFunction hands these settings to
 * NodejsFunction (which runs the local esbuild), and bench:perf builds the same bundles with the esbuild API
 * to weigh them and time their cold start.
 */

/**
 * Lets bundled CommonJS dependencies call `require` inside the ESM bundle: esbuild's `__require` shim
 * looks for a `require` in scope and otherwise throws "Dynamic require of ... is not supported" (linkedom,
 * for one, requires `fs` and `canvas` lazily).
 */
export const REQUIRE_SHIM =
  "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);";

/** The esbuild settings NodejsFunction uses for our bundles (ESM, minified, external source map). */
export const FUNCTION_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'] as string[],
  banner: { js: REQUIRE_SHIM },
  minify: true,
  keepNames: true,
  /** A separate index.mjs.map: Node reads it only with NODE_OPTIONS=--enable-source-maps. */
  sourcemap: 'linked',
  sourcesContent: false,
} as const;

/**
 * The pipeline's data, read from next to its bundle on first use: the NER model (shared/facts/ner/tag-entities.ts)
 * and the language detector's n-gram table (shared/clean/detect-language.ts).
 */
export const PIPELINE_DATA = {
  'models/ner.bin': 'shared/facts/ner/models/ner.bin',
  'models/language-ngrams.bin': 'shared/clean/models/language-ngrams.bin',
} as const;
