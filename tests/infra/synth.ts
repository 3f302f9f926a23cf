import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnResource, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PrecisStack, type PrecisStackProps } from '../../infra/precis-stack.ts';

const CDK_JSON = new URL('../../cdk.json', import.meta.url);
const BUNDLING_STACKS = 'aws:cdk:bundling-stacks';

/**
 * How long a test or hook that synthesises may take. One synth is ~2 s of CPU (~20 s more with CDK's
 * built-in CloudFormation validation, ~1 min with bundling), and the machine may be shared by many runs:
 * a synth taking minutes is slow, not wrong. What the tests assert never depends on time.
 */
export const SYNTH_TIMEOUT_MS = 300_000;

export interface TestAppOptions {
  /** Bundle the functions with esbuild, as `cdk synth` does. @default false */
  readonly bundling?: boolean;
  /**
   * Run CDK's built-in CloudFormation template validation (a WebAssembly schema checker, ~90% of a synth's
   * time). The tests assert on the template themselves and skip it; `npx cdk synth` runs it.
   * @default false
   */
  readonly cloudFormationValidation?: boolean;
}

/**
 * An App with cdk.json's feature flags (so tests synthesise what `npx cdk synth` does), writing to a
 * temporary directory, with asset bundling off unless asked for. Call `dispose` when done.
 */
export function createTestApp({ bundling = false, cloudFormationValidation = false }: TestAppOptions = {}): {
  app: App;
  outdir: string;
  dispose: () => void;
} {
  const { context } = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> };
  const outdir = mkdtempSync(join(tmpdir(), 'precis-cdk-'));
  const app = new App({
    outdir,
    builtinCloudFormationValidation: cloudFormationValidation,
    context: bundling ? context : { ...context, [BUNDLING_STACKS]: [] },
  });
  return { app, outdir, dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}

export interface Synthesised {
  readonly stack: PrecisStack;
  readonly template: Template;
  readonly dispose: () => void;
}

/** The precis stack with these props, synthesised without bundling. */
export function synthPrecis(props: PrecisStackProps = {}): Synthesised {
  const { app, dispose } = createTestApp();
  const stack = new PrecisStack(app, 'Precis', { env: { region: 'us-east-1' }, ...props });
  return { stack, template: Template.fromStack(stack), dispose };
}

export type Resource = { Type: string; Properties: Record<string, unknown> };

/** The template's logical id of the construct at `path` under the stack (its default child). */
export const logicalId = (stack: Stack, path: string): string =>
  stack.resolve(stack.getLogicalId(stack.node.findChild(path).node.defaultChild as CfnResource));

/** The resource of that logical id in the template; throws when there is none. */
export const resource = (template: Template, id: string): Resource => {
  const found = template.toJSON().Resources[id] as Resource | undefined;
  if (found === undefined) throw new Error(`No resource ${id}`);
  return found;
};
