import type { Entity, EntityType, Result } from '#shared/result.ts';
import { safeHttpUrl } from '#shared/viewer/escape-html.ts';
import type { Format } from './arguments.ts';

/**
 * A Result as people read it (`text`, `markdown`) or as programs do (`json`): title, byline, date, source,
 * section, length and tags, the summary, key phrases, the top entities of each type, dates and quotes. A FAILED Result says its code
 * and message.
 */

const WIDTH = 80;
const TOP_ENTITIES = 8;
const TYPE_LABELS: readonly [EntityType, string][] = [
  ['person', 'People'],
  ['organization', 'Organisations'],
  ['place', 'Places'],
  ['other', 'Other'],
];

/** Greedy word wrap; `indent` starts every line, `first` replaces it on the first one. */
export function wrap(text: string, indent = '', first = indent, width = WIDTH): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

const bySalience = (a: Entity, b: Entity): number =>
  (b.salience ?? 0) - (a.salience ?? 0) || b.mentions.length - a.mentions.length;

/** Per type, the most salient names, each with its first role. */
function topEntities(result: Result): [string, string[]][] {
  return TYPE_LABELS.flatMap(([type, label]): [string, string[]][] => {
    const names = result.facts.entities
      .filter((entity) => entity.type === type)
      .sort(bySalience)
      .slice(0, TOP_ENTITIES)
      .map((entity) => (entity.roles?.[0] ? `${entity.name} (${entity.roles[0]})` : entity.name));
    return names.length === 0 ? [] : [[label, names]];
  });
}

/** Each distinct date once: "Monday → 2023-06-19" ("Monday → not placed" when it has no value). */
function dateLines(result: Result): string[] {
  return [...new Set(result.facts.dates.map((date) => `${date.text} → ${date.value ?? 'not placed'}`))];
}

function byline(result: Result): string {
  return [result.byline, result.publishedAt, result.siteName].filter(Boolean).join(' · ');
}

/** "Politics · 812 words · 4 min read". */
function filing(result: Result): string {
  const words =
    result.wordCount === undefined
      ? undefined
      : `${result.wordCount} ${result.wordCount === 1 ? 'word' : 'words'}`;
  const minutes = result.readingMinutes === undefined ? undefined : `${result.readingMinutes} min read`;
  return [result.section, words, minutes].filter(Boolean).join(' · ');
}

function textFailure(result: Result): string {
  return result.status === 'FAILED'
    ? `${result.status} ${result.error?.code ?? ''}: ${result.error?.message ?? ''}`
    : result.status;
}

export function formatText(result: Result): string {
  const title = result.title ?? result.headline ?? result.id;
  const parts = [`${title}\n${'='.repeat(Math.min(title.length, WIDTH))}`];
  const head = [
    byline(result),
    result.sourceUrl ?? '',
    filing(result),
    `${result.id} · ${textFailure(result)}`,
  ];
  parts.push(head.filter(Boolean).join('\n'));
  if (result.tags?.length) parts.push(wrap(`Tags: ${result.tags.join(', ')}`, '  ', ''));
  if (result.summary.length > 0) {
    parts.push(`Summary\n${result.summary.map((sentence) => wrap(sentence, '  ', '- ')).join('\n')}`);
  }
  if (result.keyPhrases?.length) parts.push(wrap(`Key phrases: ${result.keyPhrases.join(', ')}`, '  ', ''));
  const entities = topEntities(result);
  if (entities.length > 0) {
    parts.push(entities.map(([label, names]) => wrap(`${label}: ${names.join(', ')}`, '  ', '')).join('\n'));
  }
  const dates = dateLines(result);
  if (dates.length > 0) parts.push(`Dates\n${dates.map((line) => wrap(line, '  ', '- ')).join('\n')}`);
  if (result.facts.quotes.length > 0) {
    const quotes = result.facts.quotes.map((quote) =>
      wrap(`“${quote.text}” — ${quote.speaker ?? 'unattributed'}`, '  ', '- '),
    );
    parts.push(`Quotes\n${quotes.join('\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** Backslash-escapes what Markdown would read as markup or raw HTML, so article text shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~!&]/g, '\\$&').replace(/\s+/g, ' ');
}

export function formatMarkdown(result: Result): string {
  const md = escapeMarkdown;
  const title = result.title ?? result.headline ?? result.id;
  const parts = [`# ${md(title)}`];
  const meta = [result.byline && `*${md(result.byline)}*`, result.publishedAt && md(result.publishedAt)];
  const url = safeHttpUrl(result.sourceUrl);
  if (url !== undefined) meta.push(`<${url}>`);
  meta.push(md(result.id), `**${result.status}**`);
  parts.push(meta.filter(Boolean).join(' · '));
  const filed = filing(result);
  if (filed !== '') parts.push(md(filed));
  if (result.tags?.length) parts.push(`**Tags:** ${result.tags.map(md).join(', ')}`);
  if (result.status === 'FAILED')
    parts.push(`**${result.error?.code ?? ''}**: ${md(result.error?.message ?? '')}`);
  if (result.summary.length > 0) {
    parts.push(`## Summary\n\n${result.summary.map((sentence) => `- ${md(sentence)}`).join('\n')}`);
  }
  if (result.keyPhrases?.length) parts.push(`**Key phrases:** ${result.keyPhrases.map(md).join(', ')}`);
  const entities = topEntities(result);
  if (entities.length > 0) {
    parts.push(
      `## Entities\n\n${entities.map(([label, names]) => `- **${label}:** ${names.map(md).join(', ')}`).join('\n')}`,
    );
  }
  const dates = dateLines(result);
  if (dates.length > 0) parts.push(`## Dates\n\n${dates.map((line) => `- ${md(line)}`).join('\n')}`);
  if (result.facts.quotes.length > 0) {
    const quotes = result.facts.quotes.map(
      (quote) => `> ${md(quote.text)}\n>\n> — ${md(quote.speaker ?? 'unattributed')}`,
    );
    parts.push(`## Quotes\n\n${quotes.join('\n\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** The Result in a format; JSON is one line unless pretty. Blocks of text and markdown end with a newline. */
export function formatResult(result: Result, format: Format, pretty: boolean): string {
  if (format === 'text') return formatText(result);
  if (format === 'markdown') return formatMarkdown(result);
  return `${JSON.stringify(result, null, pretty ? 2 : undefined)}\n`;
}

/** What goes between two articles on stdout. */
export const SEPARATORS: Readonly<Record<Format, string>> = { json: '', text: '\n', markdown: '\n---\n\n' };

export const EXTENSIONS: Readonly<Record<Format, string>> = { json: '.json', text: '.txt', markdown: '.md' };
