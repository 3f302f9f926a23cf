import type { Result } from '#shared/result.ts';
import { escapeHtml } from './escape-html.ts';
import { dateDetail, entityTypeLabel, numberValue, plural, quoteDetail } from './fact-labels.ts';

/**
 * One hidden `about-*` element per fact: the accessible description of its marks (aria-describedby reads
 * hidden elements) and the content the page script copies into the tooltip.
 */

const line = (html: string): string => `<span class="tip-line">${html}</span>`;

function aboutEntities(result: Result): string[] {
  return result.facts.entities.map((entity, index) => {
    const lines = [
      line(`<strong>${escapeHtml(entity.name)}</strong> · ${escapeHtml(entityTypeLabel(entity))}`),
      entity.aliases?.length ? line(`Also: ${escapeHtml(entity.aliases.join(', '))}`) : '',
      entity.roles?.length ? line(`Roles: ${escapeHtml(entity.roles.join('; '))}`) : '',
      line(
        `${plural(entity.count ?? entity.mentions.length, 'mention')}${
          entity.salience === undefined ? '' : ` · salience ${escapeHtml(entity.salience.toFixed(2))}`
        }`,
      ),
    ];
    return `<span id="about-entity-${index}">${lines.join('')}</span>`;
  });
}

function aboutDates(result: Result): string[] {
  return result.facts.dates.map((date, index) => {
    const detail = dateDetail(date);
    return `<span id="about-date-${index}">${line(`Date <strong>${escapeHtml(date.value ?? 'not placed')}</strong>`)}${
      detail === '' ? '' : line(escapeHtml(detail))
    }</span>`;
  });
}

function aboutNumbers(result: Result): string[] {
  return result.facts.numbers.map(
    (number, index) =>
      `<span id="about-number-${index}">${line(
        `${escapeHtml(number.kind)} <strong>${escapeHtml(numberValue(number))}</strong>`,
      )}</span>`,
  );
}

function aboutQuotes(result: Result): string[] {
  return result.facts.quotes.map((quote, index) => {
    const speaker =
      quote.speaker === undefined
        ? 'Quote, speaker unknown'
        : `Quote by <strong>${escapeHtml(quote.speaker)}</strong>`;
    const detail = quoteDetail(quote);
    return `<span id="about-quote-${index}">${line(speaker)}${detail === '' ? '' : line(escapeHtml(detail))}</span>`;
  });
}

/** The hidden container of every description. */
export function factDescriptions(result: Result): string {
  const all = [
    ...aboutEntities(result),
    ...aboutDates(result),
    ...aboutNumbers(result),
    ...aboutQuotes(result),
  ];
  return `<div hidden>${all.join('')}</div>`;
}
