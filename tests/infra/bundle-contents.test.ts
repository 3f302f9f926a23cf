import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { processArticle } from '#shared/process-article.ts';
import {
  BUNDLE_FILE,
  FUNCTION_BUNDLE,
  HTML_CHUNK,
  htmlChunkBuildArguments,
  PACKAGE_JSON,
  PIPELINE_DATA,
} from '../../infra/bundling.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PRESIGNERS = ['@aws-sdk/s3-presigned-post', '@aws-sdk/s3-request-presigner'];
const STEP_FUNCTIONS = '@aws-sdk/client-sfn';
/** The SDK's default credential chain and the links past the environment it brings. */
/** The HTML libraries, which the process function's second bundle holds. */
const HTML_LIBRARIES = ['linkedom', '@mozilla/readability', 'htmlparser2', 'entities'];
const CREDENTIAL_CHAIN = [
  '@aws-sdk/credential-provider-node',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/nested-clients',
  '@smithy/credential-provider-imds',
];

/** The npm packages a function's bundle holds code of, built as the stack builds it. */
async function buildPackagesIn(entry: string): Promise<Set<string>> {
  const { metafile } = await build({
    ...FUNCTION_BUNDLE,
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: BUNDLE_FILE,
    write: false,
    metafile: true,
  });
  const packages = Object.values(metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1])
    .filter((name) => name !== undefined);
  return new Set(packages);
}

const packagesByEntry = new Map<string, Promise<Set<string>>>();

/** `buildPackagesIn`, built once per entry for the whole file: several tests read the same bundle. */
function packagesIn(entry: string): Promise<Set<string>> {
  let packages = packagesByEntry.get(entry);
  if (packages === undefined) {
    packages = buildPackagesIn(entry);
    packagesByEntry.set(entry, packages);
  }
  return packages;
}

describe('what the function bundles hold', () => {
  it('leaves the presigners and the Step Functions client out of the process bundle', async () => {
    const packages = await packagesIn('functions/process.ts');

    expect(packages).toContain('@aws-sdk/client-s3');
    for (const name of [...PRESIGNERS, STEP_FUNCTIONS]) expect(packages).not.toContain(name);
  }, 120_000);

  it('leaves out linkedom’s CSS parser (cssomnom), which nothing precis runs calls', async () => {
    const packages = await packagesIn(HTML_CHUNK.entry);

    expect(packages).toContain('linkedom');
    expect(packages).not.toContain('cssomnom');
  }, 120_000);

  it('leaves the HTML libraries to the second bundle, html.js (infra/bundling.ts’s HTML_CHUNK)', async () => {
    const packages = await packagesIn('functions/process.ts');
    const chunk = await packagesIn(HTML_CHUNK.entry);

    for (const name of HTML_LIBRARIES) {
      expect(packages).not.toContain(name);
      expect(chunk).toContain(name);
    }
  }, 120_000);

  it('leaves out the credential chain past the environment (SSO, ini files, STS, metadata)', async () => {
    const packages = await packagesIn('functions/process.ts');

    expect(packages).toContain('@aws-sdk/credential-provider-env');
    for (const name of CREDENTIAL_CHAIN) expect(packages).not.toContain(name);
  }, 120_000);

  it('keeps them in the api bundle, which hands out links and starts backfills', async () => {
    const packages = await packagesIn('functions/api.ts');

    for (const name of [...PRESIGNERS, STEP_FUNCTIONS]) expect(packages).toContain(name);
  }, 120_000);
});

/**
 * Builds `entry` as the stack builds a function, with its HTML chunk and the pipeline's data beside it, into
 * `directory`.
 */
async function buildInto(directory: string, entry: string): Promise<string> {
  const bundle = join(directory, BUNDLE_FILE);
  await build({
    ...FUNCTION_BUNDLE,
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: bundle,
    sourcemap: false,
    logLevel: 'warning',
  });
  writeFileSync(join(directory, 'package.json'), PACKAGE_JSON);
  execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), htmlChunkBuildArguments(ROOT, directory));
  for (const [target, source] of Object.entries(PIPELINE_DATA)) {
    mkdirSync(join(directory, target, '..'), { recursive: true });
    copyFileSync(join(ROOT, source), join(directory, target));
  }
  return bundle;
}

const RESOLVE_CREDENTIALS = `require(process.argv[1]).resolveCredentials().then((all) => console.log(JSON.stringify(all)));`;

describe('the SDK clients as bundled', () => {
  it('sign with the credentials Lambda puts in the environment', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'precis-bundled-credentials-'));
    try {
      const bundle = await buildInto(directory, 'tests/fixtures/bundled-credentials.ts');
      const environment = {
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_SESSION_TOKEN: 'token',
      };

      const resolved = execFileSync(process.execPath, ['-e', RESOLVE_CREDENTIALS, bundle], {
        cwd: directory,
        env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', ...environment },
        encoding: 'utf8',
      });

      const credentials = JSON.parse(resolved) as {
        accessKeyId: string;
        secretAccessKey: string;
        sessionToken: string;
      }[];
      expect(credentials).toHaveLength(2);
      for (const identity of credentials)
        expect(identity).toMatchObject({
          accessKeyId: 'AKIDEXAMPLE',
          secretAccessKey: 'secret',
          sessionToken: 'token',
        });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 120_000);
});

/** An HTML page with a `<style>` element, processed as the seed of the cold-start benchmark is. */
const PAGE = fileURLToPath(new URL('../fixtures/clean/article.html', import.meta.url));
const PROCESS_PAGE = `const bytes = require('node:fs').readFileSync(process.argv[2]);
const { processArticle } = require(process.argv[1]);
const result = processArticle({ id: 'page', bytes, source: { contentType: 'text/html', bytes: bytes.length } }, { now: () => new Date(0) });
console.log(JSON.stringify(result));`;

describe('the process function’s pipeline as bundled', () => {
  it('gives an HTML page with a stylesheet the Result the unbundled pipeline gives', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'precis-bundled-pipeline-'));
    try {
      const bundle = await buildInto(directory, 'bench/fixtures/process-first-article.ts');
      const bytes = readFileSync(PAGE);

      const bundled = execFileSync(process.execPath, ['-e', PROCESS_PAGE, bundle, PAGE], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'us-east-1',
          TABLE_NAME: 'results',
          BUCKET_NAME: 'articles',
        },
        encoding: 'utf8',
      });

      const unbundled = processArticle(
        { id: 'page', bytes, source: { contentType: 'text/html', bytes: bytes.length } },
        { now: () => new Date(0) },
      );
      expect(unbundled.status).toBe('DONE');
      expect(JSON.parse(bundled)).toEqual(JSON.parse(JSON.stringify(unbundled)));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
