import * as z from 'zod';
import { backfillStatusSchema } from '../backfill/backfills.ts';
import {
  articleSummarySchema,
  entityTypeSchema,
  factsSchema,
  resultSchema,
  statusSchema,
} from '../result.ts';

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
  .object({ status: z.literal('ok'), pipelineVersion: z.string() })
  .meta({ id: 'Health' });

const nextSchema = z
  .string()
  .optional()
  .meta({ description: 'Opaque cursor for the next page (pass it as `cursor`); absent on the last page' });

/** A page of a list: `items`, and `next` while more remain. */
const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), next: nextSchema }).meta({ id });

export const articleSummaryPageSchema = pageOf(articleSummarySchema, 'ArticleSummaryPage');

export const entityHitSchema = z
  .object({
    id: z.string().meta({ description: 'Article id' }),
    name: z
      .string()
      .meta({ description: "The entity's name in that article (it may have matched by an alias)" }),
    count: z.number().int().meta({ description: 'Mentions of the entity in that article' }),
    title: z.string().optional().meta({ description: "The article's title" }),
  })
  .meta({ id: 'EntityHit' });
export const entityHitPageSchema = pageOf(entityHitSchema, 'EntityHitPage');

export const nameCountSchema = z
  .object({
    type: entityTypeSchema,
    name: z.string(),
    articles: z.number().int().meta({ description: 'Articles filed under this name' }),
  })
  .meta({ id: 'EntityName' });
export const nameCountPageSchema = pageOf(nameCountSchema, 'EntityNamePage');

export const uploadSchema = z
  .object({
    id: z.string(),
    status: z.literal('PENDING'),
    key: z.string().meta({ description: 'incoming/<id>.<ext>, where the upload lands' }),
    upload: z.object({
      method: z.literal('POST'),
      url: z.string().meta({ description: 'POST a multipart/form-data form here' }),
      fields: z
        .record(z.string(), z.string())
        .meta({ description: 'Form fields to send as they are, before the `file` field' }),
      maxBytes: z.number().int().meta({ description: 'Largest file the policy accepts (MAX_INPUT_BYTES)' }),
      expiresAt: z.string(),
    }),
  })
  .meta({ id: 'Upload' });

const resultObject = resultSchema.unwrap();

const viewLinkSchema = z
  .string()
  .optional()
  .meta({ description: "Presigned GET of the article's viewer page (processed/<id>.html), when DONE" });
const expiresAtSchema = z.string().meta({ description: 'When the links stop working (ISO 8601)' });

/** Short-lived links that go with a whole Result or its fields. */
const articleLinksSchema = z
  .object({ view: viewLinkSchema, expiresAt: expiresAtSchema })
  .optional()
  .meta({ description: 'Short-lived S3 links: the viewer page' });

/** GET /articles/{id}: the whole Result, with a link to its viewer page once DONE. */
export const resultAnswerSchema = resultObject
  .extend({ links: articleLinksSchema })
  .meta({ id: 'ResultAnswer', description: 'The whole Result' });

/** GET /articles/{id}?fields=...: the selected parts (id and status always). */
export const resultFieldsSchema = resultObject
  .partial()
  .required({ id: true, status: true })
  .extend({
    facts: factsSchema
      .unwrap()
      .partial()
      .optional()
      .meta({ description: 'The kinds of facts asked for (`facts.entities`, ...), or all with `facts`' }),
    links: articleLinksSchema,
  })
  .meta({ id: 'ResultFields', description: 'The parts of a Result asked for with `fields`' });

/** A Result too large to answer whole: its summary, counts, and short-lived links to the whole. */
export const resultSummaryViewSchema = resultObject
  .pick({
    id: true,
    status: true,
    source: true,
    title: true,
    sourceUrl: true,
    language: true,
    publishedAt: true,
    publishedAtSource: true,
    byline: true,
    siteName: true,
    dateline: true,
    summary: true,
    headline: true,
    keyPhrases: true,
    analysis: true,
    error: true,
    pipelineVersion: true,
    processedAt: true,
  })
  .extend({
    truncated: z
      .literal(true)
      .meta({ description: 'This is the summary view: the whole Result is behind `links`' }),
    bytes: z.number().int().meta({ description: 'Size of the whole Result as JSON' }),
    entities: z
      .array(z.object({ type: entityTypeSchema, name: z.string(), count: z.number().int() }))
      .meta({ description: 'The most salient entities (at most 100), with their mention counts' }),
    totals: z
      .object({
        entities: z.number().int(),
        dates: z.number().int(),
        numbers: z.number().int(),
        quotes: z.number().int(),
        removed: z.number().int(),
        textLength: z.number().int().meta({ description: 'Length of `text` in UTF-16 code units' }),
      })
      .meta({ description: 'How many facts the whole Result holds' }),
    links: z
      .object({
        result: z.string().optional().meta({ description: 'Presigned GET of the whole Result JSON' }),
        text: z.string().optional().meta({ description: 'Presigned GET of the cleaned text' }),
        view: viewLinkSchema,
        expiresAt: expiresAtSchema,
      })
      .meta({ description: 'Short-lived S3 links to the whole' }),
  })
  .meta({ id: 'ResultSummaryView' });
export type ResultSummaryView = z.infer<typeof resultSummaryViewSchema>;

export const articleAnswerSchema = z
  .union([resultAnswerSchema, resultSummaryViewSchema, resultFieldsSchema])
  .meta({
    description: 'The Result; its summary view when it is over the answer limit; or the fields asked for',
  });

export { entityTypeSchema, statusSchema };

/** POST /backfills and GET /backfills/{id}: where a backfill stands, and its own address. */
export const backfillAnswerSchema = backfillStatusSchema
  .extend({ links: z.object({ self: z.string().meta({ description: '/backfills/{id}' }) }) })
  .meta({ id: 'Backfill' });
