import * as z from 'zod';

/**
 * The Result: the one contract carried by the CLI, the DynamoDB item and the API.
 * Later work enriches it (new optional fields) and never breaks it.
 * Offsets are UTF-16 code-unit offsets into `text` (JavaScript string indices), end exclusive.
 *
 * The zod schemas below are the one description: the TypeScript types are inferred from them, the API
 * validates against them, and the OpenAPI document (`GET /openapi.json`) is generated from them. To add a
 * field, add it here (optional, with a `.meta({ description })`) and every consumer follows.
 */

export { EMPTY_FACTS, PIPELINE_VERSION } from './result-values.ts';

export const statusSchema = z
  .enum(['PENDING', 'PROCESSING', 'DONE', 'FAILED'])
  .meta({ description: 'PENDING (accepted) -> PROCESSING -> DONE or FAILED (terminal)' });
export type Status = z.infer<typeof statusSchema>;

/** Stable error codes of a FAILED Result. */
export const errorCodeSchema = z
  .enum([
    'EMPTY',
    'UNSUPPORTED_CONTENT',
    'TOO_LARGE',
    'INVALID_INPUT',
    'NOT_FOUND',
    'INTERNAL',
    /** A dependency refused to store or read the article for good (a 4xx such as ValidationException). */
    'REJECTED',
    /** Processing failed on every delivery (a dependency stayed down, or a timeout): the message is in the DLQ. */
    'RETRIES_EXHAUSTED',
    /** The Result stayed PENDING or PROCESSING past its deadline with no delivery left to finish it. */
    'TIMED_OUT',
  ])
  .meta({ description: 'Stable code of a FAILED Result' });
export type ErrorCode = z.infer<typeof errorCodeSchema>;

const offset = z.number().int().nonnegative();

export const spanSchema = z
  .object({ start: offset, end: offset })
  .readonly()
  .meta({ id: 'Span', description: 'UTF-16 code-unit offsets into `text`, end exclusive' });
export type Span = z.infer<typeof spanSchema>;

export const sourceSchema = z
  .object({
    bucket: z.string().optional(),
    key: z.string().optional(),
    versionId: z.string().optional(),
    etag: z.string().optional(),
    contentType: z.string().optional(),
    bytes: z.number().int().nonnegative(),
  })
  .readonly()
  .meta({ id: 'Source', description: 'The object the Result was made from' });
export type Source = z.infer<typeof sourceSchema>;

export const entityTypeSchema = z.enum(['person', 'organization', 'place', 'other']);
export type EntityType = z.infer<typeof entityTypeSchema>;

export const entitySchema = z
  .object({
    type: entityTypeSchema,
    name: z.string(),
    mentions: z.array(spanSchema).readonly(),
    aliases: z.array(z.string()).readonly().optional(),
    roles: z.array(z.string()).readonly().optional(),
    count: z.number().int().nonnegative().optional(),
    salience: z.number().optional(),
  })
  .readonly()
  .meta({ id: 'Entity' });
export type Entity = z.infer<typeof entitySchema>;

export const titleMentionSchema = z
  .object({
    start: offset,
    end: offset,
    type: entityTypeSchema,
    name: z
      .string()
      .meta({ description: "The entity's name in facts.entities (the title may use an alias)" }),
  })
  .readonly()
  .meta({ id: 'TitleMention', description: 'UTF-16 code-unit offsets into `title`, end exclusive' });
export type TitleMention = z.infer<typeof titleMentionSchema>;

export const dateFactSchema = z
  .object({
    ...spanSchema.unwrap().shape,
    text: z.string(),
    value: z
      .string()
      .optional()
      .meta({
        description:
          'The date as a TIMEX3 value (ISO 8601 as TempEval writes it): a day with a clock time written beside it ' +
          '2023-06-19T09:00 ("9 a.m. Monday", local time as written), a day 2023-06-19, an ISO week 2023-W25, its weekend 2023-W25-WE, a ' +
          'month 2023-06, a quarter 2023-Q3, a half 2023-H2, a season 2023-SU (SP, SU, FA, WI), a year 2023, a ' +
          'decade 202 (the 2020s), a century 20 (the 2000s), a day of the year in no year XXXX-09-07 ("September 7 in history"), or PRESENT_REF, PAST_REF, FUTURE_REF ("now", ' +
          '"recently", "the future"). Absent when the text names a date that cannot be placed: a weekday with no ' +
          'publication date or absolute date to anchor it, a numeric date whose day-month order is unknown',
      }),
    kind: z.enum(['absolute', 'relative']),
    granularity: z
      .enum([
        'time',
        'day',
        'week',
        'month',
        'quarter',
        'half',
        'season',
        'year',
        'decade',
        'century',
        'reference',
      ])
      .optional()
      .meta({
        description:
          'How precise `value` is (time: a day with a clock time, 2000-04-04T09:00; reference: PRESENT_REF, PAST_REF, ' +
          'FUTURE_REF); absent with `value`',
      }),
    anchor: z
      .object({ value: z.string(), from: z.enum(['metadata', 'url', 'text']) })
      .readonly()
      .optional()
      .meta({
        description:
          "For relative dates: the ISO date they were resolved against, and where it came from: publishedAt (metadata; url when the article's address gave it), or a day written in the text",
      }),
    range: z
      .object({ ...spanSchema.unwrap().shape, from: z.string(), to: z.string() })
      .readonly()
      .optional()
      .meta({
        description:
          'On both ends of a range ("from 2014 to 2019", "June 19–20", "2019-20"): the span of the whole range ' +
          'and the values of its start (`from`) and end (`to`)',
      }),
  })
  .readonly()
  .meta({ id: 'DateFact' });
