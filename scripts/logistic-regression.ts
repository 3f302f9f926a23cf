/**
 * L2-regularised logistic regression fitted by Newton's method: deterministic, a few dozen iterations for
 * the handful of features it is used with. The intercept is not regularised.
 */

export interface Example {
  readonly features: readonly number[];
  readonly label: 0 | 1;
}

export interface Fit {
  readonly weights: number[];
  readonly bias: number;
}

const MAX_ITERATIONS = 50;
const CONVERGED = 1e-9;
/** Keeps the Hessian invertible when a feature never varies. */
const RIDGE = 1e-9;

/** Solves a x = b for a small dense symmetric positive-definite a, by Gaussian elimination with pivoting. */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const rows = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) {
      if (Math.abs(rows[row]?.[column] ?? 0) > Math.abs(rows[pivot]?.[column] ?? 0)) pivot = row;
    }
    [rows[column], rows[pivot]] = [rows[pivot] as number[], rows[column] as number[]];
    const top = rows[column] as number[];
    for (let row = 0; row < n; row++) {
      if (row === column) continue;
      const current = rows[row] as number[];
      const factor = (current[column] ?? 0) / (top[column] ?? 1);
      for (let k = column; k <= n; k++) current[k] = (current[k] ?? 0) - factor * (top[k] ?? 0);
    }
  }
  return rows.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** Weights and bias minimising log loss + lambda/2 x |weights|^2 over the examples. */
export function fitLogisticRegression(examples: readonly Example[], lambda: number): Fit {
  const dimension = (examples[0]?.features.length ?? 0) + 1;
  let theta = new Array<number>(dimension).fill(0);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const gradient = new Array<number>(dimension).fill(0);
    const hessian = Array.from({ length: dimension }, () => new Array<number>(dimension).fill(0));
    for (const example of examples) {
      const x = [...example.features, 1];
      const z = x.reduce((sum, value, j) => sum + value * (theta[j] ?? 0), 0);
      const p = 1 / (1 + Math.exp(-z));
      const weight = p * (1 - p);
      for (let j = 0; j < dimension; j++) {
        const xj = x[j] ?? 0;
        gradient[j] = (gradient[j] ?? 0) + (p - example.label) * xj;
        const row = hessian[j] as number[];
        for (let k = 0; k < dimension; k++) row[k] = (row[k] ?? 0) + weight * xj * (x[k] ?? 0);
      }
    }
    for (let j = 0; j < dimension; j++) {
      const row = hessian[j] as number[];
      const penalty = j < dimension - 1 ? lambda : 0;
      gradient[j] = (gradient[j] ?? 0) + penalty * (theta[j] ?? 0);
      row[j] = (row[j] ?? 0) + penalty + RIDGE;
    }
    const step = solve(hessian, gradient);
    theta = theta.map((value, j) => value - (step[j] ?? 0));
    if (Math.max(...step.map(Math.abs)) < CONVERGED) break;
  }
  return { weights: theta.slice(0, -1), bias: theta.at(-1) ?? 0 };
}
