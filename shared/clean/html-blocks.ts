/** Turns a DOM subtree into paragraphs of text: each block-level element starts a new paragraph. */

export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CENTER',
]);
export const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'HEAD',
  // Raw-text elements browsers never render as the page's text, wherever they stand.
  'TITLE',
  'TEXTAREA',
  'XMP',
  'NOEMBED',
  'NOFRAMES',
]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const WHITESPACE_RUN = /\s+/g;

/** The minimal DOM surface we read, so linkedom and browser DOMs both fit. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  /** linkedom builds a new list on every read, so walkers read it once per node (else k children cost k²). */
  readonly childNodes: ArrayLike<DomNode>;
}

/** Paragraphs of a subtree, each with how much of its text sits inside links. */
export interface HtmlBlock {
  readonly text: string;
  readonly linkShare: number;
  /** The block element the text sits in (P, LI, H2, TD, ...). */
  readonly tag: string;
}

type WalkStep =
  | { readonly node: DomNode; readonly inLink: boolean; readonly blockTag: string }
  | { readonly exitBlock: string };

/** Iterative (no recursion), so a pathologically deep page cannot overflow the stack. */
export function htmlBlocksWithLinks(root: DomNode): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let current = '';
  let linked = 0;
  const flush = (tag: string) => {
    const text = current.replace(WHITESPACE_RUN, ' ').trim();
    if (text !== '') blocks.push({ text, linkShare: Math.min(1, linked / text.length), tag });
    current = '';
    linked = 0;
  };
  const stack: WalkStep[] = [{ node: root, inLink: false, blockTag: 'BODY' }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ('exitBlock' in step) {
      flush(step.exitBlock);
      continue;
    }
    const { node, inLink, blockTag } = step;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      current += value;
      if (inLink) linked += value.replace(WHITESPACE_RUN, ' ').trim().length;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      flush(blockTag);
      continue;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush(blockTag);
      stack.push({ exitBlock: tag });
    }
    const innerTag = isBlock ? tag : blockTag;
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child) stack.push({ node: child, inLink: inLink || tag === 'A', blockTag: innerTag });
    }
  }
  flush('BODY');
  return blocks;
}

/** How deeply elements nest under root, and the most child nodes any one node has (iterative). */
export function domShape(root: DomNode): { readonly depth: number; readonly width: number } {
  let depth = 0;
  let width = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, level] = entry;
    const children = node.childNodes;
    depth = Math.max(depth, level);
    width = Math.max(width, children.length);
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      if (child?.nodeType === ELEMENT_NODE) stack.push([child, level + 1]);
    }
  }
  return { depth, width };
}

export function htmlBlocks(root: DomNode): string[] {
  return htmlBlocksWithLinks(root).map((block) => block.text);
}
