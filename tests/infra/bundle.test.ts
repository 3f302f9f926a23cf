import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_NGRAMS_FILE } from '#shared/clean/detect-language.ts';
import { ENV } from '#shared/config.ts';
import { readModelHeader } from '#shared/facts/ner/model-file.ts';
import { WORD_LISTS_FILE, wordLists } from '#shared/lexicon/word-lists.ts';
import {
  BUNDLE_FILE,
  CODE_CACHE_FILE,
  HANDLER_MODULE,
  HTML_CHUNK,
  PACKAGE_JSON,
  WARM_UP_INPUTS,
} from '../../infra/bundling.ts';
import { API_MEMORY_MB, lambdaNodeFlags, PROCESS_MEMORY_MB } from '../../infra/function-sizing.ts';
import { PrecisStack } from '../../infra/precis-stack.ts';
import { createTestApp } from './synth.ts';

type FunctionResource = { Properties: { Code: { S3Key?: string }; Handler: string } };

/** Enough environment for a handler module to finish loading (config is read at import). */
const LOAD_ENV = {
  AWS_REGION: 'us-east-1',
  [ENV.tableName]: 'results',
  [ENV.bucketName]: 'articles',
  [ENV.idempotencyTableName]: 'idempotency',
};
/** The committed NER model is about a megabyte; a stub or an empty file would be far smaller. */
const MIN_MODEL_BYTES = 500_000;
/** Issue 12's budget for the process bundle's code (data and source map beside it not counted). */
const MAX_PROCESS_CODE_BYTES = 2_000_000;
/**
 * Loads a module in a fresh Node as Lambda's runtime loads a `.js` handler module, with `require`, and
 * prints the type of its `handler` export and what became of its code cache.
 */
const REQUIRE_SCRIPT =
  'const m = require(process.argv[1]); console.log(JSON.stringify({ handler: typeof m.handler, codeCache: m.codeCache }));';
/** The V8 flags each function runs with in Lambda (the runtime's, and ours that its wrapper adds). */
const FUNCTION_FLAGS: Record<string, string[]> = {
  ProcessFunction: lambdaNodeFlags(PROCESS_MEMORY_MB),
  ApiFunction: lambdaNodeFlags(API_MEMORY_MB),
};

let synthesised: { outdir: string; template: Template; dispose: () => void };

beforeAll(() => {
  const { app, outdir, dispose } = createTestApp({ bundling: true });
  const stack = new PrecisStack(app, 'Precis', { env: { region: 'us-east-1' } });
  synthesised = { outdir, template: Template.fromStack(stack), dispose };
}, 120_000);
afterAll(() => synthesised.dispose());

function resourceOf(functionId: string): FunctionResource | undefined {
  const [resource] = Object.entries(synthesised.template.findResources('AWS::Lambda::Function'))
    .filter(([logicalId]) => logicalId.startsWith(functionId))
    .map(([, r]) => r as FunctionResource);
  return resource;
}

function bundleOf(functionId: string): string {
  const resource = resourceOf(functionId);
  const assetHash = resource?.Properties.Code.S3Key?.replace(/\.zip$/, '');
  if (assetHash === undefined) throw new Error(`No bundled asset for ${functionId}`);
  return join(synthesised.outdir, `asset.${assetHash}`, BUNDLE_FILE);
}

/**
 * Node's modules the process bundle's own init loads (process.moduleLoadList), which the loader does not require
 * before it (infra/runtime/with-code-cache.cjs, NODE_MODULES): small ones, each compiled when first used.
 */
const NODE_MODULES_LEFT_TO_THE_BUNDLE = [
  'NativeModule internal/crypto/webcrypto',
  'NativeModule internal/navigator',
  'NativeModule process',
];

