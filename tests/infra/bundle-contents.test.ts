import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE, FUNCTION_BUNDLE } from '../../infra/bundling.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PRESIGNERS = ['@aws-sdk/s3-presigned-post', '@aws-sdk/s3-request-presigner'];
const STEP_FUNCTIONS = '@aws-sdk/client-sfn';

/** The npm packages a function's bundle holds code of, built as the stack builds it. */
async function packagesIn(entry: string): Promise<Set<string>> {
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

describe('what the function bundles hold', () => {
  it('leaves the presigners and the Step Functions client out of the process bundle', async () => {
    const packages = await packagesIn('functions/process.ts');

    expect(packages).toContain('@aws-sdk/client-s3');
    for (const name of [...PRESIGNERS, STEP_FUNCTIONS]) expect(packages).not.toContain(name);
  }, 120_000);

  it('keeps them in the api bundle, which hands out links and starts backfills', async () => {
    const packages = await packagesIn('functions/api.ts');

    for (const name of [...PRESIGNERS, STEP_FUNCTIONS]) expect(packages).toContain(name);
  }, 120_000);
});
