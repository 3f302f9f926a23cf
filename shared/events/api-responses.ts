import { z } from 'zod';
import { entityTypeSchema, resultSchema, statusSchema } from '../result.ts';

/** The bodies the API answers with, as zod schemas: the OpenAPI document is generated from them. */

export const acceptedSchema = z
  .object({
    id: z.string().meta({ description: 'The article id; GET /articles/{id} serves its Result' }),
    status: z.literal('PENDING'),
    key: z.string().meta({ description: 'Where the article is stored in the bucket (incoming/<id>.<ext>)' }),
  })
  .meta({ id: 'Accepted' });
export type Accepted = z.infer<typeof acceptedSchema>;

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    pipelineVersion: z.string(),
  })
  .meta({ id: 'Health' });

export const resultListSchema = z.object({ items: z.array(resultSchema) }).meta({ id: 'ResultList' });

export const entityHitSchema = z
  .object({
    id: z.string().meta({ description: 'Article id' }),
    name: z.string().meta({ description: "The entity's name in that article" }),
    count: z.number().int().meta({ description: 'Mentions of the entity in that article' }),
  })
  .meta({ id: 'EntityHit' });

export const entityHitListSchema = z
  .object({ items: z.array(entityHitSchema) })
  .meta({ id: 'EntityHitList' });

export { entityTypeSchema, statusSchema };
