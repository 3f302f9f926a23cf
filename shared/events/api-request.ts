import { format, isTypeValid, parse } from 'content-type';
import * as z from 'zod';
import { InputError } from '../errors.ts';
import { HttpProblem } from '../http/problem.ts';
import { entityTypeSchema, resultSchema, statusSchema } from '../result.ts';
import {
  isLengthGiven,
  type SummaryLength,
  summaryLength,
  summaryLengthTextSchema,
  summarySentencesSchema,
  summaryWordsSchema,
} from '../summarise/summary-length.ts';

/** A BCP 47 language tag, as Content-Language and a JSON `language` carry it ("en", "en-GB"). */
export const languageTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'Expected a language tag such as "en" or "en-GB"');

/**
 * POST /articles with a JSON body: the article as text or HTML, optionally with the URL it came from, its
 * language and the summary length (sentences, words or both).
 */
export const jsonArticleSchema = z
  .strictObject({
    text: z.string().optional(),
    html: z.string().optional(),
    url: z
      .url({ protocol: /^https?$/, error: 'Expected an http(s) URL' })
      .optional()
      .meta({ description: 'Where the article was published: an http(s) URL' }),
    language: languageTagSchema.optional().meta({
      description: 'The article’s language, a BCP 47 tag ("en", "en-GB"): it wins over detection',
    }),
    sentences: summarySentencesSchema.optional(),
    words: summaryWordsSchema.optional(),
  })
  .refine((body) => (body.text === undefined) !== (body.html === undefined), {
    message: 'Give exactly one of "text" or "html"',
  });

export type JsonArticle = z.infer<typeof jsonArticleSchema>;

export { articleIdSchema } from './article-id-schema.ts';

/**
 * POST /articles?sentences=N&words=W: the summary length, for any body. A length in the query replaces the
 * JSON body's `sentences` and `words` as a whole.
 */
export const submitQuerySchema = summaryLengthTextSchema;

/** S3 refuses keys over 1,024 bytes of UTF-8, so no Result can be filed under a longer one. */
export const MAX_OBJECT_KEY_BYTES = 1_024;
/** Longer than any real name; the entity index skips longer ones (DynamoDB keys stop at 2,048 bytes). */
export const MAX_ENTITY_NAME_BYTES = 1_000;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;
const atMostBytes = (limit: number, what: string) => ({
  check: (text: string) => utf8Bytes(text) <= limit,
  message: `${what} is longer than ${limit} bytes`,
});
const keyLimit = atMostBytes(MAX_OBJECT_KEY_BYTES, 'An object key');
const nameLimit = atMostBytes(MAX_ENTITY_NAME_BYTES, 'An entity name');

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `limit` and `cursor` of every list. */
const pagingShape = {
  limit: z
    .string()
    .regex(/^\d+$/, 'Expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_PAGE_SIZE))
    .default(DEFAULT_PAGE_SIZE)
    .meta({ description: `Items per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` }),
  cursor: z.string().max(8_000).optional().meta({ description: 'The `next` of the previous page, as given' }),
};

/**
 * GET /articles: the newest uploads first (optionally of one `status`), or with `key` those of one object key
 * (as given: API Gateway has already decoded the query string).
 */
export const listQuerySchema = z
  .object({
    key: z
      .string()
      .min(1, 'Query parameter "key" is empty')
      .refine(keyLimit.check, keyLimit.message)
      .optional()
      .meta({ description: 'Only the uploads to this object key' }),
    status: statusSchema.optional().meta({ description: 'Only Results with this status' }),
    ...pagingShape,
  })
  .refine((query) => query.key === undefined || query.status === undefined, {
    message: 'Give "key" or "status", not both',
  });

/** POST /uploads: what the upload will be, so the presigned policy can pin it. */
export const uploadRequestSchema = z
  .strictObject({
    contentType: z
      .string()
      .default('text/plain; charset=utf-8')
      .meta({ description: 'The media type the article will be uploaded as (the policy requires it)' }),
    url: z
      .url({ protocol: /^https?$/, error: 'Expected an http(s) URL' })
      .optional()
      .meta({ description: 'Where the article was published: an http(s) URL' }),
    sentences: summarySentencesSchema.optional(),
    words: summaryWordsSchema.optional(),
  })
  .meta({ id: 'UploadRequest' });

/** Parts of a Result GET /articles/{id} may be narrowed to. */
export const RESULT_FIELDS = [
  ...Object.keys(resultSchema.unwrap().shape),
  'facts.entities',
  'facts.dates',
  'facts.numbers',
  'facts.quotes',
] as const;

/** GET /articles/{id}?fields=summary,facts.entities: the parts to answer with (id and status always). */
export const readQuerySchema = z.object({
  fields: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((field) => field.trim())
        .filter((field) => field !== ''),
    )
    .pipe(
      z.array(
        z.enum(RESULT_FIELDS, {
          error: (issue) => `Unknown field "${String(issue.input)}"; fields are ${RESULT_FIELDS.join(', ')}`,
        }),
      ),
    )
    .optional()
    .meta({ description: `Comma-separated parts of the Result: ${RESULT_FIELDS.join(', ')}` }),
});

