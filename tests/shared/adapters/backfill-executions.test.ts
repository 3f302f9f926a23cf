import {
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  ListMapRunsCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createStepFunctionsBackfills, executionArnOf } from '#shared/adapters/backfill-executions.ts';

/**
 * The AWS side of backfills over a mocked Step Functions client (there is no local Step Functions): what
 * StartExecution is given, and how an execution and its Map Run's item counts become the status.
 */

const STATE_MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:Backfill';
const ID = 'backfill-20261201-000000-0000abcd';
const EXECUTION = executionArnOf(STATE_MACHINE, ID);
const MAP_RUN = 'arn:aws:states:us-east-1:123456789012:mapRun:Backfill/run:1';

describe('backfills on Step Functions', () => {
  it('starts the execution named by the id with the request as input', async () => {
    const sfn = new SFNClient({ region: 'us-east-1' });
    const mock = mockClient(sfn);
    mock
      .on(StartExecutionCommand)
      .resolves({ executionArn: EXECUTION, startDate: new Date('2026-12-01T00:00:00Z') });

    const started = await createStepFunctionsBackfills(sfn, STATE_MACHINE).start(ID, {
      prefix: 'incoming/2025/',
      concurrency: 10,
    });

    expect(mock.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: STATE_MACHINE,
      name: ID,
      input: JSON.stringify({ prefix: 'incoming/2025/', concurrency: 10 }),
    });
    expect(started).toMatchObject({ id: ID, status: 'RUNNING', executionArn: EXECUTION, concurrency: 10 });
  });

  it("reports the execution's status, error and its Map Run's item counts, failed, timed out and aborted as failed", async () => {
    const sfn = new SFNClient({ region: 'us-east-1' });
    const mock = mockClient(sfn);
    mock.on(DescribeExecutionCommand).resolves({
      status: 'FAILED',
      input: JSON.stringify({ prefix: 'incoming/2025/', concurrency: 5 }),
      startDate: new Date('2026-12-01T00:00:00Z'),
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
    mock.on(ListMapRunsCommand).resolves({ mapRuns: [{ mapRunArn: MAP_RUN } as never] });
    mock.on(DescribeMapRunCommand).resolves({
      itemCounts: {
        total: 1000,
        succeeded: 850,
        failed: 100,
        timedOut: 30,
        aborted: 20,
        pending: 0,
        running: 0,
        resultsWritten: 1000,
      },
    });

    const status = await createStepFunctionsBackfills(sfn, STATE_MACHINE).status(ID);

    expect(status).toEqual({
      id: ID,
      status: 'FAILED',
      prefix: 'incoming/2025/',
      concurrency: 5,
      startedAt: '2026-12-01T00:00:00.000Z',
      executionArn: EXECUTION,
      batches: { total: 1000, succeeded: 850, failed: 150, pending: 0, running: 0 },
      error: 'States.ExceedToleratedFailureThreshold: The specified tolerated failure threshold was exceeded',
    });
  });

  it('answers undefined for an execution that does not exist', async () => {
    const sfn = new SFNClient({ region: 'us-east-1' });
    mockClient(sfn)
      .on(DescribeExecutionCommand)
      .rejects(Object.assign(new Error('no such execution'), { name: 'ExecutionDoesNotExist' }));

    expect(await createStepFunctionsBackfills(sfn, STATE_MACHINE).status(ID)).toBeUndefined();
  });
});
