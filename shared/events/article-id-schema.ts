import * as z from 'zod';

/**
 * An article id as the API and the process handler accept it: generated ids and hex digests fit. On its own so
 * that the process function, which checks the id an upload carries, does not build the API's request schemas.
 */
export const articleIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not an article id');
