import type { Result } from '#shared/result.ts';
import { type Annotation, annotateText } from './annotate-text.ts';
import { escapeHtml } from './escape-html.ts';
import { entityTypeLabel } from './fact-labels.ts';
import { LAYER, textMarks } from './text-marks.ts';

/**
 * The page's heading, shown once. A text file's title line opens `text` (its names, dates and numbers are
 * facts grounded there): the heading is that line with its marks, and the article text starts after it. A
 * page's title is not part of `text`: the heading is the title with the entities `titleMentions` finds in it,
 * marked like their mentions in the text (hover, focus or click one for its entity).
 */

/** How much of `text` the title line takes (a text file's), with the line breaks after it; 0 when none. */
export function titleLineOf(result: Pick<Result, 'title' | 'text'>): {
  readonly end: number;
  readonly next: number;
} {
  const title = result.title;
  if (title === undefined || title === '' || !result.text.startsWith(title)) return { end: 0, next: 0 };
  const after = result.text.slice(title.length);
  if (after !== '' && !after.startsWith('\n')) return { end: 0, next: 0 };
  return { end: title.length, next: title.length + (after.length - after.replace(/^\n+/, '').length) };
}

const titleOf = (result: Result): string => result.title ?? result.headline ?? `Article ${result.id}`;

/** Marks for the title's entity mentions, as interactive as those in the text (no id: the text's have them). */
function titleMentionMarks(result: Result): Annotation[] {
  return (result.titleMentions ?? []).flatMap((mention) => {
    const index = result.facts.entities.findIndex(
      (entity) => entity.type === mention.type && entity.name === mention.name,
    );
    const entity = result.facts.entities[index];
    if (entity === undefined) return [];
    const attributes = `class="entity entity-${entity.type}" data-entity="${index}"`;
    const label = `${(result.title ?? '').slice(mention.start, mention.end)}, ${entityTypeLabel(entity).toLowerCase()}`;
    return [
      {
        start: mention.start,
        end: mention.end,
        layer: LAYER.entity,
        open: `<mark ${attributes} data-tip="about-entity-${index}" tabindex="0" role="button" aria-pressed="false" aria-label="${escapeHtml(label)}" aria-describedby="about-entity-${index}">`,
        reopen: `<mark ${attributes} data-continued="" data-tip="about-entity-${index}">`,
        close: '</mark>',
      },
    ];
  });
}

/** The heading's inner HTML (escaped). */
export function titleHeading(result: Result): string {
  const line = titleLineOf(result);
  if (line.end > 0) {
    const marks = textMarks(result).filter((mark) => mark.layer >= LAYER.entity && mark.end <= line.end);
    return annotateText(result.text.slice(0, line.end), marks);
  }
  if (result.title !== undefined && result.titleMentions !== undefined) {
    return annotateText(result.title, titleMentionMarks(result));
  }
  return escapeHtml(titleOf(result));
}

/** The marks of the article text after the title line, shifted to that text. */
export function bodyMarks(result: Result, from: number): Annotation[] {
  return textMarks(result)
    .filter((mark) => mark.start >= from)
    .map((mark) => ({ ...mark, start: mark.start - from, end: mark.end - from }));
}
