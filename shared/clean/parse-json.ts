import { InputError } from '../errors.ts';
import { wellFormed } from './normalise-text.ts';

/**
 * A JSON export: `{title?, text|body|html, url?, publishedAt?, modifiedAt?, author?, siteName?, language?,
 * image?, section?, tags?}` (a few common aliases of each name are read too).
 */
export interface JsonArticle {
  readonly title?: string;
  readonly text?: string;
  readonly html?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  readonly modifiedAt?: string;
  readonly author?: string;
  readonly siteName?: string;
  /** The article's declared language ("en", "fr-CA"). */
  readonly language?: string;
  readonly image?: string;
  readonly section?: string;
  /** Tags as given: a list, or one comma-separated string. */
  readonly tags?: readonly string[];
}

function stringField(record: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return wellFormed(value);
  }
  return undefined;
}

function stringsField(record: Record<string, unknown>, ...names: string[]): string[] | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return [wellFormed(value)];
    if (Array.isArray(value)) {
      const strings = value.filter((item): item is string => typeof item === 'string').map(wellFormed);
      if (strings.length > 0) return strings;
    }
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
    modifiedAt: stringField(record, 'modifiedAt', 'modified', 'updatedAt', 'dateModified'),
    author: stringField(record, 'author', 'byline'),
    siteName: stringField(record, 'siteName', 'site', 'publisher'),
    language: stringField(record, 'language', 'lang', 'inLanguage'),
    image: stringField(record, 'image', 'imageUrl'),
    section: stringField(record, 'section', 'category'),
    tags: stringsField(record, 'tags', 'keywords'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as JsonArticle;
}
