import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readHtmlMetadata } from '#shared/clean/html-metadata.ts';

/** Metadata errors seen on real pages (session 22), on pages of our own. */
function metadataOf(head: string, body = '<article><p>Text.</p></article>') {
  const { document } = parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return readHtmlMetadata(document as never);
}

const meta = (key: string, value: string) =>
  key.includes(':')
    ? `<meta property="${key}" content="${value}">`
    : `<meta name="${key}" content="${value}">`;

describe('metadata errors seen on real pages', () => {
  it('takes the <h1> when the <title> holds nothing before the site name', () => {
    const page = metadataOf(
      '<title>| Kitchen Notes</title>',
      '<h1>Roast Carrots With Honey</h1><p>Text.</p>',
    );

    expect(page.title).toBe('Roast Carrots With Honey');
  });

  it('takes the <h1> that is the first part of the <title>, in a script without spaces', () => {
    const page = metadataOf(
      `<title>市长宣布新公园开放 - 例子新闻网 - 本地</title>${meta('og:site_name', '例子')}`,
      '<h1>市长宣布新公园开放</h1><p>正文。</p>',
    );

    expect(page.title).toBe('市长宣布新公园开放');
  });

  it("drops the site's name with its edition glued after the title", () => {
    const page = metadataOf(
      `<title>Mayor opens the new park - Example中文网</title>${meta('og:site_name', 'Example')}`,
    );

    expect(page.title).toBe('Mayor opens the new park');
  });

  it('refuses a job title where the name should be', () => {
    const page = metadataOf('', '<div class="authortitle">Senior Political Commentator</div><p>Text.</p>');

    expect(page.byline).toBeUndefined();
  });

  it("drops the author's name from the tags", () => {
    const page = metadataOf(
      meta('article:author', 'Ada Example') + meta('keywords', 'Parks, Ada Example, City Council'),
    );

    expect(page.tags).toEqual(['Parks', 'City Council']);
  });

  it('drops keywords that are the title cut into words', () => {
    const page = metadataOf(
      `<title>Mayor Opens New Park In The Rain</title>${meta('keywords', 'mayor,opens,new,park,in,the,rain,local')}`,
    );

    expect(page.tags).toBeUndefined();
  });

  it("keeps single-word keywords picked from a long title's nouns", () => {
    const page = metadataOf(
      `<title>A Fake Cure For Flu Sparked A Panic In And Around A Quiet Ohio Town</title>${meta('keywords', 'Fake,Cure,Flu,Panic,Ohio')}`,
    );

    expect(page.tags).toEqual(['Fake', 'Cure', 'Flu', 'Panic', 'Ohio']);
  });

  it('keeps keywords that share a word or two with the title', () => {
    const page = metadataOf(
      `<title>Mayor opens new park</title>${meta('keywords', 'park, mayor, city budget, trees')}`,
    );

    expect(page.tags).toEqual(['park', 'mayor', 'city budget', 'trees']);
  });
});
