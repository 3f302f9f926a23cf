import type { EntityMention, NerType } from '#shared/facts/ner/tag-entities.ts';

/**
 * What a tagger would return for `text`: every occurrence of each listed surface, longest surfaces first
 * and never overlapping, so tests of grouping do not depend on the real tagger.
 */
export function taggedMentions(
  text: string,
  surfaces: ReadonlyArray<readonly [NerType, string]>,
): EntityMention[] {
  const mentions: EntityMention[] = [];
  const taken = new Uint8Array(text.length);
  const byLength = [...surfaces].sort((a, b) => b[1].length - a[1].length);
  for (const [type, surface] of byLength) {
    for (let start = text.indexOf(surface); start >= 0; start = text.indexOf(surface, start + 1)) {
      const end = start + surface.length;
      if (taken[start] || taken[end - 1]) continue;
      taken.fill(1, start, end);
      mentions.push({ type, start, end, text: surface });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
