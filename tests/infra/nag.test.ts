import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PrecisStack } from '../../infra/precis-stack.ts';
import { createTestApp } from './synth.ts';

/** Lets one test synthesise the stack as if no finding had been acknowledged. */
const acknowledgements = vi.hoisted(() => ({ enabled: true }));
vi.mock('../../infra/nag-acknowledgements.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../infra/nag-acknowledgements.ts')>();
  return {
    acknowledgeNagFindings: (...args: Parameters<typeof original.acknowledgeNagFindings>) => {
      if (acknowledgements.enabled) original.acknowledgeNagFindings(...args);
    },
    acknowledgeBackfillFindings: (...args: Parameters<typeof original.acknowledgeBackfillFindings>) => {
      if (acknowledgements.enabled) original.acknowledgeBackfillFindings(...args);
    },
  };
});

function withoutAcknowledgements<T>(run: () => T): T {
  acknowledgements.enabled = false;
  try {
    return run();
  } finally {
    acknowledgements.enabled = true;
  }
}

const PLUGIN = 'AwsSolutions';
const REPORT_FILE = 'validation-report.json';
const SYNTH_VALIDATION_FAILED = 'ValidationFailed';
/** How CDK records an acknowledgement id made without a plugin prefix (cdk-nag strips it too). */
const ANNOTATION_PREFIX = /^annotation::/i;
const MIN_REASON_LENGTH = 40;

interface Finding {
  readonly rule: string;
  readonly path: string;
}
interface Acknowledgement {
  readonly rule: string;
  readonly path: string;
  readonly reason: string;
}
interface Report {
  pluginReports: Array<{
    pluginName: string;
    violations: Array<{ ruleName: string; violatingConstructs: Array<{ constructPath: string }> }>;
  }>;
}

const disposals: Array<() => void> = [];
afterAll(() => {
  for (const dispose of disposals.splice(0)) dispose();
});

/** Runs the AwsSolutions pack over whatever `build` adds to a fresh app and returns its open findings. */
function nagFindings(build: (app: App) => void): { app: App; findings: Finding[] } {
  const { app, outdir, dispose } = createTestApp();
  disposals.push(dispose);
  build(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    app.synth();
  } catch (error) {
    // An in-memory synth throws when a plugin reports errors; the report on disk has the detail.
    if (!(error instanceof Error && error.name === SYNTH_VALIDATION_FAILED)) throw error;
  }
  const report = JSON.parse(readFileSync(join(outdir, REPORT_FILE), 'utf8')) as Report;
  const findings = report.pluginReports
    .filter((r) => r.pluginName === PLUGIN)
    .flatMap((r) => r.violations)
    .flatMap((v) => v.violatingConstructs.map((c) => ({ rule: v.ruleName, path: c.constructPath })));
  return { app, findings };
}

function acknowledgementsIn(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({
        rule: id.replace(ANNOTATION_PREFIX, ''),
        path: construct.node.path,
        reason,
      })),
  );
}

const buildPrecis = (app: App) => new PrecisStack(app, 'Precis', { env: { region: 'us-east-1' } });
let precis: ReturnType<typeof nagFindings> | undefined;
/** The precis stack, acknowledgements on, synthesised once for the tests that only read it. */
const synthesisedPrecis = () => {
  precis ??= nagFindings(buildPrecis);
  return precis;
};

describe('cdk-nag AwsSolutions', () => {
  // Synthesising with the checks takes 10 s on a quiet machine and over 40 s on a loaded one: outside the tests.
  beforeAll(() => {
    synthesisedPrecis();
  }, 180_000);

  it('reports no unacknowledged finding when the precis stack is synthesised', () => {
    const { findings } = synthesisedPrecis();

    expect(findings).toEqual([]);
  });

  it('gives every acknowledgement a written reason', () => {
    const acknowledged = acknowledgementsIn(synthesisedPrecis().app);

    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { rule, reason } of acknowledged) {
      expect(rule).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reason.trim().length, `reason for ${rule}`).toBeGreaterThanOrEqual(MIN_REASON_LENGTH);
    }
  });

  it('acknowledges exactly the findings the stack would otherwise have, on the constructs that have them', () => {
    const acknowledged = acknowledgementsIn(synthesisedPrecis().app);
    const raw = withoutAcknowledgements(() => nagFindings(buildPrecis).findings);

    const covers = (a: Acknowledgement, f: Finding) =>
      a.rule === f.rule && (f.path === a.path || f.path.startsWith(`${a.path}/`));

    expect(raw.length).toBeGreaterThan(0);
    expect(raw.filter((f) => !acknowledged.some((a) => covers(a, f)))).toEqual([]);
    expect(acknowledged.filter((a) => !raw.some((f) => covers(a, f)))).toEqual([]);
  });

  it('reports a finding when a construct breaks a rule, so an empty report is meaningful', () => {
    const { findings } = nagFindings((app) => {
      new Queue(new Stack(app, 'Control', { env: { region: 'us-east-1' } }), 'PlainQueue');
    });

    expect(findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']),
    );
  });
});
