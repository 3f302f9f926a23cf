import { describe, expect, it } from 'vitest';
import { API_ROUTES, fitsTemplate } from '#shared/events/api-routes.ts';
import {
  codeLines,
  codeSpans,
  type Located,
  readMarkdown,
  section,
  spansIn,
  tables,
} from '#tests/helpers/markdown.ts';
import { VIEWER_ROUTES } from '../../local/viewer-pages.ts';

/**
 * README's HTTP API against the route table the api function routes (shared/events/api-routes.ts): its
 * route table lists exactly those routes, and every route or request the README writes elsewhere is one the
 * API (or the local stack's viewer pages) answers.
 */

const readme = readMarkdown('README.md');
const [routeTable] = tables(section(readme, 'HTTP API'));
const ANSWERED: readonly string[] = [...API_ROUTES, ...VIEWER_ROUTES];

/** `GET /articles/{id}[?fields=…]` -> `GET /articles/{id}`: the optional parts and the query left out. */
const routeOf = (written: string) => written.replace(/\[.*$/, '').replace(/\?.*$/, '').trim();

/** The route a request takes, if any: same method, and a path that fits the route's template. */
const routeFor = (method: string, path: string) =>
  ANSWERED.find((route) => {
    const [routeMethod, template = ''] = route.split(' ');
    return routeMethod === method && fitsTemplate(template, path);
  });

/** Shell lines with their continuations (a line ending in `\`) joined. */
function shellCommands(): Located<string>[] {
  const commands: Located<string>[] = [];
  let pending: Located<string> | undefined;
  for (const line of codeLines(readme, ['sh'])) {
    const joined =
      pending === undefined ? line : { value: `${pending.value} ${line.value}`, where: pending.where };
    pending = joined.value.endsWith('\\') ? { ...joined, value: joined.value.slice(0, -1) } : undefined;
    if (pending === undefined) commands.push(joined);
  }
  return commands;
}

/** The requests of the README's curl and browser lines: the local API's and the deployed API's. */
function requests(): { readonly method: string; readonly path: string; readonly where: string }[] {
  return shellCommands().flatMap(({ value, where }) => {
    const url = /(?:localhost:3000|\$\{API_URL\})\/?([^\s"'?)]*)/.exec(value);
    if (url === null || !/\b(curl|xdg-open)\b/.test(value)) return [];
    const method = /-X\s+([A-Z]+)/.exec(value)?.[1] ?? (/\s(-d|--data\S*|-F)\s/.test(value) ? 'POST' : 'GET');
    return [{ method, path: `/${url[1] ?? ''}`, where }];
  });
}

describe("README's HTTP API", () => {
  it('lists exactly the routes of the route table', () => {
    const listed = (routeTable?.rows ?? []).map((row) => routeOf(spansIn(row.cells[0] ?? '')[0] ?? ''));
    expect(new Set(listed)).toEqual(new Set(API_ROUTES));
  });

  it('writes only routes that the API or the local viewer pages answer', () => {
    const written = codeSpans(readme)
      .filter(({ value }) => /^(GET|POST|PUT|PATCH|DELETE) \//.test(value))
      .map(({ value, where }) => ({ route: routeOf(value), where }));
    expect(written.length).toBeGreaterThan(20);
    const unknown = written.filter(({ route }) => {
      const [method = '', path = ''] = route.split(' ');
      return routeFor(method, path.replace(/<[^>]+>/g, 'x')) === undefined;
    });
    expect(unknown).toEqual([]);
  });

  it('shows only requests that a route answers', () => {
    const shown = requests();
    expect(shown.length).toBeGreaterThan(15);
    expect(shown.filter(({ method, path }) => routeFor(method, path) === undefined)).toEqual([]);
  });
});
