/**
 * How every function is bundled, in one place without CDK imports: LambdaFunction hands these settings to
 * NodejsFunction (which runs the local esbuild), and bench:perf builds the same bundles with the esbuild API
 * to weigh them and time their cold start.
 */

import { ENV } from '#shared/config.ts';

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
 * The functions' second bundle: the HTML libraries (shared/clean/html-chunk.ts), which the process function needs
 * on its first HTML page only. The first bundle leaves the module out (`external`) and requires it by `module`;
 * the loader (infra/runtime/with-code-cache.cjs) compiles `file` beside it with `file`.cache on that first call,
 * and Node resolves the same name through the directory's package.json (PACKAGE_JSON) when the bundle is
 * `require`d without the loader (source maps on). So a cold start reads neither the libraries' code (~0.5 MB) nor
 * their bytecode in the first bundle's cache unless its article is HTML. Built with FUNCTION_BUNDLE's settings.
 */
export const HTML_CHUNK = {
  module: '#shared/clean/html-chunk.ts',
  entry: 'shared/clean/html-chunk.ts',
  file: 'html.js',
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
  /** The HTML libraries, a second bundle (HTML_CHUNK below). */
  external: [HTML_CHUNK.module] as string[],
  minify: true,
  keepNames: true,
  /** A separate index.js.map: Node reads it only with NODE_OPTIONS=--enable-source-maps. */
  sourcemap: 'linked',
  sourcesContent: false,
} as const;

/** The bundle's file name: Lambda's runtime `require`s a `.js` handler module. */
export const BUNDLE_FILE = 'index.js';

/** Every function bundle's package.json: its files are CommonJS, and the HTML chunk's name resolves to its file. */
export const PACKAGE_JSON = JSON.stringify({
  type: 'commonjs',
  imports: { [HTML_CHUNK.module]: `./${HTML_CHUNK.file}` },
});

/**
 * esbuild's command-line arguments that build the HTML chunk into `directory` from the tree at `root` (with a
 * trailing slash), with FUNCTION_BUNDLE's settings (infra/lambda-function.ts runs the local esbuild with them after
 * NodejsFunction's own build, as bench:cold-start does).
 */
export function htmlChunkBuildArguments(root: string, directory: string): string[] {
  return [
    `${root}${HTML_CHUNK.entry}`,
    '--bundle',
    `--platform=${FUNCTION_BUNDLE.platform}`,
    `--target=${FUNCTION_BUNDLE.target}`,
    `--format=${FUNCTION_BUNDLE.format}`,
    `--main-fields=${FUNCTION_BUNDLE.mainFields.join(',')}`,
    `--banner:js=${FUNCTION_BUNDLE.banner.js}`,
    ...Object.entries(FUNCTION_BUNDLE.define).map(([name, value]) => `--define:${name}=${value}`),
    `--supported:dynamic-import=${String(FUNCTION_BUNDLE.supported['dynamic-import'])}`,
    ...Object.entries(BUNDLE_ALIASES).map(([module, path]) => `--alias:${module}=${root}${path}`),
    '--minify',
    '--keep-names',
    '--sourcemap=linked',
    '--sources-content=false',
    `--outfile=${directory}/${HTML_CHUNK.file}`,
    '--log-level=warning',
  ];
}

/**
 * The pipeline's data, read from next to its bundle on first use: the NER model (shared/facts/ner/tag-entities.ts),
 * the language detector's n-gram table (shared/clean/detect-language.ts) and the summariser's word lists
 * (shared/lexicon/word-lists.ts).
 */
export const PIPELINE_DATA = {
  'models/ner.bin': 'shared/facts/ner/models/ner.bin',
  'models/language-ngrams.bin': 'shared/clean/models/language-ngrams.bin',
  'models/word-lists.json': 'shared/lexicon/models/word-lists.json',
} as const;

/**
 * The V8 code cache of every function (infra/runtime/with-code-cache.cjs says how it works): Lambda's handler
 * module is HANDLER_MODULE, a loader copied beside the bundle, which compiles index.js with index.js.cache.
 * The cache is written by CODE_CACHE_WRITER after esbuild, by the Node that builds, under the function's own
 * V8 flags (`codeCacheWriterArguments`).
 */
export const CODE_CACHE_LOADER = 'infra/runtime/with-code-cache.cjs';
export const CODE_CACHE_WRITER = 'infra/runtime/write-code-cache.cjs';
export const HANDLER_MODULE = 'with-code-cache.js';
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.cache`;

/**
 * Run on each bundle after esbuild, before its code cache is written: rewrites index.js (and its source map) as
 * pure ASCII, so V8 holds the source as a one-byte string, half the memory (the script says why and how).
 */
export const ASCII_ESCAPER = 'infra/runtime/escape-non-ascii.cjs';

/**
 * What the process function runs before its cache is taken (its `warmUp` export): fixtures in three formats
 * (HTML, JSON, Markdown), never the seed article that bench:cold-start times as a cold start's first article.
 */
export const WARM_UP_INPUTS = [
  'tests/fixtures/clean/article.html',
  'tests/fixtures/clean/article.json',
  'tests/fixtures/clean/article.md',
] as const;

/**
 * Enough environment for every function's module to load while the cache is written (config is read at
 * import); placeholders, nothing is called. The optional names are set too, so the module loads as in Lambda.
 */
export const CODE_CACHE_ENV = {
  AWS_REGION: 'us-east-1',
  [ENV.tableName]: 'code-cache',
  [ENV.idempotencyTableName]: 'code-cache',
  [ENV.bucketName]: 'code-cache',
  [ENV.eventBusName]: 'code-cache',
  [ENV.processQueueUrl]: 'https://sqs.us-east-1.amazonaws.com/000000000000/code-cache',
  [ENV.deadLetterQueueUrl]: 'https://sqs.us-east-1.amazonaws.com/000000000000/code-cache',
  [ENV.backfillStateMachineArn]: 'arn:aws:states:us-east-1:000000000000:stateMachine:code-cache',
} as const;

/**
 * Node's arguments that write the code cache of the bundle in `directory` (HANDLER_MODULE already copied
 * there): the function's V8 flags (`v8Flags`, as its runtime wrapper passes them in Lambda), the writer,
 * and the warm-up inputs, all paths absolute.
 */
export function codeCacheWriterArguments(
  root: string,
  directory: string,
  v8Flags: readonly string[],
  warmUp: readonly string[],
): string[] {
  return [...v8Flags, `${root}${CODE_CACHE_WRITER}`, directory, ...warmUp.map((input) => `${root}${input}`)];
}
