import { createHash } from 'node:crypto';
import type { Result } from '#shared/result.ts';
import { annotateText } from './annotate-text.ts';
import { escapeHtml, safeHttpUrl } from './escape-html.ts';
import { factDescriptions } from './fact-descriptions.ts';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES } from './fact-labels.ts';
import { factsPanel, removedPanel } from './facts-panel.ts';
import { formatNumber } from './format-number.ts';
import { PAGE_SCRIPT } from './page-script.ts';
import { PAGE_STYLE } from './page-style.ts';
import { LAYER, locateSummary } from './text-marks.ts';
import { bodyMarks, titleHeading, titleLineOf } from './title-heading.ts';

/**
 * One self-contained HTML page per Result (inline CSS and JS, nothing fetched): the header, the summary,
 * the article text with its marks, the facts and what cleaning removed. Pure: Result in, HTML out. Every
 * string from the Result is escaped, and a strict Content-Security-Policy allows only the page's own
 * script and stylesheet, by hash, so even a missed escape could run nothing.
 */

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The policy of every viewer page; servers send it as a header too (with frame-ancestors, which a meta cannot carry). */
export const VIEWER_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${sha256(PAGE_SCRIPT)}`,
  `style-src ${sha256(PAGE_STYLE)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const STATUSES = ['PENDING', 'PROCESSING', 'DONE', 'FAILED'] as const;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** The head and the frame every viewer page shares; `body` is escaped HTML already. */
export function pageDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(VIEWER_CONTENT_SECURITY_POLICY)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body}
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

export const statusBadge = (status: string): string => {
  const known = STATUSES.find((candidate) => candidate === status) ?? 'PENDING';
  return `<span class="status status-${known}">${escapeHtml(status)}</span>`;
};

const titleOf = (result: Result): string => result.title ?? result.headline ?? `Article ${result.id}`;

function metaRow(label: string, html: string | undefined): string {
  return html === undefined || html === '' ? '' : `<dt>${label}</dt><dd>${html}</dd>`;
}

function sourceLink(result: Result): string | undefined {
  if (result.sourceUrl === undefined) return undefined;
  const href = safeHttpUrl(result.sourceUrl);
  const text = escapeHtml(result.sourceUrl);
  return href === undefined
    ? text
    : `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${text}</a>`;
}

function imageLink(result: Result): string | undefined {
  const href = safeHttpUrl(result.image);
  return href === undefined
    ? undefined
    : `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(href)}</a>`;
}

/** "812 words · 3 min read". */
function lengthOf(result: Result): string | undefined {
  if (result.wordCount === undefined) return undefined;
  const words = `${formatNumber(result.wordCount)} ${result.wordCount === 1 ? 'word' : 'words'}`;
  return result.readingMinutes === undefined ? words : `${words} · ${result.readingMinutes} min read`;
}

function storedObject(result: Result): string {
  const { bucket, key, contentType, bytes } = result.source;
  const where = key === undefined ? '' : bucket === undefined ? key : `s3://${bucket}/${key}`;
  const what = [contentType, `${formatNumber(bytes)} bytes`].filter(Boolean).join(', ');
  return escapeHtml(where === '' ? what : `${where} (${what})`);
}

function masthead(result: Result): string {
  const published =
    result.publishedAt === undefined
      ? undefined
      : `${escapeHtml(result.publishedAt)}${result.publishedAtSource ? ` <span class="fact-meta">(from ${escapeHtml(result.publishedAtSource)})</span>` : ''}`;
  const rows = [
    metaRow('Published', published),
    metaRow('Updated', result.modifiedAt && escapeHtml(result.modifiedAt)),
    metaRow('Source', sourceLink(result)),
    metaRow('Site', result.siteName && escapeHtml(result.siteName)),
    metaRow('Section', result.section && escapeHtml(result.section)),
    metaRow('Tags', result.tags?.map(escapeHtml).join(', ')),
    metaRow('Length', escapeHtml(lengthOf(result) ?? '')),
    metaRow('Image', imageLink(result)),
    metaRow('Dateline', result.dateline && escapeHtml(result.dateline)),
    metaRow('Language', result.language && escapeHtml(result.language)),
    metaRow('Object', storedObject(result)),
    metaRow(
      'Processed',
      `${escapeHtml(result.processedAt)} · pipeline ${escapeHtml(result.pipelineVersion)}`,
    ),
    metaRow('Id', `<code>${escapeHtml(result.id)}</code>`),
  ].join('');
  return `<header class="masthead">
<p class="kicker">precis · ${statusBadge(result.status)}</p>
<h1>${titleHeading(result)}</h1>
${result.byline ? `<p class="byline">${escapeHtml(result.byline)}</p>` : ''}
<dl class="meta">${rows}</dl>
</header>`;
}

