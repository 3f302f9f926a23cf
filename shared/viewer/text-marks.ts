import type { Result, Span } from '#shared/result.ts';
import type { Annotation } from './annotate-text.ts';
import { escapeHtml } from './escape-html.ts';
import { entityType, entityTypeLabel } from './fact-labels.ts';

/**
 * The marks over the article text: paragraphs, summary sentences, quotes and their speakers, entity
 * mentions, dates and numbers, each as an Annotation. The first piece of every mark has an id the facts
 * panel links to and, when it carries a fact, is focusable and described by a hidden `about-*` element
 * (fact-descriptions.ts) that the page script also shows as a tooltip.
 */

export const LAYER = { paragraph: 0, summary: 1, quote: 2, speaker: 3, entity: 4, value: 5 } as const;

const PARAGRAPH_BREAK = /\n{2,}/g;

/** Where each summary sentence is in the text (sentences are verbatim, in text order); undefined if absent. */
export function locateSummary(text: string, summary: readonly string[]): (Span | undefined)[] {
  let from = 0;
  return summary.map((sentence) => {
    if (sentence.trim() === '') return undefined;
    let start = text.indexOf(sentence, from);
    if (start < 0) start = text.indexOf(sentence);
    if (start < 0) return undefined;
    from = start + sentence.length;
    return { start, end: from };
  });
}

function paragraphs(text: string): Annotation[] {
  const marks: Annotation[] = [];
  let start = 0;
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    marks.push(paragraph(start, match.index));
    start = match.index + match[0].length;
  }
  marks.push(paragraph(start, text.length));
  return marks;
}

const paragraph = (start: number, end: number): Annotation => ({
  start,
  end,
  layer: LAYER.paragraph,
  open: '<p>',
  reopen: '<p>',
  close: '</p>',
});

function summaryMarks(result: Result): Annotation[] {
  return locateSummary(result.text, result.summary).flatMap((span, index) => {
    if (span === undefined) return [];
    const number = index + 1;
    const attributes = `class="summary" data-summary="${number}"`;
    return [
      {
        ...span,
        layer: LAYER.summary,
        open: `<mark ${attributes} id="summary-${number}"><span class="summary-number"><span class="visually-hidden">Summary sentence </span>${number}</span>`,
        reopen: `<mark ${attributes}>`,
        close: '</mark>',
      },
    ];
  });
}

function entityMarks(result: Result): Annotation[] {
  return result.facts.entities.flatMap((entity, index) => {
    const type = entityType(entity);
    const attributes = `class="entity entity-${type}" data-entity="${index}"`;
    const typeLabel = entityTypeLabel(entity).toLowerCase();
    return entity.mentions.map((mention, number) => ({
      start: mention.start,
      end: mention.end,
      layer: LAYER.entity,
      open: `<mark ${attributes} id="entity-${index}-${number}" data-tip="about-entity-${index}" tabindex="0" role="button" aria-pressed="false" aria-label="${escapeHtml(`${result.text.slice(mention.start, mention.end)}, ${typeLabel}`)}" aria-describedby="about-entity-${index}">`,
      reopen: `<mark ${attributes} data-continued="" data-tip="about-entity-${index}">`,
      close: '</mark>',
    }));
  });
}

/** Date values HTML's datetime attribute accepts (a day, month, year or week; not 2023-Q3 or PRESENT_REF). */
const HTML_DATETIME = /^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$/u;

function dateMarks(result: Result): Annotation[] {
  return result.facts.dates.map((date, index) => {
    const datetime =
      date.value && HTML_DATETIME.test(date.value) ? ` datetime="${escapeHtml(date.value)}"` : '';
    return {
      start: date.start,
      end: date.end,
      layer: LAYER.value,
      open: `<time class="date"${datetime} id="date-${index}" data-tip="about-date-${index}" tabindex="0" aria-describedby="about-date-${index}">`,
      reopen: `<time class="date"${datetime} data-tip="about-date-${index}">`,
      close: '</time>',
    };
  });
}

function numberMarks(result: Result): Annotation[] {
  return result.facts.numbers.map((number, index) => ({
    start: number.start,
    end: number.end,
    layer: LAYER.value,
    open: `<data class="number" value="${escapeHtml(number.value)}" id="number-${index}" data-tip="about-number-${index}" tabindex="0" aria-describedby="about-number-${index}">`,
    reopen: `<data class="number" value="${escapeHtml(number.value)}" data-tip="about-number-${index}">`,
    close: '</data>',
  }));
}

const spanKey = (span: Span): string => `${span.start}-${span.end}`;

/** The id of the element around each quote's speaker mention; quotes by one mention share it. */
export function speakerIds(result: Result): Map<string, string> {
  const ids = new Map<string, string>();
  result.facts.quotes.forEach((quote, index) => {
    if (quote.speakerMention === undefined) return;
    const key = spanKey(quote.speakerMention);
    if (!ids.has(key)) ids.set(key, `speaker-${index}`);
  });
  return ids;
}

function quoteMarks(result: Result, speakers: Map<string, string>): Annotation[] {
  return result.facts.quotes.map((quote, index) => {
    const speakerId = quote.speakerMention && speakers.get(spanKey(quote.speakerMention));
    const link =
      speakerId === undefined
        ? ''
        : `<sup class="speaker-link"><a href="#${speakerId}" aria-label="Go to the speaker of this quote, ${escapeHtml(quote.speaker ?? 'unnamed')}">${escapeHtml(quote.speaker ?? 'speaker')}</a></sup>`;
    const speakerAttribute = speakerId === undefined ? '' : ` data-speaker="${speakerId}"`;
    return {
      start: quote.start,
      end: quote.end,
      layer: LAYER.quote,
      open: `<q class="quote" id="quote-${index}" data-quote="${index}"${speakerAttribute} data-tip="about-quote-${index}" tabindex="0" aria-describedby="about-quote-${index}">`,
      reopen: `<q class="quote" data-quote="${index}"${speakerAttribute} data-tip="about-quote-${index}">`,
      close: '</q>',
      after: link,
    };
  });
}

function speakerMarks(speakers: Map<string, string>): Annotation[] {
  return [...speakers].map(([key, id]) => {
    const [start = 0, end = 0] = key.split('-').map(Number);
    return {
      start,
      end,
      layer: LAYER.speaker,
      open: `<span class="speaker" id="${id}">`,
      reopen: '<span class="speaker">',
      close: '</span>',
    };
  });
}

/** Every mark over the Result's text. */
export function textMarks(result: Result): Annotation[] {
  const speakers = speakerIds(result);
  return [
    ...paragraphs(result.text),
    ...summaryMarks(result),
    ...quoteMarks(result, speakers),
    ...speakerMarks(speakers),
    ...entityMarks(result),
    ...dateMarks(result),
    ...numberMarks(result),
  ];
}