export type DateFact = z.infer<typeof dateFactSchema>;

export const numberFactSchema = z
  .object({
    ...spanSchema.unwrap().shape,
    text: z.string(),
    kind: z.enum(['money', 'percent', 'count', 'quantity', 'duration']),
    value: z.number(),
    unit: z.string().optional(),
    range: z
      .object({ ...spanSchema.unwrap().shape, from: z.number(), to: z.number() })
      .readonly()
      .optional()
      .meta({
        description:
          'On both ends of a range ("10 to 15 minutes", "between 25 and 75 cents", "20-30%", "$5 to $8 billion"): ' +
          'the span of the whole range and the values of its lower (`from`) and upper (`to`) end',
      }),
  })
  .readonly()
  .meta({ id: 'NumberFact' });
export type NumberFact = z.infer<typeof numberFactSchema>;

export const quoteFactSchema = z
  .object({
    ...spanSchema.unwrap().shape,
    text: z.string().meta({ description: 'The quoted words without the quotation marks' }),
    speaker: z.string().optional().meta({
      description:
        "Who said it: the person's or organisation's name, or a description as written ('a US official')",
    }),
    speakerType: z.enum(['person', 'organization']).optional().meta({
      description: 'Set when the speaker resolved to a named entity; a country speaking is an organization',
    }),
    speakerMention: spanSchema.optional().meta({
      description: "The words that name the speaker where the quote is attributed ('he', 'the newspaper')",
    }),
    verb: z.string().optional().meta({
      description: "The reporting verb or cue ('said', 'according to', '—' after a dash, ':' after a label)",
    }),
    partial: z
      .boolean()
      .optional()
      .meta({ description: "True when the quotation is a fragment woven into the writer's sentence" }),
  })
  .readonly()
  .meta({ id: 'QuoteFact' });
export type QuoteFact = z.infer<typeof quoteFactSchema>;

export const factsSchema = z
  .object({
    entities: z.array(entitySchema).readonly(),
    dates: z.array(dateFactSchema).readonly(),
    numbers: z.array(numberFactSchema).readonly(),
    quotes: z.array(quoteFactSchema).readonly(),
  })
  .readonly()
  .meta({ id: 'Facts' });
export type Facts = z.infer<typeof factsSchema>;

export const removalSchema = z
  .object({ rule: z.string(), text: z.string() })
  .readonly()
  .meta({ id: 'Removal', description: 'A piece of the input that cleaning removed, and the rule that did' });
export type Removal = z.infer<typeof removalSchema>;

export const resultErrorSchema = z
  .object({ code: errorCodeSchema, message: z.string() })
  .readonly()
  .meta({ id: 'ResultError' });
export type ResultError = z.infer<typeof resultErrorSchema>;

/** What the analysis covered: English is analysed fully; other languages are cleaned and summarised only. */
export const analysisSchema = z
  .object({
    summary: z
      .enum(['full', 'basic'])
      .meta({ description: "'full': every scoring signal; 'basic': position and word frequency only" }),
    facts: z
      .enum(['full', 'none'])
      .meta({ description: "'full': entities, dates, numbers and quotes; 'none': not extracted" }),
  })
  .readonly()
  .meta({ id: 'Analysis' });
export type Analysis = z.infer<typeof analysisSchema>;

