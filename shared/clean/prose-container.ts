/**
 * Our own main-content finder, used beside Readability: the element whose paragraphs hold the most prose.
 * Prose is a paragraph of running text (enough words, sentence punctuation, few links), so lists of names,
 * tables of contacts and link blocks, which can outweigh an article in Readability's comma-based score, weigh
 * nothing here. Text written straight into a div (paragraphs split by <br>) counts as well as <p> text.
 */
import { BLOCK_TAGS, type DomNode, SKIPPED_TAGS } from './html-blocks.ts';

const PROSE_MIN_WORDS = 8;
const SENTENCE_PUNCTUATION = /[.!?:;]["'’”)]?(?:\s|$)/;
const MAX_LINK_DENSITY = 0.5;
const PARENT_SHARE = 0.5;
const WHITESPACE = /\s+/g;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Paragraph-like elements credit their container; other blocks (div, td) are containers themselves. */
const PARAGRAPH_TAGS = new Set(['P', 'PRE', 'BLOCKQUOTE', 'LI', 'H2', 'H3', 'H4', 'DD']);

export interface ProseNode extends DomNode {
  readonly parentNode: ProseNode | null;
}

/** The prose weight of one paragraph: its length when it reads as running text, else 0. */
export function proseWeight(text: string): number {
  const folded = text.replace(WHITESPACE, ' ').trim();
  const words = folded === '' ? 0 : folded.split(' ').length;
  return words >= PROSE_MIN_WORDS && SENTENCE_PUNCTUATION.test(folded) ? folded.length : 0;
}

export function proseLength(paragraphs: readonly string[]): number {
  return paragraphs.reduce((sum, paragraph) => sum + proseWeight(paragraph), 0);
}

interface Block {
  readonly owner: ProseNode;
  readonly text: string;
  readonly linkText: number;
}

type WalkStep =
  | { readonly node: ProseNode; readonly owner: ProseNode; readonly inLink: boolean }
  | { readonly exitOwner: ProseNode };

/** Every run of inline text with the block element that holds it and how much of it is link text (iterative). */
function collectBlocks(root: ProseNode): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let link = 0;
  const flush = (owner: ProseNode) => {
    if (text.trim() !== '') blocks.push({ owner, text, linkText: link });
    text = '';
    link = 0;
  };
  const stack: WalkStep[] = [{ node: root, owner: root, inLink: false }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ('exitOwner' in step) {
      flush(step.exitOwner);
      continue;
    }
    const { node, owner, inLink } = step;
    if (node.nodeType === TEXT_NODE) {
      text += node.nodeValue ?? '';
      if (inLink) link += (node.nodeValue ?? '').length;
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
      const child = children[index] as ProseNode | undefined;
      if (child) stack.push({ node: child, owner: childOwner, inLink: inLink || tag === 'A' });
    }
  }
  flush(root);
  return blocks;
}

export function findProseContainer(root: ProseNode): ProseNode | undefined {
  const scores = new Map<ProseNode, number>();
  const add = (node: ProseNode | null, score: number) => {
    if (node) scores.set(node, (scores.get(node) ?? 0) + score);
  };
  for (const block of collectBlocks(root)) {
    const weight = proseWeight(block.text);
    if (weight === 0 || block.linkText > block.text.length * MAX_LINK_DENSITY) continue;
    const container = PARAGRAPH_TAGS.has(block.owner.nodeName.toUpperCase())
      ? block.owner.parentNode
      : block.owner;
    add(container, weight);
    add(container?.parentNode ?? null, weight * PARENT_SHARE);
  }
  let best: ProseNode | undefined;
  let bestScore = 0;
  for (const [node, score] of scores) {
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}
