import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * Lets bundled CommonJS dependencies call `require` inside the ESM bundle: esbuild's `__require` shim
 * looks for a `require` in scope and otherwise throws "Dynamic require of ... is not supported" (linkedom,
 * for one, requires `fs` and `canvas` lazily).
 */
const REQUIRE_SHIM =
  "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);";

export interface LambdaFunctionProps {
  /** Path of the TypeScript entry file; it must export `handler`. */
  readonly entry: string;

  /** What the function does, shown in the console. */
  readonly description: string;

  /** Powertools service name (`POWERTOOLS_SERVICE_NAME`), also the metrics `service` dimension. */
  readonly serviceName: string;

  /** Powertools metrics namespace (`POWERTOOLS_METRICS_NAMESPACE`). */
  readonly metricsNamespace: string;

  /** Application environment variables, merged over the Powertools ones. @default - none */
  readonly environment?: Readonly<Record<string, string>>;

  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;

  /** @default 1024 */
  readonly memorySize?: number;

  /** Powertools log level (`POWERTOOLS_LOG_LEVEL`). @default 'INFO' */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;

  /** Applied to the function's log group. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The one way precis builds a Lambda function: a `NodejsFunction` bundled by the local esbuild as ESM
 * (no Docker), Node.js 22 on arm64, active tracing, Powertools environment, and its own log group with a
 * retention. Its role can write to that log group only (no AWS managed policy); everything else is
 * added with `grant*` by the stack.
 */
export class LambdaFunction extends NodejsFunction {
  public constructor(scope: Construct, id: string, props: LambdaFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id}`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize: props.memorySize ?? 1024,
      role,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        banner: REQUIRE_SHIM,
        minify: true,
        keepNames: true,
        sourceMap: true,
        sourcesContent: false,
        // The SDK versions pinned in package-lock.json, not whichever the runtime happens to ship.
        bundleAwsSDK: true,
        forceDockerBundling: false,
      },
    });
  }
}