/** One earlier run of the pipeline on an article, kept when it is processed again. */
export const historyEntrySchema = z
  .object({
    pipelineVersion: z.string(),
    processedAt: z.string().meta({ description: 'ISO 8601 time that run wrote its Result' }),
    status: z.enum(['DONE', 'FAILED']),
  })
  .readonly()
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const resultSchema = z
  .object({
    id: z.string(),
    status: statusSchema,
    source: sourceSchema,
    title: z.string().optional().meta({
      description:
        "The article's title as the page or file gives it, without the site's or section's name glued on",
    }),
    titleMentions: z
      .array(titleMentionSchema)
      .readonly()
      .optional()
      .meta({
        description:
          "Where the title names the article's entities, as spans of `title`, when the title is not part of " +
          '`text` (a page title, a JSON export title; a text file title line is in `text` and its facts)',
      }),
    sourceUrl: z.string().optional().meta({
      description:
        "The article's URL: the sender's, else the page's canonical or og:url, else one in the text",
    }),
    language: z
      .string()
      .optional()
      .meta({ description: "ISO 639-1 code of the article's language (DONE Results)" }),
    languageConfidence: z.number().min(0).max(1).optional().meta({
      description: "1 when declared; when detected, the detector's lead over the runner-up; 0 when assumed",
    }),
    languageSource: z.enum(['declared', 'detected', 'assumed']).optional().meta({
      description:
        'Declared by the page or sender (html lang, JSON language, Content-Language), detected on the prose, or English assumed when detection could not tell',
    }),
    publishedAt: z
      .string()
      .optional()
      .meta({ description: 'ISO 8601 date or time the article was published' }),
    publishedAtSource: z.enum(['metadata', 'byline', 'url', 'caption']).optional().meta({
      description:
        "Where publishedAt came from: the page's metadata, a byline or PUBLISHED line, the day in the article's address (/2015/04/03/), a photo caption's date",
    }),
    byline: z.string().optional().meta({
      description: 'Who wrote the article, without "By"; never a publisher, wire or desk',
    }),
    siteName: z
      .string()
      .optional()
      .meta({ description: "The publisher's or site's name (og:site_name, JSON-LD publisher)" }),
    dateline: z
      .string()
      .optional()
      .meta({ description: "The place the article's opening dateline names ('Beijing – …' gives Beijing)" }),
    modifiedAt: z
      .string()
      .optional()
      .meta({ description: 'ISO 8601 time the page says it was last updated' }),
    image: z.string().optional().meta({ description: "The article's lead image: an absolute http(s) URL" }),
    section: z.string().optional().meta({ description: 'The section the page files the article under' }),
    tags: z.array(z.string()).readonly().optional().meta({ description: "The page's tags or keywords" }),
    wordCount: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .meta({ description: 'Words in text (CJK characters count one each)' }),
    readingMinutes: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Minutes to read text at 238 words a minute, at least 1' }),
    text: z.string().meta({ description: 'The cleaned article text' }),
    summary: z
      .array(z.string())
      .readonly()
      .meta({ description: 'Sentences, each verbatim from text, in text order' }),
    headline: z.string().optional(),
    facts: factsSchema,
    keyPhrases: z.array(z.string()).readonly().optional(),
    analysis: analysisSchema.optional().meta({
      description: "Set on DONE Results: what the summary and facts cover for the article's language",
    }),
    removed: z.array(removalSchema).readonly().optional(),
    removedOmitted: z
      .record(z.string(), z.number().int().nonnegative())
      .readonly()
      .optional()
      .meta({ description: 'Per rule, how many removals were left out of `removed` (20 are kept per rule)' }),
    factsOmitted: z
      .object({
        entities: z.number().int().nonnegative().optional(),
        dates: z.number().int().nonnegative().optional(),
        numbers: z.number().int().nonnegative().optional(),
        quotes: z.number().int().nonnegative().optional(),
      })
      .readonly()
      .optional()
      .meta({
        description:
          'Per kind, how many facts were left out: the 500 most salient entities (each with its first 200 ' +
          'mentions; `count` keeps the total) and the first 1,000 dates, numbers and quotes are kept',
      }),
    error: resultErrorSchema.optional(),
    pipelineVersion: z.string(),
    processedAt: z.string().meta({ description: 'ISO 8601 time the Result was written' }),
    history: z
      .array(historyEntrySchema)
      .readonly()
      .optional()
      .meta({
        description:
          'Earlier runs of this article (POST /articles/{id}/reprocess, a backfill after a release), oldest ' +
          'first; the most recent 20 are kept',
      }),
  })
  .readonly()
  .meta({ id: 'Result' });
export type Result = z.infer<typeof resultSchema>;

/** What lists show of a Result: its state and metadata, without text, summary or facts. */
export const articleSummarySchema = resultSchema
  .unwrap()
  .pick({
    id: true,
    status: true,
    source: true,
    title: true,
    headline: true,
    sourceUrl: true,
    siteName: true,
    language: true,
    publishedAt: true,
    processedAt: true,
    pipelineVersion: true,
    error: true,
  })
  .meta({ id: 'ArticleSummary' });
export type ArticleSummary = z.infer<typeof articleSummarySchema>;