export const entityPathSchema = z.object({
  type: entityTypeSchema,
  name: z.string().min(1).refine(nameLimit.check, nameLimit.message),
});

/** GET /entities/{type}/{name}?limit=&cursor= */
export const entityQuerySchema = z.object(pagingShape);

/** GET /entities?prefix=&type=: names for autocomplete. */
export const namesQuerySchema = z.object({
  prefix: z
    .string()
    .min(1, 'Query parameter "prefix" is required')
    .max(200)
    .meta({ description: 'The beginning of a name; case, apostrophes, dashes and diacritics do not matter' }),
  type: entityTypeSchema.optional().meta({ description: 'Only names of this type' }),
  ...pagingShape,
});

/** One readable sentence per zod issue: `where: what`, e.g. `sentences: Too big: expected number to be <=20`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Parses with a zod schema, turning a mismatch into InputError('INVALID_INPUT') with a readable message. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InputError('INVALID_INPUT', describeIssues(parsed.error), { cause: parsed.error });
  }
  return parsed.data;
}

/** An article as POST /articles received it, in the form the bucket stores, with the summary length asked for. */
export interface Submission extends SummaryLength {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly url?: string;
  /** The declared language: the JSON body's `language`, else the request's Content-Language (its first tag). */
  readonly language?: string;
}

/** The first tag of a Content-Language header ("en-GB, fr" -> "en-GB"), or 400 when it is no language tag. */
function contentLanguageOf(header: string | undefined): string | undefined {
  const first = header?.split(',')[0]?.trim();
  if (first === undefined || first === '') return undefined;
  return parseInput(languageTagSchema, first);
}

const JSON_MEDIA_TYPE = 'application/json';
const DEFAULT_CONTENT_TYPE = 'text/plain; charset=utf-8';
const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/**
 * Media types an article may be sent as: any text (plain, HTML, Markdown, ...), XHTML, JSON (`{text|html}`
 * or a JSON export the pipeline reads), gzip of any of those, and untyped bytes, which the pipeline sniffs.
 * Everything else (PDF, images, zip, audio, video, forms) is refused with 415 before it is stored: the
 * pipeline could only fail it later. Form-urlencoded bodies are refused too, not read as text: `curl -d`
 * strips the newlines of a file and a form's `a=b&c=d` is no article, so accepting them would store a
 * garbled text silently; the 415 says to send `text/plain` (`curl --data-binary`).
 */
export const ARTICLE_MEDIA_TYPES = [
  'text/*',
  'application/xhtml+xml',
  JSON_MEDIA_TYPE,
  'application/gzip',
  'application/x-gzip',
  'application/octet-stream',
] as const;

const isArticleMediaType = (type: string) =>
  type.startsWith('text/') || (ARTICLE_MEDIA_TYPES as readonly string[]).includes(type);

