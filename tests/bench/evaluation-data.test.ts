import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEvaluationData } from '../../bench/evaluation-data.ts';

describe('readEvaluationData', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints "data not found" with the path it looked at and returns undefined when the file is absent', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);

    const records = readEvaluationData('no-such-set/absent.jsonl');

    expect(records).toBeUndefined();
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/^data not found: \/.*\/shared\/data\/no-such-set\/absent\.jsonl$/),
    );
  });
});
