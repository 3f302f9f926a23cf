import { describe, expect, it } from 'vitest';
import { type Annotation, annotateText } from '#shared/viewer/annotate-text.ts';

/** An annotation drawn as [name ... ] so the expected HTML reads at a glance; pieces after a split as [name+. */
const mark = (name: string, start: number, end: number, layer: number, after?: string): Annotation => ({
  start,
  end,
  layer,
  open: `[${name} `,
  reopen: `[${name}+ `,
  close: ']',
  ...(after === undefined ? {} : { after }),
});

describe('annotateText', () => {
  it.each([
    ['no annotation', 'plain text', [], 'plain text'],
    ['one span', 'abcdef', [mark('x', 1, 3, 0)], 'a[x bc]def'],
    ['a span over the whole text', 'abc', [mark('x', 0, 3, 0)], '[x abc]'],
    [
      'an inner span inside an outer one',
      'abcdef',
      [mark('in', 2, 3, 1), mark('out', 1, 5, 0)],
      'a[out b[in c]de]f',
    ],
    ['two spans of one layer side by side', 'abcd', [mark('a', 0, 2, 0), mark('b', 2, 4, 0)], '[a ab][b cd]'],
    ['equal spans, outer layer first', 'abc', [mark('in', 0, 3, 2), mark('out', 0, 3, 1)], '[out [in abc]]'],
    [
      'the longer of two spans of a layer outside',
      'abcd',
      [mark('s', 0, 2, 1), mark('l', 0, 4, 1)],
      '[l [s ab]cd]',
    ],
  ])('nests marks when given %s', (_name, text, annotations, expected) => {
    expect(annotateText(text, annotations)).toBe(expected);
  });

  it('splits the inner span around the outer boundary when two spans cross', () => {
    const html = annotateText('abcdef', [mark('out', 0, 3, 0), mark('in', 2, 5, 1)]);

    expect(html).toBe('[out ab[in c]][in+ de]f');
  });

  it('writes `after` once, after the last piece of its span', () => {
    const html = annotateText('abcdef', [mark('out', 0, 3, 0), mark('q', 2, 5, 1, '^')]);

    expect(html).toBe('[out ab[q c]][q+ de]^f');
  });

  it('escapes the text between marks', () => {
    expect(annotateText('<b>&"\'', [mark('x', 0, 3, 0)])).toBe('[x &lt;b&gt;]&amp;&quot;&#39;');
  });

  it.each([
    ['an empty span', mark('x', 2, 2, 0)],
    ['a backward span', mark('x', 3, 1, 0)],
    ['a span past the end', mark('x', 1, 99, 0)],
    ['a negative start', mark('x', -1, 2, 0)],
    ['a fractional offset', mark('x', 0.5, 2, 0)],
    ['NaN', mark('x', Number.NaN, 2, 0)],
  ])('ignores %s', (_name, annotation) => {
    expect(annotateText('abcd', [annotation])).toBe('abcd');
  });

  it('writes the gaps outside every outer-layer span bare, closing what is open', () => {
    const html = annotateText('ab\n\ncd', [mark('p', 0, 2, 0), mark('p', 4, 6, 0), mark('s', 1, 5, 1)], 0);

    expect(html).toBe('[p a[s b]]\n\n[p [s+ c]d]');
  });
});