describe('function bundles', () => {
  it("requires Node's modules that the process bundle loads at init before it, under V8's default flags", () => {
    const handlerModule = join(bundleOf('ProcessFunction'), '..', HANDLER_MODULE);
    const loadList = (script: string) =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [...(FUNCTION_FLAGS.ProcessFunction ?? []), '-e', script, handlerModule],
          {
            cwd: synthesised.outdir,
            env: { PATH: process.env.PATH, ...LOAD_ENV },
            encoding: 'utf8',
          },
        ),
      ) as { loaded: string[]; nodeModules: string[] };
    const { loaded, nodeModules } = loadList(
      'const m = require(process.argv[1]); console.log(JSON.stringify({ loaded: process.moduleLoadList, nodeModules: m.nodeModules }));',
    );
    // The loader's own modules and NODE_MODULES, in a process that loads no bundle.
    const before = loadList(
      `for (const id of ['node:buffer', 'node:fs', 'node:module', 'node:path', 'node:v8', 'node:vm', ...${JSON.stringify(nodeModules)}]) require(id); console.log(JSON.stringify({ loaded: process.moduleLoadList }));`,
    ).loaded;

    expect(
      loaded.filter((entry) => entry.startsWith('NativeModule') && !before.includes(entry)).sort(),
    ).toEqual(NODE_MODULES_LEFT_TO_THE_BUNDLE);
  });

  it.each(['ProcessFunction', 'ApiFunction'])(
    'bundles %s into one CommonJS file that Node loads with no node_modules around it',
    (functionId) => {
      const bundle = bundleOf(functionId);

      const load = (module: string, flags: readonly string[]) =>
        JSON.parse(
          execFileSync(process.execPath, [...flags, '-e', REQUIRE_SCRIPT, module], {
            cwd: synthesised.outdir,
            env: { PATH: process.env.PATH, ...LOAD_ENV },
            encoding: 'utf8',
          }),
        ) as { handler: string; codeCache?: string };

      expect(load(bundle, [])).toEqual({ handler: 'function' });
      // Lambda requires the loader, which compiles the bundle with the code cache written at build time,
      // under the function's V8 flags; under other flags V8 refuses the cache and the bundle compiles as usual.
      expect(resourceOf(functionId)?.Properties.Handler).toBe('with-code-cache.handler');
      const handlerModule = join(bundle, '..', HANDLER_MODULE);
      expect(statSync(join(bundle, '..', CODE_CACHE_FILE)).size).toBeGreaterThan(0);
      expect(load(handlerModule, FUNCTION_FLAGS[functionId] ?? [])).toEqual({
        handler: 'function',
        codeCache: 'accepted',
      });
      expect(load(handlerModule, ['--no-opt'])).toEqual({ handler: 'function', codeCache: 'rejected' });
      // Node takes index.js for CommonJS wherever the asset is unpacked, even under a "type": "module", and
      // resolves the HTML chunk's name to its file.
      expect(JSON.parse(readFileSync(join(bundle, '../package.json'), 'utf8'))).toEqual(
        JSON.parse(PACKAGE_JSON),
      );
      // The source map is a file of its own, read only with NODE_OPTIONS=--enable-source-maps.
      expect(existsSync(`${bundle}.map`)).toBe(true);
      expect(readFileSync(bundle, 'utf8')).not.toContain('sourceMappingURL=data:');
      // The runtime wrapper that applies the heap cap: Lambda refuses to start one that is not executable.
      expect(statSync(join(bundle, '../heap-cap.sh')).mode & 0o111).toBe(0o111);
    },
  );
});

