import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';

/**
 * Fault injection for `npm run test:chaos`, off unless PRECIS_FAULT_RATE is set (never in AWS): that share of
 * DynamoDB requests fails with a ThrottlingException and that share of S3 requests with a 500 InternalError,
 * before they are sent. The fault is raised above the SDK's own retries, so each one reaches precis's error
 * handling as a real outage that outlasted them would: the record fails and SQS redelivers it.
 */

export interface InjectedFault {
  readonly name: string;
  readonly status: number;
  readonly fault: 'client' | 'server';
}

export const DYNAMODB_FAULT: InjectedFault = { name: 'ThrottlingException', status: 400, fault: 'client' };
export const S3_FAULT: InjectedFault = { name: 'InternalError', status: 500, fault: 'server' };

/** An error shaped as the SDK shapes a service's answer. */
export function faultError({ name, status, fault }: InjectedFault, command: string): Error {
  return Object.assign(new Error(`${command}: ${name} (injected by PRECIS_FAULT_RATE)`), {
    name,
    $fault: fault,
    $metadata: { httpStatusCode: status, attempts: 1 },
  });
}

/** Makes `rate` of the client's requests fail with `fault`; `random` is injectable for tests. */
export function injectFaults(
  client: S3Client | DynamoDBClient,
  rate: number,
  fault: InjectedFault,
  random: () => number = Math.random,
): void {
  (client as DynamoDBClient).middlewareStack.add(
    (next, context) => async (args) => {
      if (random() < rate) throw faultError(fault, context.commandName ?? 'request');
      return next(args);
    },
    { step: 'initialize', name: 'precisFaultInjection' },
  );
}
