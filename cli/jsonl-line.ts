import * as z from 'zod';
import type { ArticleInput } from '#shared/process-article.ts';

/** One line of `precis process --jsonl`: an article as text or HTML (other fields are ignored); no id is line-N. */
const lineSchema = z.object({
  id: z.string().min(1).optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  language: z.string().optional(),
});

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
  const parsed = lineSchema.safeParse(json);
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
  const bytes = new TextEncoder().encode(body);
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
