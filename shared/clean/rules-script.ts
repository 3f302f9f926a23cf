import type { Removal } from '../result.ts';

/** An opening <script> or <style> tag left in text or Markdown by a scraper or an embed. */
const BLOCK_OPENER = /<(script|style)\b[^<>]{0,1000}>/gi;
const CLOSER_SOURCE: Readonly<Record<string, string>> = { script: '</script\\s*>', style: '</style\\s*>' };
/** The audit keeps the start of a removed block; a whole inline script would only bloat the Result. */
const MAX_RECORDED_CHARS = 200;

export interface WithoutScripts {
  readonly text: string;
  readonly removed: readonly Removal[];
}

const recorded = (block: string): Removal => ({
  rule: 'script-block',
  text: block.length > MAX_RECORDED_CHARS ? `${block.slice(0, MAX_RECORDED_CHARS)}…` : block,
});

/**
 * Removes <script>…</script> and <style>…</style> blocks from plain text and Markdown: code, never the
 * article. An opener without a closer stays, since an article may well write about a "<script> tag". Linear:
 * once one kind of block has no closer left, its later openers are not searched again.
 */
export function removeScriptBlocks(text: string): WithoutScripts {
  const removed: Removal[] = [];
  const unclosed = new Set<string>();
  let kept = '';
  let from = 0;
  for (const opener of text.matchAll(BLOCK_OPENER)) {
    const kind = opener[1]?.toLowerCase() ?? '';
    if (opener.index < from || unclosed.has(kind)) continue;
    const closer = new RegExp(CLOSER_SOURCE[kind] ?? '', 'gi');
    closer.lastIndex = opener.index + opener[0].length;
    const close = closer.exec(text);
    if (close === null) {
      unclosed.add(kind);
      continue;
    }
    const end = close.index + close[0].length;
    kept += text.slice(from, opener.index);
    removed.push(recorded(text.slice(opener.index, end).trim()));
    from = end;
  }
  return removed.length === 0 ? { text, removed } : { text: kept + text.slice(from), removed };
}
