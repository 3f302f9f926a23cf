import * as z from 'zod';

/**
 * Field paths of a zod object schema and of a JSON example, in one notation: `source.bucket`,
 * `facts.entities[].roles` (an array's elements are `[]`).
 */

export interface FieldPath {
  readonly path: string;
  /** Whether the field holds an object or an array of objects, whose own fields have paths too. */
  readonly hasFields: boolean;
  /** The values an enum field allows; empty for any other field. */
  readonly values: readonly string[];
  /** Whether the field may be left out of an input (optional, or with a default). */
  readonly optional: boolean;
}

const join = (prefix: string, key: string) => (prefix === '' ? key : `${prefix}.${key}`);

/** Optional, readonly, nullable and default wrappers removed. */
function unwrapped(schema: z.ZodType): z.ZodType {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodReadonly ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault
  ) {
    return unwrapped(schema.unwrap() as z.ZodType);
  }
  return schema;
}

function walk(schema: z.ZodType, prefix: string): FieldPath[] {
  const inner = unwrapped(schema);
  if (inner instanceof z.ZodArray) return walk(inner.element as z.ZodType, `${prefix}[]`);
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
    const path = join(prefix, key);
    const below = walk(field, path);
    const inner = unwrapped(field);
    const values = inner instanceof z.ZodEnum ? inner.options.map(String) : [];
    const optional = field.safeParse(undefined).success;
    return [{ path, hasFields: below.length > 0, values, optional }, ...below];
  });
}

/** Every field of an object schema, nested objects and arrays of objects included. */
export function schemaFieldPaths(schema: z.ZodType): FieldPath[] {
  return walk(schema, '');
}

/** The path without its `[]`s: `facts.entities[].roles` -> `facts.entities.roles`. */
export const plainPath = (path: string) => path.replaceAll('[]', '');

/**
 * The key paths of a JSON-with-comments example that may elide values with `…`. Reads strings, keys and
 * brackets only, so it needs no valid JSON.
 */
export function exampleKeyPaths(text: string): string[] {
  const found = new Set<string>();
  /** The enclosing containers: an object's path, or an array's path with its `[]`. */
  const stack: string[] = [];
  let lastString: string | undefined;
  let pendingKey: string | undefined;
  const current = () => stack.at(-1) ?? '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      lastString = text.slice(index + 1, end);
      index = end;
    } else if (char === ':' && lastString !== undefined) {
      pendingKey = join(current(), lastString);
      found.add(pendingKey);
      lastString = undefined;
    } else if (char === '{' || char === '[') {
      const base = pendingKey ?? current();
      stack.push(char === '[' ? `${base}[]` : base);
      pendingKey = undefined;
      lastString = undefined;
    } else if (char === '}' || char === ']' || char === ',') {
      if (char !== ',') stack.pop();
      pendingKey = undefined;
      lastString = undefined;
    }
  }
  return [...found];
}

export interface ShapeKey {
  readonly path: string;
  /** Written with `?` after it: `"url"?`. */
  readonly optional: boolean;
}

/**
 * The keys of an object shape as the README writes one: `{"id", "status": "PENDING", "url"?, "upload":
 * {"method", …}, "items": [{"name"}]}`. A key is a string inside an object that is not a value (not after
 * a `:`); `"text"|"html"` writes two keys.
 */
export function shapeKeyPaths(shape: string): ShapeKey[] {
  const found: ShapeKey[] = [];
  /** The enclosing containers: an object's path, or an array's path with its `[]`. */
  const stack: { readonly path: string; readonly isArray: boolean }[] = [];
  let previous = '';
  let lastKey: string | undefined;
  const current = () => stack.at(-1)?.path ?? '';
  for (let index = 0; index < shape.length; index++) {
    const char = shape[index] ?? '';
    if (char === '"') {
      let end = index + 1;
      while (end < shape.length && shape[end] !== '"') end += shape[end] === '\\' ? 2 : 1;
      if (previous !== ':' && stack.at(-1)?.isArray === false) {
        lastKey = join(current(), shape.slice(index + 1, end));
        found.push({ path: lastKey, optional: shape[end + 1] === '?' });
      }
      index = end;
      previous = '"';
    } else if (char === '{' || char === '[') {
      const base = previous === ':' ? (lastKey ?? current()) : current();
      stack.push({ path: char === '[' ? `${base}[]` : base, isArray: char === '[' });
      previous = char;
    } else if (char === '}' || char === ']' || char === ':' || char === ',' || char === '|') {
      if (char === '}' || char === ']') stack.pop();
      previous = char;
    }
  }
  return found;
}

/** The balanced `{…}` that starts at the first `{` at or after `from`. */
export function objectAt(text: string, from: number): string {
  const start = text.indexOf('{', from);
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    if (text[index] === '{') depth++;
    if (text[index] === '}' && --depth === 0) return text.slice(start, index + 1);
  }
  return '';
}
