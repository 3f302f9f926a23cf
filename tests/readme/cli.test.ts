import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '#tests/helpers/cli.ts';
import { codeLines, codeSpans, type Located, readMarkdown } from '#tests/helpers/markdown.ts';
import { OPTIONS, parseCommand } from '../../cli/arguments.ts';
import { BACKFILL_OPTIONS, parseBackfillArgs } from '../../cli/backfill.ts';
import { main } from '../../cli/main.ts';
import { REDRIVE_OPTIONS } from '../../cli/redrive.ts';

/**
 * The `npx precis` command lines README.md shows, through the CLI's own parsers: each command exists, each
 * option is one of its options, and each whole command line in a shell block parses; every option the CLI
 * defines is shown somewhere.
 */

const readme = readMarkdown('README.md');

type OptionTable = Readonly<Record<string, { readonly type: string; readonly short?: string }>>;
const OPTIONS_OF: Readonly<Record<string, OptionTable>> = {
  process: OPTIONS,
  view: OPTIONS,
  backfill: BACKFILL_OPTIONS,
  redrive: REDRIVE_OPTIONS,
};

/** The words of a shell command, quotes removed, up to the first operator (`;`, `&&`, `|`, `>`, `<`) or comment. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const match of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const bare = match[3];
    if (bare !== undefined && (/^(;|&&|\|\|?|[<>]|2?>|#)/.test(bare) || bare.startsWith('#'))) break;
    words.push((match[1] ?? match[2] ?? bare ?? '').replace(/;$/, ''));
    if (bare?.endsWith(';')) break;
  }
  return words;
}

interface Invocation {
  readonly words: readonly string[];
  /** A whole command line from a shell block, rather than a fragment quoted in prose. */
  readonly whole: boolean;
  readonly where: string;
}

/**
 * Every `npx precis …` of the shell blocks (several may share a line) and of code spans, whole command lines,
 * and every `precis <command> …` span, a fragment.
 */
function invocations(): Invocation[] {
  const fromBlocks = codeLines(readme, ['sh']).flatMap(({ value, where }) =>
    value
      .split(/\bnpx precis\b/)
      .slice(1)
      .map((rest) => ({ words: shellWords(rest), whole: true, where })),
  );
  const fromSpans = codeSpans(readme).flatMap(({ value, where }: Located<string>) => {
    const whole = /^npx precis (.*)$/.exec(value);
    if (whole !== null) return [{ words: shellWords(whole[1] ?? ''), whole: true, where }];
    // `precis process --jsonl`, `precis backfill --prefix P`; not `precis: 30 DONE` or `precis redrive: …`.
    const fragment = /^precis ([a-z][\w-]*(?![\w:-]).*)$/.exec(value);
    return fragment === null ? [] : [{ words: shellWords(fragment[1] ?? ''), whole: false, where }];
  });
  return [...fromBlocks, ...fromSpans];
}

const found = invocations();
const commandOf = (words: readonly string[]) => (words[0]?.startsWith('-') ? undefined : words[0]);

/** The options a command line uses, as the names its option table gives them. */
function optionsUsed(words: readonly string[]): string[] {
  return words
    .filter((word) => /^--?[a-z]/.test(word))
    .map((word) => word.replace(/^--?/, '').replace(/=.*$/, ''));
}

function knowsOption(table: OptionTable, option: string): boolean {
  return option in table || Object.values(table).some((spec) => spec.short === option);
}

/** A whole command line through the parser the CLI runs for that command. */
function parse(words: readonly string[]): void {
  const command = commandOf(words);
  if (command === 'backfill') parseBackfillArgs(words.slice(1));
  else if (command === 'redrive') parseArgs({ args: words.slice(1), options: REDRIVE_OPTIONS, strict: true });
  else parseCommand(words);
}

describe("README's npx precis commands", () => {
  it('finds the command lines of the CLI section, the viewer and the operators', () => {
    expect(found.filter((invocation) => invocation.whole).length).toBeGreaterThan(15);
    expect(new Set(found.map((invocation) => commandOf(invocation.words)))).toEqual(
      new Set(['process', 'view', 'backfill', 'redrive', undefined]),
    );
  });

  it('uses only commands the CLI dispatches, each answering its own --help', async () => {
    const commands = new Set(found.flatMap((invocation) => commandOf(invocation.words) ?? []));
    for (const command of commands) {
      const io = memoryIo();
      expect(await main([command, '--help'], io), command).toBe(0);
      expect(io.text(), command).toMatch(new RegExp(`^\\s*precis ${command}\\b`, 'm'));
    }
  });

  it('uses only options the command defines', () => {
    const unknown = found.flatMap(({ words, where }) => {
      const table = OPTIONS_OF[commandOf(words) ?? 'process'] ?? {};
      return optionsUsed(words)
        .filter((option) => !knowsOption(table, option))
        .map((option) => `${where} ${words.join(' ')}: ${option}`);
    });
    expect(unknown).toEqual([]);
  });

  it('shows whole command lines that the CLI parses without a usage error', () => {
    const refused = found
      .filter((invocation) => invocation.whole)
      .flatMap(({ words, where }) => {
        try {
          parse(words);
          return [];
        } catch (error) {
          return [`${where} ${words.join(' ')}: ${error instanceof Error ? error.message : String(error)}`];
        }
      });
    expect(refused).toEqual([]);
  });

  it('shows every option the CLI defines', () => {
    const shown = new Set([
      ...found.flatMap((invocation) => optionsUsed(invocation.words)),
      ...codeSpans(readme).flatMap(({ value }) => optionsUsed(value.split(/\s+/))),
    ]);
    const hidden = Object.entries(OPTIONS_OF).flatMap(([command, table]) =>
      Object.entries(table)
        .filter(
          ([option, spec]) => !shown.has(option) && !(spec.short !== undefined && shown.has(spec.short)),
        )
        .map(([option]) => option)
        .map((option) => `${command} --${option}`),
    );
    expect(hidden).toEqual([]);
  });
});
