import { describe, expect, it } from 'vitest';
import { ISSUE_CLI_ARTICLES_PER_SECOND, normalisedVerdict } from '../../bench/perf-normalise.ts';

const BUDGETS = { coreArticlesPerSecond: 250, cliArticlesPerSecond: 200 };

describe('normalisedVerdict', () => {
  it('keeps the budgets where the reference runs as fast as on the issue’s machine', () => {
    const verdict = normalisedVerdict(
      BUDGETS,
      { coreArticlesPerSecond: 133, cliArticlesPerSecond: ISSUE_CLI_ARTICLES_PER_SECOND },
      { coreArticlesPerSecond: 260, cliArticlesPerSecond: 190 },
    );

    expect(verdict.hostFactor).toBe(1);
    expect(verdict.budgets).toEqual(BUDGETS);
    expect(verdict.coreHolds).toBe(true);
    expect(verdict.cliHolds).toBe(false);
  });

  it('scales both budgets down on a host that runs the reference slower', () => {
    const verdict = normalisedVerdict(
      BUDGETS,
      { coreArticlesPerSecond: 88, cliArticlesPerSecond: 55 },
      { coreArticlesPerSecond: 130, cliArticlesPerSecond: 99 },
    );

    expect(verdict.hostFactor).toBe(0.5);
    expect(verdict.budgets).toEqual({ coreArticlesPerSecond: 125, cliArticlesPerSecond: 100 });
    expect(verdict.coreHolds).toBe(true);
    expect(verdict.cliHolds).toBe(false);
  });

  it('refuses a reference without a CLI figure', () => {
    expect(() =>
      normalisedVerdict(BUDGETS, { coreArticlesPerSecond: 1, cliArticlesPerSecond: 0 }, BUDGETS),
    ).toThrow(RangeError);
  });
});
