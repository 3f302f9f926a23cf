import * as z from 'zod';
import { InputError } from '../errors.ts';
import {
  isLengthGiven,
  type SummaryLength,
  summaryLength,
  summaryLengthTextSchema,
  summarySentencesSchema,
  summaryWordsSchema,
} from '../summarise/summary-length.ts';

/**
 * POST /articles with a JSON body: the article as text or HTML, optionally with the URL it came from and the
 * summary length (sentences, words or both).
 */
export const jsonArticleSchema = z
  .strictObject({
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.url().optional(),
    sentences: summarySentencesSchema.optional(),
    words: summaryWordsSchema.optional(),
  })
  .refine((body) => (body.text === undefined) !== (body.html === undefined), {
    message: 'Give exactly one of "text" or "html"',
  });

export type JsonArticle = z.infer<typeof jsonArticleSchema>;

/** An article id as the API and the process handler accept it: generated ids and hex digests fit. */
export const articleIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not an article id');

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

/** GET /articles?key=: the object key, as given (API Gateway has already decoded the query string). */
export const listByKeyQuerySchema = z.object({
  key: z.string().min(1, 'Query parameter "key" is required').refine(keyLimit.check, keyLimit.message),
});

export const entityPathSchema = z.object({
  type: z.enum(['person', 'organization', 'place', 'other']),
  name: z.string().min(1).refine(nameLimit.check, nameLimit.message),
});

/** Parses with a zod schema, turning a mismatch into InputError('INVALID_INPUT') with a readable message. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    throw new InputError('INVALID_INPUT', message, { cause: parsed.error });
  }
  return parsed.data;
}

/** An article as POST /articles received it, in the form the bucket stores, with the summary length asked for. */
export interface Submission extends SummaryLength {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly url?: string;
}

const JSON_MEDIA_TYPE = 'application/json';
const DEFAULT_CONTENT_TYPE = 'text/plain; charset=utf-8';
const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

const mediaTypeOf = (contentType: string) => contentType.split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Reads a POST /articles body: JSON `{text|html, url?, sentences?, words?}` when the Content-Type is
 * application/json, else the raw bytes (text, HTML, ...) stored as sent. Throws InputError for an empty,
 * oversized or malformed body.
 */
export function parseSubmission(
  body: Uint8Array,
  contentType: string | undefined,
  maxInputBytes: number,
): Submission {
  if (body.byteLength === 0) throw new InputError('EMPTY', 'Request body is empty');
  if (body.byteLength > maxInputBytes) {
    throw new InputError(
      'TOO_LARGE',
      `Request body is ${body.byteLength} bytes; the limit is ${maxInputBytes}`,
    );
  }
  const type = contentType?.trim() || DEFAULT_CONTENT_TYPE;
  if (mediaTypeOf(type) !== JSON_MEDIA_TYPE) return { bytes: body, contentType: type };

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
  const options = {
    ...(article.url === undefined ? {} : { url: new URL(article.url).href }),
    ...summaryLength(article.sentences, article.words),
  };
  return article.html === undefined
    ? { bytes: new TextEncoder().encode(article.text), contentType: DEFAULT_CONTENT_TYPE, ...options }
    : { bytes: new TextEncoder().encode(article.html), contentType: HTML_CONTENT_TYPE, ...options };
}

/** The submission with the length the query asks for, when it asks for one: it replaces the body's as a whole. */
export function withQueryLength(submission: Submission, query: SummaryLength): Submission {
  if (!isLengthGiven(query)) return submission;
  const { bytes, contentType, url } = submission;
  return {
    bytes,
    contentType,
    ...(url === undefined ? {} : { url }),
    ...summaryLength(query.sentences, query.words),
  };
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'text/plain': 'txt',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'md',
};

/** The file extension for an upload's key, a format hint for the pipeline. */
export const extensionFor = (contentType: string): string => EXTENSIONS[mediaTypeOf(contentType)] ?? 'bin';
