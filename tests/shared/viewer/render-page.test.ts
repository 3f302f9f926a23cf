import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { renderResultPage, VIEWER_CONTENT_SECURITY_POLICY } from '#shared/viewer/render-page.ts';
import { ATTACKS, aFailedResult, aHostileResult, seedResult } from '#tests/helpers/viewer-results.ts';

const parse = (html: string) => parseHTML(html).document;
type Page = ReturnType<typeof parse>;
const texts = (elements: Iterable<{ textContent: string | null }>) =>
  [...elements].map((element) => element.textContent ?? '');

describe('renderResultPage on the seed', () => {
  let result: Result;
  let document: Page;

  beforeAll(() => {
    result = seedResult();
    document = parse(renderResultPage(result));
  });

  it('marks each summary sentence once, with its words', () => {
    const marks = [...document.querySelectorAll('mark.summary[id]')];

    expect(marks).toHaveLength(result.summary.length);
    marks.forEach((mark, index) => {
      mark.querySelector('.summary-number')?.remove();
      expect(mark.textContent?.trim()).toBe(result.summary[index]);
    });
  });

  it('marks every entity mention once, focusable, with the words of its span', () => {
    const expected = result.facts.entities.flatMap((entity, index) =>
      entity.mentions.map((mention) => [String(index), result.text.slice(mention.start, mention.end)]),
    );
    const marks = [...document.querySelectorAll('mark[data-entity][tabindex="0"]')];

    expect(marks.map((mark) => [mark.getAttribute('data-entity'), mark.textContent])).toEqual(
      expect.arrayContaining(expected),
    );
    expect(marks).toHaveLength(expected.length);
    expect(document.querySelectorAll('mark[data-entity][data-continued]')).toHaveLength(0);
  });

  it('marks every date, number and quote, and links each quote to its speaker', () => {
    expect(document.querySelectorAll('time.date[id]')).toHaveLength(result.facts.dates.length);
    expect(document.querySelectorAll('data.number[id]')).toHaveLength(result.facts.numbers.length);
    expect(document.querySelectorAll('q.quote[id]')).toHaveLength(result.facts.quotes.length);
    for (const quote of document.querySelectorAll('q.quote[data-speaker]')) {
      const speaker = document.getElementById(quote.getAttribute('data-speaker') ?? '');
      expect(speaker?.classList.contains('speaker')).toBe(true);
    }
    expect(document.querySelectorAll('.speaker-link a')).toHaveLength(
      result.facts.quotes.filter((quote) => quote.speakerMention).length,
    );
  });

  it('keeps the cleaned text as it is, paragraph by paragraph, under the marks, after the title line', () => {
    const text = document.getElementById('text');
    for (const label of text?.querySelectorAll('.summary-number, .speaker-link') ?? []) label.remove();
    const [titleLine, ...body] = result.text.split('\n\n');

    expect(titleLine).toBe(result.title);
    expect(document.querySelector('h1')?.textContent).toBe(titleLine);
    expect(texts(text?.querySelectorAll('p') ?? [])).toEqual(body);
  });

  it('shows the title once: the heading is the title line of the text, with its marks', () => {
    const body = document.querySelector('body')?.textContent ?? '';
    const h1 = document.querySelector('h1');

    expect(body.split(result.title ?? '').length - 1).toBe(1);
    expect(h1?.querySelectorAll('mark[data-entity][tabindex="0"]').length).toBeGreaterThan(0);
  });

  it('lists entities by salience, and dates, numbers and quotes in the facts panel', () => {
    const names = texts(document.querySelectorAll('#facts button[data-select-entity]'));
    const bySalience = [...result.facts.entities]
      .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0))
      .map((entity) => entity.name);

    expect(names).toEqual(bySalience);
    expect(document.querySelectorAll('#dates-heading + ol li')).toHaveLength(result.facts.dates.length);
    expect(document.querySelectorAll('#numbers-heading + ol li')).toHaveLength(result.facts.numbers.length);
    expect(texts(document.querySelectorAll('#quotes-heading + ol .quote-by'))[0]).toContain(
      result.facts.quotes[0]?.speaker,
    );
  });

  it('lists what cleaning removed, with each rule', () => {
    const rows = [...document.querySelectorAll('.removed tbody tr')].map((row) =>
      texts(row.querySelectorAll('td')),
    );

    expect(rows).toEqual(result.removed?.map((removal) => [removal.rule, removal.text]));
  });

  it('shows the title, status and a description for every fact the marks point at', () => {
    expect(document.querySelector('h1')?.textContent).toBe(result.title);
    expect(document.querySelector('.status')?.textContent).toBe('DONE');
    for (const mark of document.querySelectorAll('[aria-describedby]')) {
      expect(document.getElementById(mark.getAttribute('aria-describedby') ?? '')).not.toBeNull();
    }
  });
});

