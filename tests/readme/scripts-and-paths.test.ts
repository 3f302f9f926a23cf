import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  codeLines,
  codeSpans,
  documentationFiles,
  headings,
  type Located,
  linkTargets,
  type MarkdownFile,
  REPO_ROOT,
  readMarkdown,
} from '#tests/helpers/markdown.ts';

/** README.md and docs/ name npm scripts and files of the repository; each must exist. */

const files = documentationFiles();
const scripts = Object.keys(
  (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts,
);

/** Every `npm run X` in code spans and shell blocks, as { value: X, where }. */
function npmRunScripts(file: MarkdownFile): Located<string>[] {
  const code = [...codeSpans(file), ...codeLines(file, ['sh', 'bash', 'shell', ''])];
  // Prose may say "npm run bench" too: read whole lines outside code as well.
  const prose = file.lines
    .filter((line) => line.fence === undefined)
    .map((line) => ({ value: line.text, where: `${file.path}:${line.number}` }));
  return [...code, ...prose].flatMap(({ value, where }) =>
    [...value.matchAll(/\bnpm run ([\w:.-]*[\w])/g)].map((match) => ({ value: match[1] ?? '', where })),
  );
}

/** Directories of the repository whose paths the documentation writes. */
const REPO_DIRECTORIES = [
  'shared',
  'bench',
  'docs',
  'tests',
  'infra',
  'scripts',
  'local',
  'functions',
  'cli',
  'bin',
  '.ci',
];
const REPO_PATH = new RegExp(
  `^(?:${REPO_DIRECTORIES.map((name) => name.replace('.', '\\.')).join('|')})/[\\w./-]*$`,
);

/**
 * Paths in the repository: code spans, and words of shell blocks, under one of its directories. Paths with
 * placeholders (`<id>`, `{name}`, `*`, `…`) are not paths.
 */
function repoPaths(file: MarkdownFile): Located<string>[] {
  const words = codeLines(file, ['sh', 'bash', 'shell']).flatMap(({ value, where }) =>
    value.split(/[\s"'=@]+/).map((word) => ({ value: word, where })),
  );
  return [...codeSpans(file), ...words].filter(({ value }) => REPO_PATH.test(value));
}

const isExternal = (target: string) => /^[a-z][a-z+.-]*:/i.test(target);

describe('the documentation', () => {
  it('finds the README and the docs/history files it checks', () => {
    expect(files.map((file) => file.path)).toContain('README.md');
    expect(files.length).toBeGreaterThan(5);
  });

  it('runs only npm scripts that package.json defines', () => {
    const named = files.flatMap(npmRunScripts);
    expect(named.length).toBeGreaterThan(40);
    const unknown = named.filter(({ value }) => !scripts.includes(value));
    expect(unknown).toEqual([]);
  });

  it('names every npm script in the README', () => {
    const text = readMarkdown('README.md')
      .lines.map((line) => line.text)
      .join('\n');
    // `npm run X`, `npm start`, `npm test`, or "the `prepare` script".
    const named = new Set([
      ...[...text.matchAll(/\bnpm (?:run )?([\w:.-]*\w)/g)].map((match) => match[1]),
      ...[...text.matchAll(/`([\w:.-]+)` script/g)].map((match) => match[1]),
    ]);
    expect(scripts.filter((script) => !named.has(script))).toEqual([]);
  });

  it('names only files and directories of the repository that exist (the history may name old ones)', () => {
    const paths = files.filter((file) => !file.path.startsWith('docs/history/')).flatMap(repoPaths);
    expect(paths.length).toBeGreaterThan(40);
    const missing = paths.filter(({ value }) => !existsSync(join(REPO_ROOT, value)));
    expect(missing).toEqual([]);
  });

  it('links only to files that exist and to headings that exist', () => {
    const broken = files.flatMap((file) => {
      const anchors = new Set(headings(file).map(anchorOf));
      return linkTargets(file)
        .filter(({ value }) => !isExternal(value))
        .filter(({ value }) => {
          const [path = '', anchor] = value.split('#');
          if (path === '') return !anchors.has(anchor ?? '');
          const target = normalize(join(REPO_ROOT, dirname(file.path), decodeURIComponent(path)));
          if (!target.startsWith(REPO_ROOT) || !existsSync(target)) return true;
          if (anchor === undefined || !target.endsWith('.md')) return false;
          const linked = documentationFiles().find((other) => join(REPO_ROOT, other.path) === target);
          return linked === undefined || !headings(linked).map(anchorOf).includes(anchor);
        });
    });
    expect(broken).toEqual([]);
  });
});
