import type { Entity, Result, Span } from '#shared/result.ts';
import { escapeHtml } from './escape-html.ts';
import { dateDetail, entityType, entityTypeLabel, numberValue, plural, quoteDetail } from './fact-labels.ts';
import { speakerIds } from './text-marks.ts';

/** The facts panel (entities by salience, dates, numbers, quotes) and the "removed by cleaning" panel. */

const inText = (span: Span, text: string): boolean =>
  Number.isSafeInteger(span.start) &&
  Number.isSafeInteger(span.end) &&
  span.start >= 0 &&
  span.start < span.end &&
  span.end <= text.length;

/** A link to a mark in the text when it was drawn, else the plain label. */
const linkTo = (id: string, span: Span, text: string, label: string): string =>
  inText(span, text) ? `<a href="#${id}">${label}</a>` : label;

const bySalience = (a: [Entity, number], b: [Entity, number]): number =>
  (b[0].salience ?? -1) - (a[0].salience ?? -1) || b[0].mentions.length - a[0].mentions.length || a[1] - b[1];

function entitiesSection(result: Result): string {
  const entities = result.facts.entities;
  const items = entities
    .map((entity, index): [Entity, number] => [entity, index])
    .sort(bySalience)
    .map(([entity, index]) => {
      const details = [
        entity.aliases?.length
          ? `<span class="fact-detail">Also: ${escapeHtml(entity.aliases.join(', '))}</span>`
          : '',
        entity.roles?.length
          ? `<span class="fact-detail">Roles: ${escapeHtml(entity.roles.join('; '))}</span>`
          : '',
      ].join('');
      const salience =
        entity.salience === undefined ? '' : ` · salience ${escapeHtml(entity.salience.toFixed(2))}`;
      return `<li><button type="button" class="entity entity-${entityType(entity)}" data-select-entity="${index}" aria-pressed="false">${escapeHtml(entity.name)}</button> <span class="fact-type">${escapeHtml(entityTypeLabel(entity))}</span> <span class="fact-meta">${plural(entity.count ?? entity.mentions.length, 'mention')}${salience}</span>${details}</li>`;
    });
  return section('entities', 'Entities', entities.length, items, result.factsOmitted?.entities);
}

function datesSection(result: Result): string {
  const items = result.facts.dates.map((date, index) => {
    const detail = dateDetail(date);
    return `<li>${linkTo(`date-${index}`, date, result.text, escapeHtml(date.text))} → <strong>${escapeHtml(date.value ?? 'not placed')}</strong>${
      detail === '' ? '' : ` <span class="fact-meta">${escapeHtml(detail)}</span>`
    }</li>`;
  });
  return section('dates', 'Dates', items.length, items, result.factsOmitted?.dates);
}

function numbersSection(result: Result): string {
  const items = result.facts.numbers.map(
    (number, index) =>
      `<li>${linkTo(`number-${index}`, number, result.text, escapeHtml(number.text))} → <strong>${escapeHtml(numberValue(number))}</strong> <span class="fact-meta">${escapeHtml(number.kind)}</span></li>`,
  );
  return section('numbers', 'Numbers', items.length, items, result.factsOmitted?.numbers);
}

function quotesSection(result: Result): string {
  const speakers = speakerIds(result);
  const items = result.facts.quotes.map((quote, index) => {
    const mention = quote.speakerMention;
    const speakerId = mention && speakers.get(`${mention.start}-${mention.end}`);
    const name = escapeHtml(quote.speaker ?? 'speaker unknown');
    const speaker =
      mention !== undefined && speakerId !== undefined ? linkTo(speakerId, mention, result.text, name) : name;
    const detail = quoteDetail(quote);
    return `<li><span class="quote-text">“${linkTo(`quote-${index}`, quote, result.text, escapeHtml(quote.text))}”</span> <span class="quote-by">— ${speaker}${
      detail === '' ? '' : ` <span class="fact-meta">(${escapeHtml(detail)})</span>`
    }</span></li>`;
  });
  return section('quotes', 'Quotes', items.length, items, result.factsOmitted?.quotes);
}

/** A group of facts; `omitted` counts those the Result left out to fit its store. */
function section(id: string, title: string, count: number, items: string[], omitted = 0): string {
  const list =
    count === 0 ? '<p class="fact-meta">None found.</p>' : `<ol class="fact-list">${items.join('')}</ol>`;
  const more = omitted > 0 ? `<p class="fact-meta">And ${omitted} more, left out of the Result.</p>` : '';
  return `<section class="fact-group" aria-labelledby="${id}-heading"><h3 id="${id}-heading">${title} <span class="count">(${count})</span></h3>${list}${more}</section>`;
}

/** The complementary landmark beside the article. */
export function factsPanel(result: Result): string {
  const groups =
    result.analysis?.facts === 'none'
      ? '<p>Facts are not extracted for this language.</p>'
      : [entitiesSection(result), datesSection(result), numbersSection(result), quotesSection(result)].join(
          '',
        );
  return `<aside class="facts" id="facts" aria-labelledby="facts-heading"><h2 id="facts-heading">Facts</h2>${groups}</aside>`;
}

/** What cleaning took out of the article, rule by rule, collapsed by default. */
export function removedPanel(result: Result): string {
  const removed = result.removed ?? [];
  const omitted = Object.entries(result.removedOmitted ?? {}).filter(([, count]) => count > 0);
  if (removed.length === 0 && omitted.length === 0) return '';
  const rows = removed
    .map((removal) => `<tr><td>${escapeHtml(removal.rule)}</td><td>${escapeHtml(removal.text)}</td></tr>`)
    .concat(
      omitted.map(
        ([rule, count]) =>
          `<tr><td>${escapeHtml(rule)}</td><td class="fact-meta">And ${count} more, left out of the Result.</td></tr>`,
      ),
    )
    .join('');
  return `<section class="removed" aria-labelledby="removed-heading"><h2 id="removed-heading">Removed by cleaning <span class="count">(${removed.length})</span></h2><details><summary>Show the ${plural(removed.length, 'removed passage')}</summary><table><thead><tr><th scope="col">Rule</th><th scope="col">Text</th></tr></thead><tbody>${rows}</tbody></table></details></section>`;
}
