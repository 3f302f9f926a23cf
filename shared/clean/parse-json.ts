import { InputError } from '../errors.ts';
import { wellFormed } from './normalise-text.ts';

/** A JSON export: `{title?, text|body|html, url?, publishedAt?, author?, language?}`. */
export interface JsonArticle {
  readonly title?: string;
  readonly text?: string;
  readonly html?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  readonly author?: string;
  /** The article's declared language ("en", "fr-CA"). */
  readonly language?: string;
}

function stringField(record: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return wellFormed(value);
  }
  return undefined;
}

export function parseJsonArticle(json: string): JsonArticle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new InputError('INVALID_INPUT', 'Input looks like JSON but does not parse', { cause: error });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError('INVALID_INPUT', 'JSON input must be an object with text, body or html');
  }
  const record = parsed as Record<string, unknown>;
  const text = stringField(record, 'text', 'body', 'content');
  const html = stringField(record, 'html');
  if (text === undefined && html === undefined) {
    throw new InputError('EMPTY', 'JSON input has no text, body or html');
  }
  const fields = {
    title: stringField(record, 'title', 'headline'),
    text,
    html,
    url: stringField(record, 'url', 'sourceUrl'),
    publishedAt: stringField(record, 'publishedAt', 'published', 'date', 'datePublished'),
    author: stringField(record, 'author', 'byline'),
    language: stringField(record, 'language', 'lang', 'inLanguage'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as JsonArticle;
}
