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

/** Every run of inline text with the block element that holds it and how much of it is link text. */
function collectBlocks(root: ProseNode): Block[] {
  const blocks: Block[] = [];
  const walk = (
    node: ProseNode,
    owner: ProseNode,
    inLink: boolean,
    current: { text: string; link: number },
  ) => {
    if (node.nodeType === TEXT_NODE) {
      current.text += node.nodeValue ?? '';
      if (inLink) current.link += (node.nodeValue ?? '').length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return;
    const isBlock = BLOCK_TAGS.has(tag) || tag === 'BR';
    if (isBlock) {
      flush(owner, current);
      if (tag === 'BR') return;
    }
    const childOwner = BLOCK_TAGS.has(tag) ? node : owner;
    for (let index = 0; index < node.childNodes.length; index += 1) {
      const child = node.childNodes[index] as ProseNode | undefined;
      if (child) walk(child, childOwner, inLink || tag === 'A', current);
    }
    if (isBlock) flush(childOwner, current);
  };
  const flush = (owner: ProseNode, current: { text: string; link: number }) => {
    if (current.text.trim() !== '') blocks.push({ owner, text: current.text, linkText: current.link });
    current.text = '';
    current.link = 0;
  };
  const current = { text: '', link: 0 };
  walk(root, root, false, current);
  flush(root, current);
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