describe('the process bundle', () => {
  // Its size is a budget of issue 12, reported by `npm run bench:perf` beside a minimal SDK-only bundle.
  it('ships the NER model beside the code as data, not inside it', () => {
    const bundle = bundleOf('ProcessFunction');
    const modelFile = join(bundle, '../models/ner.bin');
    const model = readModelHeader(readFileSync(modelFile));

    expect(statSync(modelFile).size).toBeGreaterThan(MIN_MODEL_BYTES);
    // The model's first weights, as they would read inlined in the bundle.
    expect(readFileSync(bundle, 'utf8')).not.toContain(model.transitions.slice(0, 12).join(','));
  });

  it("leaves out the Result's zod schemas, which only the api function validates with (shared/result-values.ts)", () => {
    // Each schema of shared/result.ts carries its OpenAPI id: none is in the process bundle, all are in the api's.
    expect(readFileSync(bundleOf('ProcessFunction'), 'utf8')).not.toContain('id:"ArticleSummary"');
    expect(readFileSync(bundleOf('ApiFunction'), 'utf8')).toContain('id:"ArticleSummary"');
  });

  it('is pure ASCII, so V8 holds its source as a one-byte string (infra/runtime/escape-non-ascii.cjs)', () => {
    const code = readFileSync(bundleOf('ProcessFunction'), 'utf8');

    expect(code).not.toMatch(/[\u0080-\uffff]/);
    expect(readFileSync(join(bundleOf('ProcessFunction'), '..', HTML_CHUNK.file), 'utf8')).not.toMatch(
      /[\u0080-\uffff]/,
    );
    // esbuild leaves non-ASCII characters in regular-expression literals: the escaper wrote them as escapes.
    expect(code).toContain('\\u2019');
  });

  it('ships the language detector’s n-gram table beside the code, and stays within 2 MB of code', () => {
    const bundle = bundleOf('ProcessFunction');

    expect(readFileSync(join(bundle, '../models/language-ngrams.bin'))).toEqual(
      readFileSync(LANGUAGE_NGRAMS_FILE),
    );
    expect(statSync(bundle).size).toBeLessThanOrEqual(MAX_PROCESS_CODE_BYTES);
  });

  it("ships the summariser's word lists beside the code as data, not inside it", () => {
    const bundle = bundleOf('ProcessFunction');
    const [first, second] = wordLists().verbs;

    expect(readFileSync(join(bundle, '../models/word-lists.json'))).toEqual(readFileSync(WORD_LISTS_FILE));
    // The lists' first verbs, as they would read inlined in the bundle.
    expect(readFileSync(bundle, 'utf8')).not.toContain(`"${first}","${second}"`);
  });

  it('holds the stubs of infra/bundling.ts’s aliases, not the modules they replace', () => {
    const code = readFileSync(bundleOf('ProcessFunction'), 'utf8');
    const html = readFileSync(join(bundleOf('ProcessFunction'), '..', HTML_CHUNK.file), 'utf8');

    expect(html).toContain('The function bundles leave out CSS parsing');
    // A name from cssomnom's property tables.
    expect(html).not.toContain('logicalLonghands');
    // A message of the SDK's default credential chain.
    expect(code).not.toContain('defaultProvider::fromSSO');
    // Node builtins are required, never imported as ES modules (supported: { 'dynamic-import': false }).
    expect(code).not.toMatch(/\bimport\("node:/);
  });
});

/** Loads the handler module, warms it up on each file given, and prints what became of each bundle file's cache. */
const WARM_SCRIPT = `const m = require(process.argv[1]);
for (const file of process.argv.slice(2)) m.warmUp(require('node:fs').readFileSync(file), require('node:path').basename(file));
console.log(JSON.stringify(m.codeCaches()));`;

describe('the process bundle’s HTML libraries', () => {
  const caches = (inputs: readonly string[]) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          ...(FUNCTION_FLAGS.ProcessFunction ?? []),
          '-e',
          WARM_SCRIPT,
          join(bundleOf('ProcessFunction'), '..', HANDLER_MODULE),
          ...inputs.map((input) => fileURLToPath(new URL(`../../${input}`, import.meta.url))),
        ],
        { cwd: synthesised.outdir, env: { PATH: process.env.PATH, ...LOAD_ENV }, encoding: 'utf8' },
      ),
    ) as Record<string, string>;
  const html = WARM_UP_INPUTS.filter((input) => input.endsWith('.html'));
  const others = WARM_UP_INPUTS.filter((input) => !input.endsWith('.html'));

  it('are a second bundle, compiled with its own code cache on the first HTML page only', () => {
    expect(html.length).toBeGreaterThan(0);
    expect(
      statSync(join(bundleOf('ProcessFunction'), '..', `${HTML_CHUNK.file}.cache`)).size,
    ).toBeGreaterThan(0);

    expect(caches(others)).toEqual({ 'index.js': 'accepted' });
    expect(caches([...others, ...html])).toEqual({ 'index.js': 'accepted', 'html.js': 'accepted' });
  });
});
