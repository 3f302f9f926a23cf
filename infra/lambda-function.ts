import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import {
  ASCII_ESCAPER,
  BUNDLE_ALIASES,
  CODE_CACHE_ENV,
  CODE_CACHE_LOADER,
  codeCacheWriterArguments,
  FUNCTION_BUNDLE,
  HANDLER_MODULE,
  HTML_CHUNK,
  htmlChunkBuildArguments,
  PACKAGE_JSON,
} from './bundling.ts';
import {
  HEAP_ENV,
  heapLimitsFor,
  LAMBDA_NODE_OPTIONS,
  lambdaNodeFlags,
  V8_FLAGS,
  V8_FLAGS_ENV,
} from './function-sizing.ts';

/** The wrapper that gives the runtime our V8 heap cap (see the script), and where Lambda finds it. */
const HEAP_CAP_SCRIPT = fileURLToPath(new URL('./runtime/heap-cap.sh', import.meta.url));
const HEAP_CAP_WRAPPER = '/var/task/heap-cap.sh';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The local esbuild, which NodejsFunction runs too. */
const ESBUILD = `${ROOT}node_modules/.bin/esbuild`;

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

  /**
   * Data files the code reads from next to itself, copied into the bundle: path in the bundle -> path from
   * the repository's root. @default - none
   */
  readonly dataFiles?: Readonly<Record<string, string>>;

  /**
   * Source-mapped stack traces (`NODE_OPTIONS=--enable-source-maps`). The map is always in the bundle, as a
   * separate file; Node reads it (about as large as the code) at start only when this is on.
   * @default false
   */
  readonly sourceMaps?: boolean;

  /**
   * Sample inputs (paths from the repository's root) the bundle's `warmUp` export runs before its V8 code
   * cache is written, so the cache holds what processing them compiled (infra/runtime/write-code-cache.cjs).
   * @default - none: the cache holds what loading the module compiled
   */
  readonly warmUp?: readonly string[];
}

/**
 * The one way precis builds a Lambda function: a `NodejsFunction` bundled by the local esbuild as CommonJS
 * (no Docker), Node.js 22 on arm64, active tracing, Powertools environment, a V8 heap cap suited to its
 * memory size (`heapLimitsFor`) and our V8 flags (`V8_FLAGS`), both applied by a runtime wrapper script,
 * and its own log group with a retention. Its handler module is a loader that compiles the bundle with a V8
 * code cache written at build time (infra/runtime/with-code-cache.cjs). Its role can write to that log group only (no AWS managed policy); everything else is
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
    const memorySize = props.memorySize ?? 1024;
    const heap = heapLimitsFor(memorySize);
    const writeCodeCache = (outputDir: string) =>
      codeCacheWriterArguments(ROOT, outputDir, lambdaNodeFlags(memorySize), props.warmUp ?? [])
        .map((argument) => `"${argument}"`)
        .join(' ');
    const cacheEnv = Object.entries(CODE_CACHE_ENV).map(([name, value]) => `${name}=${value}`);
    const buildHtmlChunk = (outputDir: string) =>
      htmlChunkBuildArguments(ROOT, outputDir)
        .map((argument) => `"${argument}"`)
        .join(' ');

    super(scope, id, {
      entry: props.entry,
      // NodejsFunction takes a handler with a dot as the module and export.
      handler: `${HANDLER_MODULE.replace(/\.js$/, '')}.handler`,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize,
      role,
      logGroup,
      environment: {
        ...(props.sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        AWS_LAMBDA_EXEC_WRAPPER: HEAP_CAP_WRAPPER,
        [HEAP_ENV.maxOldSpaceMb]: String(heap.maxOldSpaceMb),
        [HEAP_ENV.maxSemiSpaceMb]: String(heap.maxSemiSpaceMb),
        [V8_FLAGS_ENV]: [...V8_FLAGS, ...LAMBDA_NODE_OPTIONS].join(' '),
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.CJS,
        mainFields: [...FUNCTION_BUNDLE.mainFields],
        banner: FUNCTION_BUNDLE.banner.js,
        define: { ...FUNCTION_BUNDLE.define },
        minify: FUNCTION_BUNDLE.minify,
        keepNames: FUNCTION_BUNDLE.keepNames,
        sourceMap: true,
        sourcesContent: FUNCTION_BUNDLE.sourcesContent,
        externalModules: [...FUNCTION_BUNDLE.external],
        esbuildArgs: {
          '--supported:dynamic-import': String(FUNCTION_BUNDLE.supported['dynamic-import']),
          '--alias': Object.entries(BUNDLE_ALIASES).map(([module, path]) => `${module}=${ROOT}${path}`),
        },
        // The SDK versions pinned in package-lock.json, not whichever the runtime happens to ship.
        bundleAwsSDK: true,
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // Copied with its mode: the asset zip keeps it, and Lambda needs the wrapper executable.
          // The package.json says index.js is CommonJS, wherever the asset is unpacked (Node would take it for
          // an ES module under a package.json of "type": "module", such as the repository's), and where the HTML
          // chunk is. The chunk (the HTML libraries' second bundle) is built only for a bundle that requires it.
          afterBundling: (_inputDir: string, outputDir: string) => [
            `echo '${PACKAGE_JSON}' > "${outputDir}/package.json"`,
            `if grep -qF '${HTML_CHUNK.module}' "${outputDir}/index.js"; then "${ESBUILD}" ${buildHtmlChunk(outputDir)}; fi`,
            `cp "${HEAP_CAP_SCRIPT}" "${outputDir}/heap-cap.sh"`,
            `chmod 755 "${outputDir}/heap-cap.sh"`,
            ...Object.entries(props.dataFiles ?? {}).flatMap(([target, source]) => [
              `mkdir -p "$(dirname "${outputDir}/${target}")"`,
              `cp "${ROOT}${source}" "${outputDir}/${target}"`,
            ]),
            // The bundle as pure ASCII (a one-byte string in V8), then the loader Lambda requires, then the code
            // cache, written by the Node that builds, which runs the bundle (its data is in place by now) under the
            // function's own V8 flags.
            `"${process.execPath}" "${ROOT}${ASCII_ESCAPER}" "${outputDir}"`,
            `cp "${ROOT}${CODE_CACHE_LOADER}" "${outputDir}/${HANDLER_MODULE}"`,
            `env ${cacheEnv.join(' ')} "${process.execPath}" ${writeCodeCache(outputDir)}`,
          ],
        },
      },
    });
  }
}
