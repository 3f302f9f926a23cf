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
  /** The block element the text sits in (P, LI, H2, TD, ...); BODY for text outside any block. */
  readonly tag: string;
}

/** One run of inline text, raw, with the block element (or the walk's root) that holds it. */
export interface InlineRun<N extends DomNode> {
  readonly owner: N;
  readonly text: string;
  /** Characters of link text in it, whitespace folded and trimmed per text node. */
  readonly linkLength: number;
}

type WalkStep<N> =
  | { readonly node: N; readonly owner: N; readonly inLink: boolean }
  | { readonly exitOwner: N };

/**
 * Every run of inline text under root: a block element, a <br> or the end of a block ends a run. Skipped
 * elements (scripts, styles, ...) contribute nothing. Iterative (no recursion), so a pathologically deep page
 * cannot overflow the stack.
 */
export function inlineRuns<N extends DomNode>(root: N): InlineRun<N>[] {
  const runs: InlineRun<N>[] = [];
  let text = '';
  let linkLength = 0;
  const flush = (owner: N) => {
    if (text.trim() !== '') runs.push({ owner, text, linkLength });
    text = '';
    linkLength = 0;
  };
  const stack: WalkStep<N>[] = [{ node: root, owner: root, inLink: false }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ('exitOwner' in step) {
      flush(step.exitOwner);
      continue;
    }
    const { node, owner, inLink } = step;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      text += value;
      if (inLink) linkLength += value.replace(WHITESPACE_RUN, ' ').trim().length;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      flush(owner);
      continue;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush(owner);
      stack.push({ exitOwner: node });
    }
    const childOwner = isBlock ? node : owner;
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index] as N | undefined;
      if (child) stack.push({ node: child, owner: childOwner, inLink: inLink || tag === 'A' });
    }
  }
  flush(root);
  return runs;
}

const blockTagOf = (node: DomNode) => {
  const tag = node.nodeName.toUpperCase();
  return BLOCK_TAGS.has(tag) ? tag : 'BODY';
};

export function htmlBlocksWithLinks(root: DomNode): HtmlBlock[] {
  return inlineRuns(root).map((run) => {
    const text = run.text.replace(WHITESPACE_RUN, ' ').trim();
    return { text, linkShare: Math.min(1, run.linkLength / text.length), tag: blockTagOf(run.owner) };
  });
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
