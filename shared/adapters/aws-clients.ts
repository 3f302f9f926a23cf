import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.ts';
import { DYNAMODB_FAULT, injectFaults, S3_FAULT } from './fault-injection.ts';

export interface AwsClients {
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
}

/**
 * The SDK clients, built once per Lambda instance. Region, credentials and endpoints come from the SDK's
 * own environment variables (AWS_REGION, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_DYNAMODB, ...), which is
 * how the local stack points the very same handlers at its emulators.
 */
export function createAwsClients(config: Pick<Config, 's3ForcePathStyle' | 'faultRate'>): AwsClients {
  const dynamodb = new DynamoDBClient({});
  const s3 = new S3Client({ forcePathStyle: config.s3ForcePathStyle });
  if (config.faultRate !== undefined) {
    injectFaults(dynamodb, config.faultRate, DYNAMODB_FAULT);
    injectFaults(s3, config.faultRate, S3_FAULT);
  }
  return {
    s3,
    dynamodb,
    documentClient: DynamoDBDocumentClient.from(dynamodb, {
      marshallOptions: { removeUndefinedValues: true },
    }),
  };
}
