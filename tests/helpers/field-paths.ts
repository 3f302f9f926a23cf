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
    return [{ path, hasFields: below.length > 0, values }, ...below];
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
