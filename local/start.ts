import { resolve } from 'node:path';
import { ConfigError } from '#shared/config.ts';
import { API_ROUTES } from '#shared/events/api-routes.ts';
import { DataDirInUseError } from './data-dir-lock.ts';
import { DATA_DIR_ENV, LOCAL_ENV, LOCAL_NAMES, LOCAL_REGION, readLocalSettings } from './settings.ts';
import type { LocalStack } from './stack.ts';

/** `npm start`: the whole pipeline locally, until Ctrl-C or SIGTERM. */

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** fauxqs keeps its state with node:sqlite, which Node 22 flags as experimental on every start. */
function hideSqliteExperimentalWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'ExperimentalWarning' && warning.message.includes('SQLite')) return;
    console.warn(warning);
  });
}

function log(message: string, details?: unknown): void {
  if (details === undefined) console.error(`[precis local] ${message}`);
  else console.error(`[precis local] ${message}`, details);
}

function banner(stack: LocalStack, dataDir: string): string {
  const { endpoints } = stack;
  const overrides = [...Object.values(LOCAL_ENV), DATA_DIR_ENV]
    .map((spec) => `  ${spec.name.padEnd(26)} ${spec.help} (default ${spec.fallback})`)
    .join('\n');
  return `precis is running locally. State is kept in ${dataDir}.

  S3 API         ${endpoints.s3}    bucket ${LOCAL_NAMES.bucket}, uploads under incoming/ are processed
  SQS API        ${endpoints.sqs}    queue ${LOCAL_NAMES.queue}, dead-letter queue ${LOCAL_NAMES.deadLetterQueue}
  DynamoDB API   ${endpoints.dynamodb}    tables ${LOCAL_NAMES.table}, ${LOCAL_NAMES.idempotencyTable}
  HTTP API       ${endpoints.api}    ${API_ROUTES.join(', ')}

Try it (any credentials work; region ${LOCAL_REGION}):
  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=${LOCAL_REGION}
  aws --endpoint-url ${endpoints.s3} s3 cp tests/fixtures/seed-article.txt "s3://${LOCAL_NAMES.bucket}/incoming/seed article.txt"
  curl "${endpoints.api}/articles?key=incoming/seed%20article.txt"
  open ${endpoints.api}/view      # in a browser: recent articles, each with its viewer page
  aws --endpoint-url ${endpoints.dynamodb} dynamodb scan --table-name ${LOCAL_NAMES.table}

Environment overrides:
${overrides}

Ctrl-C stops.`;
}

async function main(): Promise<void> {
  // Powertools' development mode: readable logs, no EMF metric lines. Set POWERTOOLS_DEV=false to see them.
  process.env.POWERTOOLS_DEV ??= 'true';
  hideSqliteExperimentalWarning();
  const { startLocalStack } = await import('./stack.ts');
  const settings = readLocalSettings();
  const dataDir = resolve(settings.dataDir);
  const stack = await startLocalStack({ ...settings, dataDir, log });
  console.log(banner(stack, dataDir));

  let stopping = false;
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping`);
      stack.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log('stopped with errors', error);
          process.exit(1);
        },
      );
    });
  }
}

const PORT_VARIABLES = [LOCAL_ENV.s3Port, LOCAL_ENV.dynamodbPort, LOCAL_ENV.apiPort].map((spec) => spec.name);

/**
 * A bad setting, a taken port or a data directory in use is the user's to fix: say so in one line. Anything
 * else is a bug: show it all.
 */
function explainStartFailure(error: unknown): void {
  const { code, address, port } = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (error instanceof ConfigError || error instanceof DataDirInUseError)
    log(`could not start: ${error.message}`);
  else if (code === 'EADDRINUSE') {
    log(
      `could not start: ${address}:${port} is in use; choose other ports with ${PORT_VARIABLES.join(', ')}`,
    );
  } else log('could not start', error);
}

main().catch((error: unknown) => {
  explainStartFailure(error);
  process.exit(1);
});
