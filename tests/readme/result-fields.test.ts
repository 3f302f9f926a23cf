import { describe, expect, it } from 'vitest';
import { ENV } from '#shared/config.ts';
import { RESULT_LIMITS } from '#shared/limits/bound-result.ts';
import { errorCodeSchema, resultSchema } from '#shared/result.ts';
import { exampleKeyPaths, plainPath, schemaFieldPaths } from '#tests/helpers/field-paths.ts';
import {
  codeLines,
  codeSpans,
  paragraph,
  readMarkdown,
  section,
  spansIn,
  type TableRow,
  tables,
} from '#tests/helpers/markdown.ts';

/**
 * README's "The Result" against the zod schema that defines the Result (shared/result.ts): every field the
 * schema has is named there, and every field it names is in the schema.
 */

const theResult = section(readMarkdown('README.md'), 'The Result');
const schemaPaths = schemaFieldPaths(resultSchema);
const byPlainPath = new Map(schemaPaths.map((field) => [plainPath(field.path), field]));

/** Span offsets: described once ("Every date, number and quote fact has `start` and `end`"). */
const OFFSETS = ['start', 'end'];

const identifiers = (text: string) => [...text.matchAll(/[A-Za-z_]\w*/g)].map((match) => match[0]);
/** The keys of object shapes written in code: `{code, message}`, `[{start, end}]`, `{summary: 'full'}`. */
const shapeKeys = (code: string) =>
  code.includes('/') // a route's `{id}` is no shape
    ? []
    : [...code.matchAll(/[{,]\s*([A-Za-z_]\w*)\??\s*(?=[,}:])/g)].map((match) => match[1] ?? '');

interface DocumentedRow {
  /** The fields the row's first cell names, as plain paths (`facts.entities[]` -> `facts.entities`). */
  readonly paths: readonly string[];
  /** Every identifier in the row's code spans. */
  readonly mentions: ReadonlySet<string>;
  readonly shapes: readonly string[];
  readonly where: string;
}

/**
 * The tables of the section, each row resolved against what its table describes: the first field with
 * fields of their own that the paragraph before the table names in code (`facts.dates`), else the Result.
 */
const rows: DocumentedRow[] = tables(theResult).flatMap(({ intro, rows }) => {
  const subject = spansIn(intro).find((span) => byPlainPath.get(plainPath(span))?.hasFields) ?? '';
  return rows.map((row: TableRow) => {
    const code = row.cells.flatMap(spansIn);
    return {
      paths: spansIn(row.cells[0] ?? '').map((name) => plainPath([subject, name].filter(Boolean).join('.'))),
      mentions: new Set(code.flatMap(identifiers)),
      shapes: code.flatMap(shapeKeys),
      where: row.where,
    };
  });
});

const parentOf = (path: string) => path.split('.').slice(0, -1).join('.');
const leafOf = (path: string) => path.split('.').at(-1) ?? '';

/**
 * A field is documented by a row of its own, or named in code by the row of a field it is inside; a field
 * with fields of its own also by the rows of its fields (`facts` by `facts.entities[]` and the others).
 */
function isDocumented(path: string): boolean {
  if (
    rows.some((row) =>
      row.paths.some((documented) => documented === path || documented.startsWith(`${path}.`)),
    )
  )
    return true;
  const ancestors = path.split('.').map((_, index, parts) => parts.slice(0, index).join('.'));
  return rows.some(
    (row) => row.paths.some((documented) => ancestors.includes(documented)) && row.mentions.has(leafOf(path)),
  );
}

describe("README's The Result", () => {
  it('reads the field tables and the schema', () => {
    expect(rows.length).toBeGreaterThan(30);
    expect(schemaPaths.length).toBeGreaterThan(60);
  });

  it('names every field of the Result schema, nested fields included', () => {
    const plain = schemaPaths.map((field) => plainPath(field.path));
    const undocumented = plain.filter((path) => !OFFSETS.includes(leafOf(path)) && !isDocumented(path));
    expect(undocumented).toEqual([]);
    expect(codeSpans(theResult).map((span) => span.value)).toEqual(expect.arrayContaining(OFFSETS));
  });

  it('documents only fields the Result schema has', () => {
    const unknown = rows.flatMap((row) =>
      row.paths.filter((path) => !byPlainPath.has(path)).map((path) => `${row.where} ${path}`),
    );
    expect(unknown).toEqual([]);
  });

  it('writes object shapes with the fields the schema gives them', () => {
    const unknown = rows.flatMap((row) =>
      row.shapes
        .filter((key) => !row.paths.some((path) => byPlainPath.has(`${path}.${key}`)))
        .map((key) => `${row.where} ${key}`),
    );
    expect(unknown).toEqual([]);
  });

  it('shows an example whose every key is a field of the schema', () => {
    const example = codeLines(theResult, ['jsonc'])
      .map((line) => line.value)
      .join('\n');
    const keys = exampleKeyPaths(example).map(plainPath);
    expect(keys.length).toBeGreaterThan(40);
    expect(keys.filter((key) => !byPlainPath.has(key))).toEqual([]);
    // The example is abridged, but each of its objects is one the schema allows there.
    expect(keys.filter((key) => parentOf(key) !== '' && !byPlainPath.get(parentOf(key))?.hasFields)).toEqual(
      [],
    );
  });

  it('names every value of every enum field', () => {
    const named = new Set(codeSpans(theResult).flatMap((span) => identifiers(span.value)));
    const unnamed = schemaPaths.flatMap((field) =>
      field.values.filter((value) => !named.has(value)).map((value) => `${field.path}: ${value}`),
    );
    expect(unnamed).toEqual([]);
  });

  it('lists exactly the error codes of a FAILED Result', () => {
    const failed = paragraph(theResult, 'A FAILED Result has');
    const settings = new Set<string>(Object.values(ENV));
    const codes = spansIn(failed.value).filter((span) => /^[A-Z][A-Z_]+$/.test(span) && !settings.has(span));
    expect(codes.sort()).toEqual([...errorCodeSchema.options].sort());
  });
});

/** Where "The Result" states each cap of shared/limits/bound-result.ts: the number follows the words. */
const LIMIT_WORDING: Readonly<Record<keyof typeof RESULT_LIMITS, string>> = {
  titleChars: 'title',
  headlineChars: 'headline',
  summarySentenceChars: 'each summary sentence',
  metadataChars: 'byline, site name, dateline and section',
  sourceUrlChars: 'a source or image URL over',
  tags: '`tags` keeps',
  tagChars: 'of at most',
  removedPerRule: '`removed` keeps',
  removedTextChars: 'entries per rule of at most',
  entities: 'facts keep the',
  mentionsPerEntity: 'each with its first',
  namesPerEntity: 'mentions,',
  factsPerKind: 'and the first',
  quoteChars: 'a "quote" over',
  historyEntries: 'the latest',
};

describe("README's caps of a Result", () => {
  const text = theResult.lines.map((line) => line.text).join(' ');

  it.each(Object.entries(LIMIT_WORDING))('states %s as the code caps it', (limit, words) => {
    const stated = new RegExp(`${words.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}\\s+([\\d,]+)`).exec(text)?.[1];
    expect(Number(stated?.replaceAll(',', ''))).toBe(RESULT_LIMITS[limit as keyof typeof RESULT_LIMITS]);
  });
});
