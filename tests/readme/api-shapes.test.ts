import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { backfillRequestSchema } from '#shared/backfill/backfill-request.ts';
import { jsonArticleSchema, uploadRequestSchema } from '#shared/events/api-request.ts';
import {
  acceptedSchema,
  articleSummaryPageSchema,
  backfillAnswerSchema,
  entityHitPageSchema,
  healthSchema,
  nameCountPageSchema,
  uploadSchema,
} from '#shared/events/api-responses.ts';
import { articleEventDetailSchema } from '#shared/events/article-events.ts';
import { problemSchema } from '#shared/http/problem.ts';
import { objectAt, plainPath, schemaFieldPaths, shapeKeyPaths } from '#tests/helpers/field-paths.ts';
import { REPO_ROOT } from '#tests/helpers/markdown.ts';
import { lineSchema } from '../../cli/jsonl-line.ts';

/**
 * The JSON shapes README.md writes for requests, answers, events and JSONL lines, against the zod schemas
 * that parse or describe them: every key written is a field of the schema, optional (`"url"?`) only where
 * the schema lets it be left out, and a shape that gives the whole object names every field.
 */

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

interface DocumentedShape {
  /** Text just before the shape in README.md: the shape is the first `{…}` after it. */
  readonly after: string;
  readonly schema: z.ZodType;
  /** Whether the README gives every field (else it shows some and says the rest in words). */
  readonly whole: boolean;
}

const SHAPES: readonly DocumentedShape[] = [
  { after: 'npx precis process --jsonl articles.jsonl', schema: lineSchema, whole: true },
  { after: 'untyped bytes with its `Content-Type`, or JSON `', schema: jsonArticleSchema, whole: true },
  { after: '| `POST /uploads` | Body (optional) JSON `', schema: uploadRequestSchema, whole: true },
  { after: '| `POST /backfills` | Body JSON `', schema: backfillRequestSchema, whole: true },
  { after: 'Stored under `incoming/<id>.<ext>`; `202 ', schema: acceptedSchema, whole: true },
  { after: '| `GET /health` | `200 ', schema: healthSchema, whole: true },
  { after: '"sentences"?, "words"?}`. `201 ', schema: uploadSchema, whole: true },
  { after: 'optionally of one status; `', schema: articleSummaryPageSchema, whole: true },
  { after: '| `GET /entities/{type}/{name}[?limit&cursor]` | `', schema: entityHitPageSchema, whole: true },
  { after: 'each with its article count: `', schema: nameCountPageSchema, whole: true },
  {
    after: 'skipping what it already processed (see "Backfill"). `202 ',
    schema: backfillAnswerSchema,
    whole: false,
  },
  { after: 'middleware alike: `', schema: problemSchema, whole: true },
  { after: '`ArticleFailed` (FAILED), detail', schema: articleEventDetailSchema, whole: true },
];

const parentOf = (path: string) => path.split('.').slice(0, -1).join('.');

function shapeOf(documented: DocumentedShape) {
  const at = readme.indexOf(documented.after);
  if (at === -1) throw new Error(`README.md no longer says "${documented.after}"`);
  return shapeKeyPaths(objectAt(readme, at + documented.after.length));
}

describe("README's JSON shapes", () => {
  it.each(SHAPES)('writes the fields of the schema after "$after"', (documented) => {
    const fields = new Map(
      schemaFieldPaths(documented.schema).map((field) => [plainPath(field.path), field]),
    );
    const written = shapeOf(documented).map((key) => ({ ...key, path: plainPath(key.path) }));
    expect(written.length).toBeGreaterThan(0);

    expect(written.filter((key) => !fields.has(key.path)).map((key) => key.path)).toEqual([]);
    const wronglyOptional = written.filter((key) => key.optional && !fields.get(key.path)?.optional);
    expect(wronglyOptional.map((key) => key.path)).toEqual([]);
    if (documented.whole) {
      // Every field of each object the shape opens: `{"items", "next"?}` does not open the items.
      const opened = new Set(written.map((key) => parentOf(key.path)));
      const expected = [...fields.keys()].filter((path) => opened.has(parentOf(path)));
      expect(expected.filter((path) => !written.some((key) => key.path === path))).toEqual([]);
    }
  });
});
