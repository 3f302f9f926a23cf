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
]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const WHITESPACE_RUN = /\s+/g;

/** The minimal DOM surface we read, so linkedom and browser DOMs both fit. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
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
    for (let index = node.childNodes.length - 1; index >= 0; index -= 1) {
      const child = node.childNodes[index];
      if (child) stack.push({ node: child, inLink: inLink || tag === 'A', blockTag: innerTag });
    }
  }
  flush('BODY');
  return blocks;
}

/** How deeply elements nest under root (iterative). */
export function domDepth(root: DomNode): number {
  let deepest = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > deepest) deepest = depth;
    for (let index = 0; index < node.childNodes.length; index += 1) {
      const child = node.childNodes[index];
      if (child?.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

export function htmlBlocks(root: DomNode): string[] {
  return htmlBlocksWithLinks(root).map((block) => block.text);
}
