import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Just enough Markdown for the tests that hold README.md and docs/ to the code: headings, fenced code
 * blocks, inline code spans, tables and links, each with the line it is on.
 */

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export interface MarkdownLine {
  /** 1-based line number in the file. */
  readonly number: number;
  readonly text: string;
  /** The info string of the fenced block the line is in ('' for a bare fence); undefined outside a fence. */
  readonly fence: string | undefined;
}

export interface MarkdownFile {
  /** Path from the repository root, e.g. 'README.md', 'docs/history/dates.md'. */
  readonly path: string;
  readonly lines: readonly MarkdownLine[];
}

const FENCE = /^\s*```(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;

export function readMarkdown(path: string): MarkdownFile {
  const lines: MarkdownLine[] = [];
  let fence: string | undefined;
  readFileSync(join(REPO_ROOT, path), 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const opening = FENCE.exec(text);
      if (opening !== null) {
        // The fence lines themselves belong to no block.
        fence = fence === undefined ? (opening[1] ?? '').trim() : undefined;
        lines.push({ number: index + 1, text, fence: undefined });
        return;
      }
      lines.push({ number: index + 1, text, fence });
    });
  return { path, lines };
}

/** README.md and every Markdown file under docs/. */
export function documentationFiles(): MarkdownFile[] {
  const docs = readdirSync(join(REPO_ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join('docs', name));
  return ['README.md', ...docs].map(readMarkdown);
}

const headingOf = (line: MarkdownLine) => (line.fence === undefined ? HEADING.exec(line.text) : null);

/** The lines under a heading (its title without the #s), to the next heading of the same or a higher level. */
export function section(file: MarkdownFile, title: string): MarkdownFile {
  const start = file.lines.findIndex((line) => headingOf(line)?.[2] === title);
  if (start === -1) throw new Error(`${file.path} has no heading "${title}"`);
  const level = headingOf(file.lines[start] as MarkdownLine)?.[1]?.length ?? 1;
  const rest = file.lines.slice(start + 1);
  const end = rest.findIndex((line) => {
    const heading = headingOf(line);
    return heading !== null && (heading[1]?.length ?? 0) <= level;
  });
  return { path: file.path, lines: end === -1 ? rest : rest.slice(0, end) };
}

/** Every heading's title outside code blocks. */
export function headings(file: MarkdownFile): string[] {
  return file.lines.flatMap((line) => {
    const title = headingOf(line)?.[2];
    return title === undefined ? [] : [title];
  });
}

export interface Located<T> {
  readonly value: T;
  readonly where: string;
}

const at = (file: MarkdownFile, line: MarkdownLine) => `${file.path}:${line.number}`;

/** Inline code spans outside code blocks (single backticks; a table's `\|` read as `|`). */
export function codeSpans(file: MarkdownFile): Located<string>[] {
  return file.lines
    .filter((line) => line.fence === undefined)
    .flatMap((line) =>
      [...line.text.matchAll(/`([^`]+)`/g)].map((match) => ({
        value: (match[1] ?? '').replaceAll('\\|', '|'),
        where: at(file, line),
      })),
    );
}

/** Lines of fenced code blocks whose info string is one of `languages`. */
export function codeLines(file: MarkdownFile, languages: readonly string[]): Located<string>[] {
  return file.lines
    .filter((line) => line.fence !== undefined && languages.includes(line.fence))
    .map((line) => ({ value: line.text, where: at(file, line) }));
}

/** Markdown link targets outside code blocks and code spans: `[text](target)` and `![alt](target)`. */
export function linkTargets(file: MarkdownFile): Located<string>[] {
  return file.lines
    .filter((line) => line.fence === undefined)
    .flatMap((line) =>
      [...line.text.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => ({
        value: match[1] ?? '',
        where: at(file, line),
      })),
    );
}

export interface TableRow {
  readonly cells: readonly string[];
  readonly where: string;
}

/** Splits a table line into cells at unescaped pipes; `\|` inside a cell becomes `|`. */
function cellsOf(text: string): string[] {
  const cells = text
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/);
  return cells.map((cell) => cell.trim().replaceAll('\\|', '|'));
}

export interface Table {
  /** The paragraph just before the table, which says what it describes. */
  readonly intro: string;
  /** The body rows (the header and the --- line left out). */
  readonly rows: TableRow[];
}

/** The paragraph before line `index`, blank lines between skipped (a blank line or a code block ends it). */
function paragraphBefore(file: MarkdownFile, index: number): string {
  const lines: string[] = [];
  let last = index - 1;
  while (last >= 0 && file.lines[last]?.text.trim() === '') last--;
  for (let before = last; before >= 0; before--) {
    const line = file.lines[before] as MarkdownLine;
    if (line.fence !== undefined || line.text.trim() === '' || FENCE.test(line.text)) break;
    lines.unshift(line.text);
  }
  return lines.join('\n');
}

/** The tables of a file or section. */
export function tables(file: MarkdownFile): Table[] {
  const found: Table[] = [];
  let current: TableRow[] | undefined;
  file.lines.forEach((line, index) => {
    const isRow = line.fence === undefined && line.text.trimStart().startsWith('|');
    if (!isRow) {
      current = undefined;
      return;
    }
    if (current === undefined) {
      current = [];
      found.push({ intro: paragraphBefore(file, index), rows: current });
      return; // the header
    }
    if (/^\|[\s|:-]+\|$/.test(line.text.trim())) return; // the --- line
    current.push({ cells: cellsOf(line.text), where: at(file, line) });
  });
  return found;
}

/** The paragraph that starts with `opening` (to the next blank line). */
export function paragraph(file: MarkdownFile, opening: string): Located<string> {
  const start = file.lines.findIndex((line) => line.fence === undefined && line.text.startsWith(opening));
  if (start === -1) throw new Error(`${file.path} has no paragraph starting "${opening}"`);
  const rest = file.lines.slice(start);
  const end = rest.findIndex((line) => line.text.trim() === '');
  const lines = end === -1 ? rest : rest.slice(0, end);
  return { value: lines.map((line) => line.text).join('\n'), where: at(file, rest[0] as MarkdownLine) };
}

/** The code spans of a piece of Markdown text. */
export const spansIn = (text: string): string[] =>
  [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
