import { escapeHtml } from './escape-html.ts';

/**
 * Nests marks over a text from character spans that may overlap: the pure engine under the viewer's
 * article text. Spans of a lower layer enclose those of a higher one; where two spans cross, the inner one
 * is closed and reopened around the boundary, so the HTML is always well formed. The first piece of a span
 * gets `open`, later pieces `reopen` (no id, not focusable), and `after` follows its last piece.
 */
export interface Annotation {
  /** UTF-16 offsets into the text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Lower layers are outer: paragraph, summary sentence, quote, speaker, entity, date and number. */
  readonly layer: number;
  readonly open: string;
  readonly reopen: string;
  readonly close: string;
  readonly after?: string;
}

interface Placed extends Annotation {
  readonly order: number;
}

const isValidSpan = (span: Annotation, length: number): boolean =>
  Number.isSafeInteger(span.start) &&
  Number.isSafeInteger(span.end) &&
  span.start >= 0 &&
  span.end <= length &&
  span.start < span.end;

/** Outer first: by layer, then the earlier and longer span, then input order. */
const nesting = (a: Placed, b: Placed): number =>
  a.layer - b.layer || a.start - b.start || b.end - a.end || a.order - b.order;

/**
 * The escaped text with every valid annotation applied. Text outside every annotation of `outerLayer`
 * (the gaps between paragraphs) is written bare, with nothing open.
 */
export function annotateText(text: string, annotations: readonly Annotation[], outerLayer?: number): string {
  const placed: Placed[] = annotations
    .filter((annotation) => isValidSpan(annotation, text.length))
    .map((annotation, order) => ({ ...annotation, order }));
  const startingAt = new Map<number, Placed[]>();
  for (const annotation of placed) {
    const list = startingAt.get(annotation.start);
    if (list === undefined) startingAt.set(annotation.start, [annotation]);
    else list.push(annotation);
  }
  const points = [...new Set([0, text.length, ...placed.flatMap((a) => [a.start, a.end])])].sort(
    (a, b) => a - b,
  );

  const html: string[] = [];
  const open: Placed[] = [];
  const started = new Set<Placed>();
  const closeDownTo = (depth: number, position: number) => {
    while (open.length > depth) {
      const annotation = open.pop() as Placed;
      html.push(annotation.close);
      if (annotation.end <= position && annotation.after !== undefined) html.push(annotation.after);
    }
  };

  let active: Placed[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const from = points[index] ?? 0;
    const to = points[index + 1] ?? from;
    active = active.filter((annotation) => annotation.end > from).concat(startingAt.get(from) ?? []);
    const bare = outerLayer !== undefined && !active.some((annotation) => annotation.layer === outerLayer);
    const wanted = bare ? [] : [...active].sort(nesting);
    let kept = 0;
    while (kept < open.length && open[kept] === wanted[kept]) kept += 1;
    closeDownTo(kept, from);
    for (const annotation of wanted.slice(kept)) {
      html.push(started.has(annotation) ? annotation.reopen : annotation.open);
      started.add(annotation);
      open.push(annotation);
    }
    html.push(escapeHtml(text.slice(from, to)));
  }
  closeDownTo(0, text.length);
  return html.join('');
}
