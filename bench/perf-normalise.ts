/**
 * Issue 12's speed budgets on another host. The issue set them on a machine where the CLI of its day ran 1,400
 * CNN/DM articles at 110 articles per CPU s. A reference checkout of that code (c747804, the first commit with
 * `bench:perf`), run on this host in the same sitting, tells how fast this host is against that machine; each
 * budget scales by the same factor.
 */

/** Issue 12's own figure: articles per CPU s of `precis process --jsonl` over the 1,400 articles, on its machine. */
export const ISSUE_CLI_ARTICLES_PER_SECOND = 110;

export interface SpeedBudgets {
  readonly coreArticlesPerSecond: number;
  readonly cliArticlesPerSecond: number;
}

export interface PerfFigures {
  readonly coreArticlesPerSecond: number;
  readonly cliArticlesPerSecond: number;
}

export interface NormalisedVerdict {
  /** How fast this host runs the reference against the issue's machine (below 1: slower). */
  readonly hostFactor: number;
  readonly budgets: SpeedBudgets;
  readonly coreHolds: boolean;
  readonly cliHolds: boolean;
}

/** The budgets scaled to this host by the reference's CLI figure, and whether this tree's figures meet them. */
export function normalisedVerdict(
  budgets: SpeedBudgets,
  reference: PerfFigures,
  tree: PerfFigures,
): NormalisedVerdict {
  if (!(reference.cliArticlesPerSecond > 0))
    throw new RangeError('the reference CLI figure must be positive');
  const hostFactor = reference.cliArticlesPerSecond / ISSUE_CLI_ARTICLES_PER_SECOND;
  const scaled = {
    coreArticlesPerSecond: budgets.coreArticlesPerSecond * hostFactor,
    cliArticlesPerSecond: budgets.cliArticlesPerSecond * hostFactor,
  };
  return {
    hostFactor,
    budgets: scaled,
    coreHolds: tree.coreArticlesPerSecond >= scaled.coreArticlesPerSecond,
    cliHolds: tree.cliArticlesPerSecond >= scaled.cliArticlesPerSecond,
  };
}