describe('renderResultPage', () => {
  it("marks the entities a page's title names (titleMentions), each tied to its entity", () => {
    const seed = seedResult();
    const blinken = seed.facts.entities.findIndex((entity) => entity.name === 'Antony Blinken');
    const title = 'Blinken meets Xi Jinping';
    const result: Result = {
      ...seed,
      title,
      text: seed.text.slice((seed.title ?? '').length).trimStart(),
      facts: { ...seed.facts, entities: seed.facts.entities, dates: [], numbers: [], quotes: [] },
      summary: [],
      titleMentions: [
        { start: 0, end: 7, type: 'person', name: 'Antony Blinken' },
        { start: 14, end: 24, type: 'person', name: 'Xi Jinping' },
      ],
    };

    const h1 = parse(renderResultPage(result)).querySelector('h1');

    expect(h1?.textContent).toBe(title);
    const marks = [...(h1?.querySelectorAll('mark[data-entity][tabindex="0"]') ?? [])];
    expect(marks.map((mark) => mark.textContent)).toEqual(['Blinken', 'Xi Jinping']);
    expect(marks[0]?.getAttribute('data-entity')).toBe(String(blinken));
    expect(marks[0]?.getAttribute('aria-describedby')).toBe(`about-entity-${blinken}`);
  });

  it("shows the page's section, tags, length, update time and lead image link", () => {
    const result = aFailedResult({
      status: 'DONE',
      section: 'Politics',
      tags: ['Budget', 'Council'],
      wordCount: 812,
      readingMinutes: 3,
      modifiedAt: '2024-04-02T09:30:00Z',
      image: 'https://courier.example/ferry.jpg',
    });
    const page = parse(renderResultPage(result));
    const rows = Object.fromEntries(
      [...page.querySelectorAll('.meta dt')].map((term) => [
        term.textContent,
        term.nextElementSibling?.textContent,
      ]),
    );

    expect(rows).toMatchObject({
      Section: 'Politics',
      Tags: 'Budget, Council',
      Length: '812 words · 3 min read',
      Updated: '2024-04-02T09:30:00Z',
      Image: 'https://courier.example/ferry.jpg',
    });
    expect(page.querySelector('.meta a[href="https://courier.example/ferry.jpg"]')).not.toBeNull();
  });

  it('shows the code and message of a FAILED Result', () => {
    const document = parse(renderResultPage(aFailedResult()));

    expect(document.querySelector('.error')?.textContent).toContain('UNSUPPORTED_CONTENT');
    expect(document.querySelector('.error')?.textContent).toContain(
      'Binary content (NUL bytes) is not an article',
    );
    expect(document.querySelector('.status')?.textContent).toBe('FAILED');
    expect(document.getElementById('facts')).toBeNull();
  });

  it('says how many facts and removals a capped Result left out', () => {
    const result = { ...seedResult(), factsOmitted: { entities: 7 }, removedOmitted: { 'bare-url': 3 } };
    const document = parse(renderResultPage(result));

    expect(document.querySelector('#entities-heading')?.parentElement?.textContent).toContain(
      'And 7 more, left out of the Result.',
    );
    expect(document.querySelector('.removed tbody tr:last-child')?.textContent).toBe(
      'bare-urlAnd 3 more, left out of the Result.',
    );
  });

  it('says a PENDING Result is not processed yet', () => {
    const document = parse(renderResultPage(aFailedResult({ status: 'PENDING', error: undefined })));

    expect(document.querySelector('main')?.textContent).toContain('Not processed yet');
  });

  it('escapes every string of a hostile Result, so its only elements are the page’s own', () => {
    const html = renderResultPage(aHostileResult());
    const document = parse(html);

    expect(document.querySelectorAll('script')).toHaveLength(1);
    expect(document.querySelectorAll('style')).toHaveLength(1);
    expect(document.querySelectorAll('img, svg, iframe, textarea')).toHaveLength(0);
    expect(document.querySelectorAll('[onerror], [onload], [srcdoc]')).toHaveLength(0);
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    for (const attack of ATTACKS) {
      expect(html).not.toContain(attack);
      expect(document.querySelector('h1')?.textContent).toContain(attack);
    }
  });

  it('carries a Content-Security-Policy that allows only its own script and style', () => {
    const document = parse(renderResultPage(seedResult()));
    const policy = document
      .querySelector('meta[http-equiv="Content-Security-Policy"]')
      ?.getAttribute('content');

    expect(policy).toBe(VIEWER_CONTENT_SECURITY_POLICY);
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});
