/**
 * Our own main-content finder, used beside Readability: the element whose paragraphs hold the most prose.
 * Prose is a paragraph of running text (enough words, sentence punctuation, few links), so lists of names,
 * tables of contacts and link blocks, which can outweigh an article in Readability's comma-based score, weigh
 * nothing here. Text written straight into a div (paragraphs split by <br>) counts as well as <p> text.
 */
import { type DomNode, inlineRuns } from './html-blocks.ts';

const PROSE_MIN_WORDS = 8;
const SENTENCE_PUNCTUATION = /[.!?:;]["'’”)]?(?:\s|$)/;
const MAX_LINK_DENSITY = 0.5;
const PARENT_SHARE = 0.5;
const WHITESPACE = /\s+/g;
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

export function findProseContainer(root: ProseNode): ProseNode | undefined {
  const scores = new Map<ProseNode, number>();
  const add = (node: ProseNode | null, score: number) => {
    if (node) scores.set(node, (scores.get(node) ?? 0) + score);
  };
  for (const run of inlineRuns(root)) {
    const weight = proseWeight(run.text);
    if (weight === 0 || run.linkLength > weight * MAX_LINK_DENSITY) continue;
    const container = PARAGRAPH_TAGS.has(run.owner.nodeName.toUpperCase()) ? run.owner.parentNode : run.owner;
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
