import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderArticleList } from '#shared/viewer/render-list.ts';
import { ATTACKS, aFailedResult, aHostileResult } from '#tests/helpers/viewer-results.ts';

describe('renderArticleList', () => {
  it('lists each article with its status, error code and links, escaping what the Result says', () => {
    const hostile = aHostileResult();
    const html = renderArticleList([
      { result: hostile, links: { view: '/view/a', json: '/articles/a' } },
      { result: aFailedResult(), links: { view: '/view/b', json: '/articles/b' } },
    ]);
    const document = parseHTML(html).document;

    const rows = [...document.querySelectorAll('tbody tr')].map((row) => row.textContent ?? '');
    expect(rows[0]).toContain(ATTACKS[0]);
    expect(rows[1]).toContain('FAILED');
    expect(rows[1]).toContain('UNSUPPORTED_CONTENT');
    expect([...document.querySelectorAll('tbody a')].map((link) => link.getAttribute('href'))).toEqual([
      '/view/a',
      '/articles/a',
      '/view/b',
      '/articles/b',
    ]);
    for (const attack of ATTACKS) expect(html).not.toContain(attack);
  });

  it('says there is nothing yet when the list is empty', () => {
    expect(renderArticleList([])).toContain('No articles yet');
  });
});
