import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { cliFixture as fixture, memoryIo, seedPath } from '#tests/helpers/cli.ts';
import { aFailedResult, seedResult } from '#tests/helpers/viewer-results.ts';
import { main } from '../../cli/main.ts';

const titleOf = (html: string) => parseHTML(html).document.querySelector('h1')?.textContent;

describe('precis view', () => {
  let directory: string;
  let seed: Result;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'precis-view-'));
    seed = seedResult();
    writeFileSync(join(directory, 'seed.json'), JSON.stringify(seed, null, 2));
  });

  it('prints the page of a Result JSON file', async () => {
    const io = memoryIo();

    const status = await main(['view', join(directory, 'seed.json')], io);

    expect(status).toBe(0);
    expect(io.text()).toMatch(/^<!doctype html>/);
    expect(titleOf(io.text())).toBe(seed.title);
  });

  it('processes an article file first when it is not a Result', async () => {
    const io = memoryIo();

    const status = await main(['view', '--sentences', '2', seedPath], io);

    expect(status).toBe(0);
    const document = parseHTML(io.text()).document;
    expect(document.querySelectorAll('mark.summary[id]')).toHaveLength(2);
  });

  it('writes a page per Result line, and says which lines are not Results, when given --jsonl and -o', async () => {
    const lines = [
      JSON.stringify(seed),
      '{"id":"x","status":"DONE"}',
      'not json',
      JSON.stringify(aFailedResult()),
    ];
    writeFileSync(join(directory, 'results.jsonl'), lines.join('\n'));
    const out = join(directory, 'pages');
    const io = memoryIo();

    const status = await main(['view', '--jsonl', join(directory, 'results.jsonl'), '-o', out], io);

    expect(status).toBe(1);
    expect(io.output()).toEqual([join(out, 'seed.html'), join(out, 'failed-1.html')]);
    expect(readdirSync(out).sort()).toEqual(['failed-1.html', 'seed.html']);
    expect(titleOf(readFileSync(join(out, 'seed.html'), 'utf8'))).toBe(seed.title);
    expect(io.errors()).toContain('precis: Line 2 is not a valid Result: ');
    expect(io.errors()).toContain('precis: Line 3 is not valid JSON');
  });

  it('writes a page per file of a directory when given -o', async () => {
    const out = join(directory, 'from-dir');
    const io = memoryIo();

    const status = await main(['view', '-o', out, fixture('')], io);

    expect(status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['articles.html', 'binary.html', 'short-note.html']);
  });
});
