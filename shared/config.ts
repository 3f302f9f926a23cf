import type * as z from 'zod';
import { summarySentencesTextSchema, summaryWordsTextSchema } from './summarise/summary-length.ts';

/**
 * The one module that reads the environment. Names are shared with infra/ so the CDK app sets exactly
 * what the handlers read. Fails fast, naming the missing or malformed variable.
 */

export const ENV = {
  tableName: 'TABLE_NAME',
  idempotencyTableName: 'IDEMPOTENCY_TABLE_NAME',
  bucketName: 'BUCKET_NAME',
  maxInputBytes: 'MAX_INPUT_BYTES',
  summarySentences: 'SUMMARY_SENTENCES',
  summaryWords: 'SUMMARY_WORDS',
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  deadLetterQueueUrl: 'DEAD_LETTER_QUEUE_URL',
  processQueueUrl: 'PROCESS_QUEUE_URL',
  backfillStateMachineArn: 'BACKFILL_STATE_MACHINE_ARN',
  stuckAfterSeconds: 'STUCK_AFTER_SECONDS',
  corsAllowOrigins: 'CORS_ALLOW_ORIGINS',
  eventBusName: 'EVENT_BUS_NAME',
  faultRate: 'PRECIS_FAULT_RATE',
} as const;

export const INCOMING_PREFIX = 'incoming/';
export const PROCESSED_PREFIX = 'processed/';
/** Where a backfill's report (its manifest and failed batches) goes, under the execution's name. */
export const BACKFILL_REPORTS_PREFIX = 'backfills/';
export const DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;
/**
 * How long a Result may stay PENDING or PROCESSING before the sweeper fails it (TIMED_OUT): well past the
 * longest retry of its message (5 receives x 6 minutes of visibility in AWS).
 */
export const DEFAULT_STUCK_AFTER_SECONDS = 3_600;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface Config {
  readonly tableName: string;
  readonly idempotencyTableName: string | undefined;
  readonly bucketName: string;
  readonly maxInputBytes: number;
  /** Summary length in sentences; undefined (with no words either) lets the summariser choose. */
  readonly summarySentences: number | undefined;
  /** Summary length in words, whole sentences within it; undefined for no word limit. */
  readonly summaryWords: number | undefined;
  readonly s3ForcePathStyle: boolean;
  /** The dead-letter queue the dead-letters function reads (only that function needs it). */
  readonly deadLetterQueueUrl: string | undefined;
  /** The queue the process function reads; the api function sends reprocess requests to it. */
  readonly processQueueUrl: string | undefined;
  /** The backfill state machine POST /backfills starts (the api function only); undefined: a local walk. */
  readonly backfillStateMachineArn: string | undefined;
  readonly stuckAfterSeconds: number;
  /** Browser origins the API answers with CORS headers (comma-separated); empty: CORS off. */
  readonly corsAllowOrigins: readonly string[];
  /** The EventBridge bus ArticleProcessed and ArticleFailed go to; undefined: no events. */
  readonly eventBusName: string | undefined;
  /** Share of DynamoDB and S3 requests failed on purpose (test:chaos only; see fault-injection.ts). */
  readonly faultRate: number | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(`Missing environment variable ${name}`);
  }
  return value;
}

function positiveInteger(env: Env, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) {
    throw new ConfigError(`Environment variable ${name} must be a positive integer, got "${value}"`);
  }
  return parsed;
}

/** A summary length limit, in the range shared with the CLI and the API. */
function lengthLimit(env: Env, name: string, schema: z.ZodType<number, string>): number | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = schema.safeParse(value.trim());
  if (!parsed.success) {
    throw new ConfigError(`Environment variable ${name}: ${parsed.error.issues[0]?.message}, got "${value}"`);
  }
  return parsed.data;
}

/** A share from 0 (exclusive) to 0.5: more would fail nearly every article five times over. */
function faultRate(env: Env, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value);
  if (!(parsed > 0 && parsed <= 0.5)) {
    throw new ConfigError(
      `Environment variable ${name} must be a share above 0 and at most 0.5, got "${value}"`,
    );
  }
  return parsed;
}

export function loadConfig(env: Env = process.env): Config {
  return {
    tableName: required(env, ENV.tableName),
    idempotencyTableName: env[ENV.idempotencyTableName] || undefined,
    bucketName: required(env, ENV.bucketName),
    maxInputBytes: positiveInteger(env, ENV.maxInputBytes) ?? DEFAULT_MAX_INPUT_BYTES,
    summarySentences: lengthLimit(env, ENV.summarySentences, summarySentencesTextSchema),
    summaryWords: lengthLimit(env, ENV.summaryWords, summaryWordsTextSchema),
    s3ForcePathStyle: env[ENV.s3ForcePathStyle] === 'true',
    deadLetterQueueUrl: env[ENV.deadLetterQueueUrl] || undefined,
    processQueueUrl: env[ENV.processQueueUrl] || undefined,
    backfillStateMachineArn: env[ENV.backfillStateMachineArn] || undefined,
    stuckAfterSeconds: positiveInteger(env, ENV.stuckAfterSeconds) ?? DEFAULT_STUCK_AFTER_SECONDS,
    corsAllowOrigins: (env[ENV.corsAllowOrigins] ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    eventBusName: env[ENV.eventBusName] || undefined,
    faultRate: faultRate(env, ENV.faultRate),
  };
}

/** A setting only some functions need, required by the one that reads it. */
export function requiredSetting<T>(value: T | undefined, name: keyof typeof ENV): T {
  if (value === undefined) throw new ConfigError(`Missing environment variable ${ENV[name]}`);
  return value;
}
