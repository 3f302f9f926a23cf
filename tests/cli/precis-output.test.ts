import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { cliFixture as fixture, memoryIo, precis, repoRoot, seedPath, timeless } from '#tests/helpers/cli.ts';
import { main } from '../../cli/main.ts';

/** Three child processes of a few seconds each, on a machine that may be loaded. */
const SPAWNS_TIMEOUT_MS = 180_000;

describe('precis process output', () => {
  it('prints title, summary, key phrases, entities, dates and quotes when given --format text', async () => {
    const io = memoryIo();

    const status = await main(['process', '--format', 'text', seedPath], io);

    expect(status).toBe(0);
    const text = io.text();
    expect(text).toMatch(
      /^US Secretary of State Antony Blinken meets with Chinese President Xi Jinping in Beijing\n=+\n/,
    );
    expect(text).toContain('\nSummary\n- Beijing – US Secretary of State Antony Blinken met');
    expect(text).toContain('\nKey phrases: ');
    expect(text).toContain(
      '\nPeople: Antony Blinken (US Secretary of State), Xi Jinping (Chinese President)',
    );
    expect(text).toContain('Monday → 2023-06-19');
    expect(text).toContain('” — Xi Jinping');
  });

  it('separates articles and prints a FAILED one with its code and message when given --format markdown', async () => {
    const io = memoryIo();

    await main(['process', '--format', 'markdown', seedPath, fixture('binary.png')], io);

    const [seed = '', binary = ''] = io.text().split('\n---\n\n');
    expect(seed).toMatch(/^# US Secretary of State/);
    expect(seed).toContain('## Summary\n\n- Beijing');
    expect(seed).toContain('## Quotes');
    expect(binary).toContain('**FAILED**');
    expect(binary).toContain('**UNSUPPORTED_CONTENT**: ');
  });

  it('indents the JSON when given --pretty', async () => {
    const io = memoryIo();

    await main(['process', '--pretty', fixture('short-note.txt')], io);

    expect(io.text()).toMatch(/^\{\n {2}"id": /);
    expect((JSON.parse(io.text()) as Result).status).toBe('DONE');
  });

  it('writes one file per article, named after it, and prints each path when given -o DIR', async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'precis-out-')), 'new', 'dir');
    const io = memoryIo();

    const status = await main(['process', '--jsonl', '-o', directory, fixture('articles.jsonl')], io);

    expect(status).toBe(0);
    const names = ['plain.json', 'no-body.json', 'line-3.json', 'line-4.json', 'html.json'];
    expect(io.output()).toEqual(names.map((name) => join(directory, name)));
    expect(readdirSync(directory).sort()).toEqual([...names].sort());
    expect((JSON.parse(readFileSync(join(directory, 'plain.json'), 'utf8')) as Result).id).toBe('plain');
  });

  it('gives the same Results in the same order when given --parallel 2', {
    timeout: SPAWNS_TIMEOUT_MS,
  }, () => {
    const sequential = precis(['process', '--jsonl', fixture('articles.jsonl')]);
    const parallel = precis(['process', '--parallel', '2', '--jsonl', fixture('articles.jsonl')]);
    const files = precis([
      'process',
      '--parallel',
      '2',
      seedPath,
      fixture('missing.txt'),
      fixture('short-note.txt'),
    ]);

    expect(parallel.status).toBe(0);
    expect(parallel.results.map(timeless)).toEqual(sequential.results.map(timeless));
    expect(files.status).toBe(1);
    expect(files.results.map((result) => [result.id, result.status])).toEqual([
      [seedPath, 'DONE'],
      [fixture('missing.txt'), 'FAILED'],
      [fixture('short-note.txt'), 'DONE'],
    ]);
  });

  it('ends quietly with status 0 when the reader of stdout goes away', () => {
    const articles = Array.from({ length: 200 }, (_, index) =>
      JSON.stringify({ text: `Line ${index}. Words.` }),
    );
    const run = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" bin/precis.js process --jsonl - | head -n 1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`,
      ],
      { cwd: repoRoot, input: articles.join('\n'), encoding: 'utf8', timeout: 120_000 },
    );

    expect(run.stdout).toBe('status=0\n');
    expect(run.stderr).toBe('');
  });
});