function statusSection(result: Result): string {
  if (result.status === 'FAILED') {
    const code = escapeHtml(result.error?.code ?? 'UNKNOWN');
    const message = escapeHtml(result.error?.message ?? 'No message');
    return `<section class="error" aria-labelledby="error-heading"><h2 id="error-heading">Processing failed</h2><p><code>${code}</code>: ${message}</p></section>`;
  }
  if (result.status !== 'DONE') {
    return `<section aria-labelledby="pending-heading"><h2 id="pending-heading">Not processed yet</h2><p>This article is ${escapeHtml(result.status)}: reload the page in a moment.</p></section>`;
  }
  return '';
}

function summarySection(result: Result): string {
  if (result.summary.length === 0) return '';
  const spans = locateSummary(result.text, result.summary);
  const items = result.summary
    .map((sentence, index) => {
      const link = spans[index]
        ? ` <a class="jump" href="#summary-${index + 1}" aria-label="Sentence ${index + 1} in the text">in the text</a>`
        : '';
      return `<li>${escapeHtml(sentence)}${link}</li>`;
    })
    .join('');
  const phrases = result.keyPhrases?.length
    ? `<h3 id="phrases-heading">Key phrases</h3><ul class="key-phrases" aria-labelledby="phrases-heading">${result.keyPhrases
        .map((phrase) => `<li>${escapeHtml(phrase)}</li>`)
        .join('')}</ul>`
    : '';
  const headline = result.headline ? `<p><strong>Headline:</strong> ${escapeHtml(result.headline)}</p>` : '';
  return `<section aria-labelledby="summary-heading"><h2 id="summary-heading">Summary</h2>${headline}<ol class="summary-list">${items}</ol>${phrases}</section>`;
}

const LEGEND = `<ul class="legend" aria-label="Marks in the text">
<li><mark class="summary">Summary sentence</mark></li>
${ENTITY_TYPES.map((type) => `<li><span class="entity entity-${type}">${ENTITY_TYPE_LABELS[type]}</span></li>`).join('\n')}
<li><span class="date">Date</span></li>
<li><span class="number">Number</span></li>
<li><q class="quote">Quote</q></li>
</ul>`;

function textSection(result: Result): string {
  if (result.text === '') return '';
  const lang =
    result.language && LANGUAGE_TAG.test(result.language) ? ` lang="${escapeHtml(result.language)}"` : '';
  // A text file's title line is the page's heading (title-heading.ts): the text shown starts after it.
  const { next } = titleLineOf(result);
  const html = annotateText(result.text.slice(next), bodyMarks(result, next), LAYER.paragraph);
  return `<section aria-labelledby="text-heading"><h2 id="text-heading">Article text</h2><p class="fact-meta">Hover, focus or tap a mark for details; click a name to highlight every mention.</p>${LEGEND}<div class="article-text" id="text"${lang}>${html}</div></section>`;
}

/** The viewer page of one Result. */
export function renderResultPage(result: Result): string {
  const body = `<a class="skip-link" href="#main">Skip to the article</a>
<div class="page">
${masthead(result)}
<div class="layout">
<main id="main">
${statusSection(result)}
${summarySection(result)}
${textSection(result)}
${removedPanel(result)}
</main>
${result.status === 'DONE' ? factsPanel(result) : ''}
</div>
<footer>Made by precis from Result <code>${escapeHtml(result.id)}</code>. Every mark is a span of the cleaned text.</footer>
</div>
<div id="tip" class="tip" role="tooltip" hidden></div>
<div id="live" class="visually-hidden" aria-live="polite"></div>
${factDescriptions(result)}`;
  return pageDocument(`${titleOf(result)} · precis`, body);
}
