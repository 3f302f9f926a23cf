import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  DescribeMapRunCommand,
  ListMapRunsCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { BackfillRequest } from '../backfill/backfill-request.ts';
import type { BackfillId, BackfillStatus, Backfills } from '../backfill/backfills.ts';
import { isAwsError, toAdapterError } from './aws-errors.ts';

/** The state machine's input: the request as backfill-request.ts validated it. */
const inputOf = (request: BackfillRequest) =>
  JSON.stringify({ prefix: request.prefix, concurrency: request.concurrency });

/**
 * `arn:aws:states:<region>:<account>:stateMachine:<name>` -> the ARN of its execution `id`
 * (`...:execution:<name>:<id>`).
 */
export function executionArnOf(stateMachineArn: string, id: BackfillId): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${id}`;
}

/**
 * Backfills on the backfill state machine (infra/backfill-state-machine.ts) through the Step Functions API:
 * StartExecution named by the backfill's id; its status from DescribeExecution and the Distributed Map's
 * item counts (ListMapRuns, DescribeMapRun), which count objects (the items), not batches.
 */
export function createStepFunctionsBackfills(sfn: SFNClient, stateMachineArn: string): Backfills {
  const send = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw toAdapterError(error, `Step Functions ${operation}`);
    }
  };

  const batchesOf = async (executionArn: string): Promise<BackfillStatus['batches']> => {
    const { mapRuns = [] } = await send('ListMapRuns', () =>
      sfn.send(new ListMapRunsCommand({ executionArn })),
    );
    const mapRunArn = mapRuns[0]?.mapRunArn;
    if (mapRunArn === undefined) return undefined;
    const { itemCounts: counts } = await send('DescribeMapRun', () =>
      sfn.send(new DescribeMapRunCommand({ mapRunArn })),
    );
    if (counts === undefined) return undefined;
    return {
      total: counts.total ?? 0,
      succeeded: counts.succeeded ?? 0,
      failed: (counts.failed ?? 0) + (counts.timedOut ?? 0) + (counts.aborted ?? 0),
      pending: counts.pending ?? 0,
      running: counts.running ?? 0,
    };
  };

  return {
    start: async (id, request) => {
      const output = await send('StartExecution', () =>
        sfn.send(new StartExecutionCommand({ stateMachineArn, name: id, input: inputOf(request) })),
      );
      return {
        id,
        status: 'RUNNING',
        prefix: request.prefix,
        concurrency: request.concurrency,
        startedAt: (output.startDate ?? new Date()).toISOString(),
        executionArn: output.executionArn ?? executionArnOf(stateMachineArn, id),
      };
    },
    status: async (id) => {
      const executionArn = executionArnOf(stateMachineArn, id);
      let execution: DescribeExecutionCommandOutput;
      try {
        execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      } catch (error) {
        if (isAwsError(error, 'ExecutionDoesNotExist')) return undefined;
        throw toAdapterError(error, 'Step Functions DescribeExecution');
      }
      const input = JSON.parse(execution.input ?? '{}') as Partial<BackfillRequest>;
      const batches = await batchesOf(executionArn);
      return {
        id,
        status: execution.status ?? 'UNKNOWN',
        prefix: input.prefix ?? '',
        concurrency: input.concurrency ?? 0,
        startedAt: (execution.startDate ?? new Date(0)).toISOString(),
        executionArn,
        ...(batches === undefined ? {} : { batches }),
        ...(execution.error === undefined ? {} : { error: `${execution.error}: ${execution.cause ?? ''}` }),
      };
    },
  };
}

/** The same on a Step Functions client of its own (the api function imports this module on its first backfill). */
export function createStepFunctionsBackfillsOf(stateMachineArn: string): Backfills {
  return createStepFunctionsBackfills(new SFNClient({}), stateMachineArn);
}
