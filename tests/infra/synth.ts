import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';

const CDK_JSON = new URL('../../cdk.json', import.meta.url);
const BUNDLING_STACKS = 'aws:cdk:bundling-stacks';

/**
 * An App with cdk.json's feature flags (so tests synthesise what `npx cdk synth` does), writing to a
 * temporary directory, with asset bundling off unless asked for. Call `dispose` when done.
 */
export function createTestApp({ bundling = false } = {}): { app: App; outdir: string; dispose: () => void } {
  const { context } = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> };
  const outdir = mkdtempSync(join(tmpdir(), 'precis-cdk-'));
  const app = new App({ outdir, context: bundling ? context : { ...context, [BUNDLING_STACKS]: [] } });
  return { app, outdir, dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}
