import { describe, expect, it } from 'vitest';
import { aFailedResult, aHostileResult } from '#tests/helpers/viewer-results.ts';
import { escapeMarkdown, formatMarkdown, formatText, wrap } from '../../cli/formats.ts';

describe('wrap', () => {
  it('breaks at spaces within the width, with a hanging indent', () => {
    expect(wrap('one two three four', '  ', '- ', 10)).toBe('- one two\n  three\n  four');
  });

  it('keeps a word longer than the width whole, on its own line', () => {
    expect(wrap('a incomprehensibilities b', '', '', 8)).toBe('a\nincomprehensibilities\nb');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['*bold* _it_ `code` [link](x)', '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x)'],
    ['# not a heading | not a table', '\\# not a heading \\| not a table'],
    ['two\n\nparagraphs', 'two paragraphs'],
  ])('shows %j as written', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

describe('formatText and formatMarkdown', () => {
  it('say the code and message of a FAILED Result', () => {
    const result = aFailedResult();

    expect(formatText(result)).toContain(
      'FAILED UNSUPPORTED_CONTENT: Binary content (NUL bytes) is not an article',
    );
    expect(formatMarkdown(result)).toContain(
      '**UNSUPPORTED_CONTENT**: Binary content (NUL bytes) is not an article',
    );
  });

  it('show the section, length and tags of a page', () => {
    const result = aFailedResult({
      status: 'DONE',
      section: 'Politics',
      tags: ['Budget', 'Council'],
      wordCount: 812,
      readingMinutes: 3,
    });

    expect(formatText(result)).toContain('Politics · 812 words · 3 min read');
    expect(formatText(result)).toContain('Tags: Budget, Council');
    expect(formatMarkdown(result)).toContain('Politics · 812 words · 3 min read');
    expect(formatMarkdown(result)).toContain('**Tags:** Budget, Council');
  });

  it('let no raw HTML or link through in markdown from a hostile Result', () => {
    const markdown = formatMarkdown(aHostileResult());

    expect(markdown).not.toMatch(/(^|[^\\])</);
    expect(markdown).not.toContain('javascript:');
  });
});