/**
 * The Content-Type an article is stored with, normalised (lowercase type, charset only), or 415 when it is
 * malformed (`;;;===`, which S3 itself would refuse) or not an article format.
 */
export function articleContentType(header: string | undefined): string {
  if (header === undefined || header.trim() === '') return DEFAULT_CONTENT_TYPE;
  const parsed = parse(header);
  const type = parsed.type.toLowerCase();
  if (!isTypeValid(type)) {
    throw new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type "${header}" is not a media type`);
  }
  if (!isArticleMediaType(type)) {
    throw new HttpProblem(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Articles cannot be ${type}; send ${ARTICLE_MEDIA_TYPES.join(', ')} (e.g. curl -H 'content-type: text/plain' --data-binary @article.txt)`,
      { headers: { 'Accept-Post': ARTICLE_MEDIA_TYPES.join(', ') } },
    );
  }
  const charset = parsed.parameters.charset;
  return format({ type, parameters: charset === undefined ? {} : { charset } });
}

const mediaTypeOf = (contentType: string) => contentType.split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Reads a POST /articles body: JSON `{text|html, url?, language?, sentences?, words?}` when the Content-Type
 * is application/json, else the raw bytes (text, HTML, ...) stored as sent. The language declared by the JSON
 * body or else by the Content-Language header travels with it. Throws InputError for an empty, oversized or
 * malformed body or language tag, and 415 for a media type that is no article.
 */
export function parseSubmission(
  body: Uint8Array,
  contentType: string | undefined,
  maxInputBytes: number,
  contentLanguage?: string,
): Submission {
  const type = articleContentType(contentType);
  const headerLanguage = contentLanguageOf(contentLanguage);
  if (body.byteLength === 0) throw new InputError('EMPTY', 'Request body is empty');
  if (body.byteLength > maxInputBytes) {
    throw new InputError(
      'TOO_LARGE',
      `Request body is ${body.byteLength} bytes; the limit is ${maxInputBytes} bytes (MAX_INPUT_BYTES)`,
    );
  }
  if (mediaTypeOf(type) !== JSON_MEDIA_TYPE) {
    return {
      bytes: body,
      contentType: type,
      ...(headerLanguage === undefined ? {} : { language: headerLanguage }),
    };
  }

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch (error) {
    throw new InputError('INVALID_INPUT', 'Request body is not valid JSON', { cause: error });
  }
  const article = parseInput(jsonArticleSchema, json);
  if ((article.html ?? article.text ?? '').trim() === '') {
    throw new InputError('EMPTY', `The article's ${article.html === undefined ? 'text' : 'html'} is empty`);
  }
  const language = article.language ?? headerLanguage;
  const options = {
    ...(article.url === undefined ? {} : { url: new URL(article.url).href }),
    ...(language === undefined ? {} : { language }),
    ...summaryLength(article.sentences, article.words),
  };
  return article.html === undefined
    ? { bytes: new TextEncoder().encode(article.text), contentType: DEFAULT_CONTENT_TYPE, ...options }
    : { bytes: new TextEncoder().encode(article.html), contentType: HTML_CONTENT_TYPE, ...options };
}

/** The submission with the length the query asks for, when it asks for one: it replaces the body's as a whole. */
export function withQueryLength(submission: Submission, query: SummaryLength): Submission {
  if (!isLengthGiven(query)) return submission;
  const { bytes, contentType, url, language } = submission;
  return {
    bytes,
    contentType,
    ...(url === undefined ? {} : { url }),
    ...(language === undefined ? {} : { language }),
    ...summaryLength(query.sentences, query.words),
  };
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'text/plain': 'txt',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'md',
  'application/gzip': 'gz',
  'application/x-gzip': 'gz',
};

/** The file extension for an upload's key, a format hint for the pipeline. */
export const extensionFor = (contentType: string): string => EXTENSIONS[mediaTypeOf(contentType)] ?? 'bin';
