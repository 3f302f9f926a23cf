/**
 * AWS list prices in us-east-1 (US East, N. Virginia) that `npm run cost` uses, on-demand, without free tier
 * or volume tiers, as published on the pages named below. `readOn` is when they were recorded into this file:
 * this machine is offline, so they are copied from AWS's published price lists (cross-checked against stored
 * copies of those pages), not fetched when the script runs. Check them before relying on the figure.
 */
export const AWS_PRICES = {
  region: 'us-east-1',
  readOn: '2026-11-30',
  sources: [
    'https://aws.amazon.com/lambda/pricing/',
    'https://aws.amazon.com/sqs/pricing/',
    'https://aws.amazon.com/s3/pricing/',
    'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    'https://aws.amazon.com/api-gateway/pricing/',
    'https://aws.amazon.com/cloudwatch/pricing/',
    'https://aws.amazon.com/step-functions/pricing/',
  ],
  /** Lambda, Arm (Graviton2), first 7.5 billion GB-s a month. */
  lambdaPerGbSecond: 0.0000133334,
  lambdaPerRequest: 0.2 / 1e6,
  /** SQS standard queue, per request of up to 64 KB. */
  sqsPerRequest: 0.4 / 1e6,
  /** S3 Standard: PUT, COPY, POST, LIST per request; GET, HEAD (and SELECT) per request; first 50 TB a month. */
  s3PerPut: 0.005 / 1e3,
  s3PerGet: 0.0004 / 1e3,
  s3PerGbMonth: 0.023,
  /** DynamoDB on-demand (Standard table class): write and read request units; storage beyond 25 GB. */
  dynamodbPerWriteUnit: 0.625 / 1e6,
  dynamodbPerReadUnit: 0.125 / 1e6,
  dynamodbPerGbMonth: 0.25,
  /** API Gateway HTTP API, first 300 million requests a month, each up to 512 KB. */
  httpApiPerRequest: 1.0 / 1e6,
  /** CloudWatch Logs, standard class: ingestion, and storage (archived) per GB-month. */
  logsPerGbIngested: 0.5,
  logsPerGbMonth: 0.03,
  /** Step Functions standard workflows, per state transition (a backfill's Distributed Map). */
  stepFunctionsPerTransition: 0.025 / 1e3,
} as const;

/** Lambda gives a function one full vCPU at 1,769 MB, and CPU in proportion to memory below that. */
export const LAMBDA_MB_PER_VCPU = 1_769;
