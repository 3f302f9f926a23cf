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
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
} as const;

export const INCOMING_PREFIX = 'incoming/';
export const PROCESSED_PREFIX = 'processed/';
export const DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface Config {
  readonly tableName: string;
  readonly idempotencyTableName: string | undefined;
  readonly bucketName: string;
  readonly maxInputBytes: number;
  /** Summary length in sentences; undefined lets the summariser choose by article length. */
  readonly summarySentences: number | undefined;
  readonly s3ForcePathStyle: boolean;
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

export function loadConfig(env: Env = process.env): Config {
  return {
    tableName: required(env, ENV.tableName),
    idempotencyTableName: env[ENV.idempotencyTableName] || undefined,
    bucketName: required(env, ENV.bucketName),
    maxInputBytes: positiveInteger(env, ENV.maxInputBytes) ?? DEFAULT_MAX_INPUT_BYTES,
    summarySentences: positiveInteger(env, ENV.summarySentences),
    s3ForcePathStyle: env[ENV.s3ForcePathStyle] === 'true',
  };
}
