import { ConfigError } from '#shared/config.ts';

/** Names of the local resources, the same shapes as the deployed ones. */
export const LOCAL_NAMES = {
  bucket: 'precis-articles',
  table: 'precis-articles',
  idempotencyTable: 'precis-idempotency',
  queue: 'precis-incoming',
  deadLetterQueue: 'precis-incoming-dlq',
  eventBus: 'precis-events',
} as const;

export const LOCAL_REGION = 'us-east-1';
/** The account id in local ARNs (AWS's placeholder account). */
export const LOCAL_ACCOUNT = '000000000000';
/** The emulators accept any credentials; the SDK and the aws CLI still want some. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
/** As deployed: after 5 failed receives a message moves to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;
const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;

/** Environment variables that `npm start` reads, with their defaults. */
export const LOCAL_ENV = {
  s3Port: { name: 'PRECIS_S3_PORT', fallback: 4566, help: 'S3 and SQS API port' },
  dynamodbPort: { name: 'PRECIS_DYNAMODB_PORT', fallback: 8000, help: 'DynamoDB API port' },
  apiPort: { name: 'PRECIS_API_PORT', fallback: 3000, help: 'HTTP API port' },
  visibilityTimeout: {
    name: 'PRECIS_VISIBILITY_TIMEOUT',
    fallback: DEFAULT_VISIBILITY_TIMEOUT_SECONDS,
    help: 'seconds before a failed message is redelivered',
  },
} as const;
export const DATA_DIR_ENV = {
  name: 'PRECIS_DATA_DIR',
  fallback: '.precis',
  help: 'where state is kept',
} as const;

const MAX_PORT = 65_535;
/** SQS's ceiling for a visibility timeout: 12 hours. */
const MAX_VISIBILITY_TIMEOUT_SECONDS = 43_200;

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0 || parsed > max) {
    throw new ConfigError(`Environment variable ${name} must be an integer from 0 to ${max}, got "${value}"`);
  }
  return parsed;
}

export interface LocalSettings {
  readonly dataDir: string;
  readonly ports: { readonly s3: number; readonly dynamodb: number; readonly api: number };
  readonly visibilityTimeoutSeconds: number;
}

export function readLocalSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  const port = (spec: { name: string; fallback: number }) =>
    readInteger(env, spec.name, spec.fallback, MAX_PORT);
  return {
    dataDir: env[DATA_DIR_ENV.name] || DATA_DIR_ENV.fallback,
    ports: {
      s3: port(LOCAL_ENV.s3Port),
      dynamodb: port(LOCAL_ENV.dynamodbPort),
      api: port(LOCAL_ENV.apiPort),
    },
    visibilityTimeoutSeconds: readInteger(
      env,
      LOCAL_ENV.visibilityTimeout.name,
      LOCAL_ENV.visibilityTimeout.fallback,
      MAX_VISIBILITY_TIMEOUT_SECONDS,
    ),
  };
}
