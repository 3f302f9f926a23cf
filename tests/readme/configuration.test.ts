import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Config, ConfigError, ENV, loadConfig } from '#shared/config.ts';
import {
  DEFAULT_SUMMARY_SENTENCES,
  SUMMARY_SENTENCES_RANGE,
  SUMMARY_WORDS_RANGE,
} from '#shared/summarise/summary-length.ts';
import { codeSpans, REPO_ROOT, readMarkdown, section, spansIn, tables } from '#tests/helpers/markdown.ts';
import { DATA_DIR_ENV, LOCAL_ENV } from '../../local/settings.ts';

/**
 * README's Configuration against the code: its first table is exactly what shared/config.ts reads, with the
 * defaults loadConfig gives; every environment variable the code reads is named in the section.
 */

const configuration = section(readMarkdown('README.md'), 'Configuration');
const [functionsTable, localTable] = tables(configuration);
const variableOf = (cells: readonly string[]) => spansIn(cells[0] ?? '')[0] ?? '';
const functionRows = (functionsTable?.rows ?? []).map((row) => ({
  name: variableOf(row.cells),
  default: row.cells[1] ?? '',
  meaning: row.cells[2] ?? '',
}));
const localRows = (localTable?.rows ?? []).map((row) => ({
  name: variableOf(row.cells),
  default: (row.cells[1] ?? '').replaceAll('`', ''),
}));

/** Directories of code that runs: in Lambda, the CLI, the local stack, infra, the tools. */
const CODE_DIRECTORIES = ['shared', 'functions', 'cli', 'local', 'infra', 'bin', 'scripts', 'bench'];
/** Of those, where any `process.env.NAME` is a setting (bench and scripts pass PATH and the like through). */
const RUNTIME_DIRECTORIES = ['shared', 'functions', 'cli', 'local', 'infra', 'bin'];

function sourceTexts(directory: string): string[] {
  return readdirSync(join(REPO_ROOT, directory), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|js|cjs|mjs|sh)$/.test(name))
    .map((name) => readFileSync(join(REPO_ROOT, directory, name), 'utf8'));
}

/** The environment variables the code names: precis's own (PRECIS_*) anywhere, and any process.env.NAME it reads. */
function variablesTheCodeReads(): Set<string> {
  const names = new Set<string>(Object.values(ENV));
  for (const directory of CODE_DIRECTORIES) {
    for (const text of sourceTexts(directory)) {
      for (const match of text.matchAll(/\bPRECIS_[A-Z0-9_]*[A-Z0-9]/g)) names.add(match[0]);
      if (!RUNTIME_DIRECTORIES.includes(directory)) continue;
      for (const match of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(match[1] ?? '');
    }
  }
  return names;
}

const requiredNames = functionRows.filter((row) => row.default === 'required').map((row) => row.name);
const requiredOnly = Object.fromEntries(requiredNames.map((name) => [name, 'set']));
const keyOf = (name: string) =>
  (Object.entries(ENV).find(([, variable]) => variable === name)?.[0] ?? '') as keyof Config;

describe("README's Configuration", () => {
  it('lists exactly the variables shared/config.ts reads', () => {
    expect(functionRows.map((row) => row.name).sort()).toEqual(Object.values(ENV).sort());
  });

  it('calls required exactly the variables loadConfig cannot do without', () => {
    expect(requiredNames.length).toBeGreaterThan(0);
    expect(() => loadConfig(requiredOnly)).not.toThrow();
    for (const name of requiredNames) {
      const { [name]: _left, ...without } = requiredOnly;
      expect(() => loadConfig(without)).toThrow(ConfigError);
      expect(() => loadConfig(without)).toThrow(name);
    }
  });

  it('gives the defaults loadConfig gives', () => {
    const config = loadConfig(requiredOnly);
    // Unset, the summary length is the summariser's own default.
    const effective = { ...config, summarySentences: config.summarySentences ?? DEFAULT_SUMMARY_SENTENCES };
    const wrong = functionRows.flatMap((row) => {
      const value = effective[keyOf(row.name)];
      const number = /^[\d,]+/.exec(row.default)?.[0]?.replaceAll(',', '');
      const expected =
        number !== undefined ? Number(number) : row.default.startsWith('unset') ? 'unset' : undefined;
      const actual = value === undefined || (Array.isArray(value) && value.length === 0) ? 'unset' : value;
      if (row.default === '`false`') return actual === false ? [] : [`${row.name}: ${String(actual)}`];
      return expected === undefined || actual === expected ? [] : [`${row.name}: ${String(actual)}`];
    });
    expect(wrong).toEqual([]);
  });

  it('gives the summary length ranges the API checks', () => {
    const meaning = (name: string) => functionRows.find((row) => row.name === name)?.meaning;
    const range = (limits: { min: number; max: number }) => `(${limits.min} to ${limits.max})`;
    expect(meaning(ENV.summarySentences)).toContain(range(SUMMARY_SENTENCES_RANGE));
    expect(meaning(ENV.summaryWords)).toContain(range(SUMMARY_WORDS_RANGE));
  });

  it("gives the local stack's variables with the defaults local/settings.ts gives", () => {
    const documented = new Map(localRows.map((row) => [row.name, row.default]));
    for (const spec of [...Object.values(LOCAL_ENV), DATA_DIR_ENV]) {
      expect(documented.get(spec.name), spec.name).toBe(String(spec.fallback));
    }
  });

  it('names every environment variable the code reads, and only those in its tables', () => {
    const read = variablesTheCodeReads();
    expect(read.size).toBeGreaterThan(20);
    const named = new Set(codeSpans(configuration).map((span) => span.value));
    expect([...read].filter((name) => !named.has(name))).toEqual([]);
    const tabled = [...functionRows, ...localRows].map((row) => row.name);
    expect(tabled.filter((name) => !read.has(name))).toEqual([]);
  });
});
