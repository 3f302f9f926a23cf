import type { Facts } from './result.ts';

/**
 * The Result's constant values, apart from its zod schemas (result.ts, which re-exports them): a module that needs
 * only these and the Result's types does not evaluate the schemas. The process function never validates a Result
 * (the api function does), so its bundle leaves them out: a cold start builds none of them.
 */
export const PIPELINE_VERSION = '0.1.0';

export const EMPTY_FACTS: Facts = { entities: [], dates: [], numbers: [], quotes: [] };
