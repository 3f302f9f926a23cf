/**
 * How every function is bundled, in one place without CDK imports: LambdaFunction hands these settings to
 * NodejsFunction (which runs the local esbuild), and bench:perf builds the same bundles with the esbuild API
 * to weigh them and time their cold start.
 */

/**
 * The bundle's own file URL, for the modules that read data from next to themselves
 * (`new URL('./models/ner.bin', import.meta.url)`): esbuild leaves `import.meta` empty in a CommonJS bundle,
 * so `import.meta.url` is defined as this, set by the banner.
 */
const IMPORT_META_URL = '__precisImportMetaUrl';
export const IMPORT_META_URL_BANNER = `const ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;`;

/**
 * Modules replaced in the bundles, for the cold start (each stub says why): linkedom's CSS parser, which
 * precis never calls, by one that throws; the SDK's default credential chain by its first link, the
 * environment, where Lambda puts the function role's credentials. Paths from the repository's root.
 */
export const BUNDLE_ALIASES = {
  'cssomnom/parse': 'infra/bundle-stubs/cssomnom-parse.ts',
  '@aws-sdk/credential-provider-node': 'infra/bundle-stubs/credentials-from-environment.ts',
} as const;

/**
 * The esbuild settings NodejsFunction uses for our bundles: one minified CommonJS file, index.js, with an
 * external source map. CommonJS rather than ESM for the cold start: an ES module's `import` of a Node
 * builtin makes Node build its ESM facade, which reads every export, and some exports are lazy getters:
 * `node:http`'s WebSocket loads undici (~60 ms of CPU), `node:fs`'s ReadStream the streams. `require` reads
 * none of them. Measured with callgrind on the process bundle, init plus first article: 3.49 G instructions
 * as ESM, 3.35 G as CommonJS (-4%).
 */
export const FUNCTION_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  mainFields: ['module', 'main'] as string[],
  banner: { js: IMPORT_META_URL_BANNER },
  define: { 'import.meta.url': IMPORT_META_URL },
  /**
   * `import()` of a Node builtin as `require`: an ES module's import of a builtin builds its ESM facade, which
   * reads every export (see above); the SDK's HTTP handler imports `node:http` so for its first request to an
   * `http://` endpoint (the local emulators: on AWS the endpoints are https, imported up front), which loaded
   * undici in the first invocation.
   */
  supported: { 'dynamic-import': false },
  /** esbuild resolves an alias's replacement from its working directory, the repository's root. */
  alias: Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([module, path]) => [module, `./${path}`])),
  minify: true,
  keepNames: true,
  /** A separate index.js.map: Node reads it only with NODE_OPTIONS=--enable-source-maps. */
  sourcemap: 'linked',
  sourcesContent: false,
} as const;

/** The bundle's file name: Lambda's runtime `require`s a `.js` handler module. */
export const BUNDLE_FILE = 'index.js';

/**
 * The pipeline's data, read from next to its bundle on first use: the NER model (shared/facts/ner/tag-entities.ts)
 * and the language detector's n-gram table (shared/clean/detect-language.ts).
 */
export const PIPELINE_DATA = {
  'models/ner.bin': 'shared/facts/ner/models/ner.bin',
  'models/language-ngrams.bin': 'shared/clean/models/language-ngrams.bin',
} as const;
