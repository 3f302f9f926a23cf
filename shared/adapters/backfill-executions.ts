import {
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  ListMapRunsCommand,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { BackfillRequest } from '../backfill/backfill-request.ts';
import { toAdapterError } from './aws-errors.ts';

/** A started backfill on AWS: the Step Functions execution that runs it. */
export interface BackfillExecution {
  readonly executionArn: string;
  readonly startedAt: string;
}

/** Where a backfill on AWS stands: the execution's status and its Distributed Map's item counts. */
export interface BackfillProgress {
  readonly status: string;
  readonly items?: {
    readonly total: number;
    readonly succeeded: number;
    readonly failed: number;
    readonly pending: number;
    readonly running: number;
  };
  readonly error?: string;
}

export interface BackfillExecutions {
  start(request: BackfillRequest): Promise<BackfillExecution>;
  progress(executionArn: string): Promise<BackfillProgress>;
}

/** The backfill state machine (infra/backfill-state-machine.ts) through the Step Functions API. */
export function createBackfillExecutions(sfn: SFNClient, stateMachineArn: string): BackfillExecutions {
  const send = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw toAdapterError(error, `Step Functions ${operation}`);
    }
  };
  return {
    start: async (request) => {
      const output = await send('StartExecution', () =>
        sfn.send(
          new StartExecutionCommand({
            stateMachineArn,
            input: JSON.stringify({ prefix: request.prefix, concurrency: request.concurrency }),
          }),
        ),
      );
      if (output.executionArn === undefined) throw new Error('StartExecution returned no execution ARN');
      return {
        executionArn: output.executionArn,
        startedAt: (output.startDate ?? new Date()).toISOString(),
      };
    },
    progress: async (executionArn) => {
      const execution = await send('DescribeExecution', () =>
        sfn.send(new DescribeExecutionCommand({ executionArn })),
      );
      const { mapRuns = [] } = await send('ListMapRuns', () =>
        sfn.send(new ListMapRunsCommand({ executionArn })),
      );
      const mapRunArn = mapRuns[0]?.mapRunArn;
      const mapRun =
        mapRunArn === undefined
          ? undefined
          : await send('DescribeMapRun', () => sfn.send(new DescribeMapRunCommand({ mapRunArn })));
      const counts = mapRun?.itemCounts;
      return {
        status: execution.status ?? 'UNKNOWN',
        ...(counts === undefined
          ? {}
          : {
              items: {
                total: counts.total ?? 0,
                succeeded: counts.succeeded ?? 0,
                failed: (counts.failed ?? 0) + (counts.timedOut ?? 0) + (counts.aborted ?? 0),
                pending: counts.pending ?? 0,
                running: counts.running ?? 0,
              },
            }),
        ...(execution.error === undefined ? {} : { error: `${execution.error}: ${execution.cause ?? ''}` }),
      };
    },
  };
}
