/** Markdown to plain paragraphs: the words stay, the syntax goes. Line-based, no backtracking-prone patterns. */

const FENCE = /^\s*(?:```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const HORIZONTAL_RULE = /^\s{0,3}(?:[-*_]\s*){3,}$/;
const BLOCKQUOTE = /^\s{0,3}>\s?/;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
const IMAGE = /!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g;
const LINK = /\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g;
const REFERENCE_LINK = /\[([^\]\n]{1,500})\]\[[^\]\n]{0,100}\]/g;
const LINK_DEFINITION = /^\s{0,3}\[[^\]\n]{1,200}\]:\s+\S+/;
const AUTOLINK = /<(https?:\/\/[^>\s]{1,2000})>/g;
const STAR_EMPHASIS = /(\*{1,3})([^*\n]{1,300})\1/g;
const UNDERSCORE_EMPHASIS = /(^|[^\p{L}\p{N}_])(_{1,3})([^_\n]{1,300})\2(?![\p{L}\p{N}])/gu;
const STRIKE = /~~([^~\n]{1,2000})~~/g;
const INLINE_CODE = /`([^`\n]{1,2000})`/g;
const HTML_TAG = /<\/?[a-z][^>\n]{0,200}>/gi;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const TABLE_PIPE = /\s*\|\s*/g;

function stripInline(line: string): string {
  return line
    .replace(IMAGE, '')
    .replace(LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(INLINE_CODE, '$1')
    .replace(STRIKE, '$1')
    .replace(STAR_EMPHASIS, '$2')
    .replace(UNDERSCORE_EMPHASIS, '$1$3')
    .replace(HTML_TAG, '');
}

export interface MarkdownText {
  readonly text: string;
  /** The first heading, when the document opens with one. */
  readonly title?: string;
}

export function stripMarkdown(markdown: string): MarkdownText {
  const lines: string[] = [];
  let title: string | undefined;
  let inFence = false;
  let seenContent = false;
  for (const raw of markdown.split('\n')) {
    if (FENCE.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      lines.push(raw);
      continue;
    }
    if (LINK_DEFINITION.test(raw) || TABLE_SEPARATOR.test(raw) || HORIZONTAL_RULE.test(raw)) {
      lines.push('');
      continue;
    }
    if (SETEXT_UNDERLINE.test(raw) && lines.at(-1)?.trim()) {
      lines.push('');
      continue;
    }
    const heading = raw.match(HEADING);
    if (heading) {
      const text = stripInline(heading[1] ?? '').trim();
      if (!seenContent && title === undefined) title = text;
      else lines.push('', text, '');
      seenContent = true;
      continue;
    }
    const line = stripInline(raw.replace(BLOCKQUOTE, '').replace(LIST_MARKER, '')).replace(TABLE_PIPE, ' ');
    if (line.trim() !== '') seenContent = true;
    if (LIST_MARKER.test(raw)) lines.push('');
    lines.push(line);
  }
  return { text: lines.join('\n'), ...(title ? { title } : {}) };
}
