import * as z from 'zod';
import type { ArticleInput } from '#shared/process-article.ts';

/** One line of `precis process --jsonl`: an article as text or HTML (other fields are ignored); no id is line-N. */
export const lineSchema = z.object({
  id: z.string().min(1).optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  language: z.string().optional(),
});

type Line = z.infer<typeof lineSchema>;

const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/**
 * The line as the schema reads it, without running the schema when every field it names is absent or a
 * string (and the id not empty), which is what the schema accepts: it would return the same values (an absent
 * field undefined either way). Other fields are left out, as the schema strips them. Anything else goes through the schema, for its messages.
 */
export function readLine(json: unknown): z.ZodSafeParseResult<Line> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return lineSchema.safeParse(json);
  const { id, text, html, url, language } = json as Record<string, unknown>;
  const plain =
    isOptionalString(id) &&
    id !== '' &&
    isOptionalString(text) &&
    isOptionalString(html) &&
    isOptionalString(url) &&
    isOptionalString(language);
  if (!plain) return lineSchema.safeParse(json);
  return { success: true, data: { id, text, html, url, language } as Line };
}

/** One encoder for every line (an encoder holds no state between calls). */
const encoder = new TextEncoder();

const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';
const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** Why a line cannot be processed, with the best id we could read from it. */
export interface BadLine {
  readonly id: string;
  readonly message: string;
}

/** `id: expected string`, or just the message when it is about the whole line (an array, null). */
const describeIssue = (issue: z.core.$ZodIssue): string =>
  issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;

/** HTML wins over text when a line has both: it carries the metadata the cleaner reads. */
export function parseJsonlLine(line: string, lineNumber: number): ArticleInput | BadLine {
  const fallbackId = `line-${lineNumber}`;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { id: fallbackId, message: `Line ${lineNumber} is not valid JSON` };
  }
  const parsed = readLine(json);
  if (!parsed.success) {
    const id = (json as { id?: unknown } | null)?.id;
    return {
      id: typeof id === 'string' && id !== '' ? id : fallbackId,
      message: `Line ${lineNumber}: ${parsed.error.issues.map(describeIssue).join('; ')}`,
    };
  }
  const { text, html, url, language } = parsed.data;
  const id = parsed.data.id ?? fallbackId;
  const body = html ?? text;
  if (body === undefined) {
    return { id, message: `Line ${lineNumber} has no "text" or "html" (URLs are not fetched)` };
  }
  const bytes = encoder.encode(body);
  const contentType = html === undefined ? TEXT_CONTENT_TYPE : HTML_CONTENT_TYPE;
  return {
    id,
    bytes,
    source: { contentType, bytes: bytes.byteLength },
    ...(url === undefined ? {} : { url }),
    ...(language === undefined ? {} : { language }),
  };
}

export const isBadLine = (value: ArticleInput | BadLine): value is BadLine => 'message' in value;
