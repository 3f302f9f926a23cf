/**
 * Where the speaker errors are: the named-speaker figure of bench:quotes (the same pairs, the same test of
 * rightness) split by how precis found the speaker, read from the words its `speakerMention` covers:
 * - `name`: the attribution names the speaker ("Biden said", "said Sen. Tim Kaine");
 * - `he/she`: a he/she in the attribution, resolved to a person ("he said", "she added");
 * - `description`: a description ("a campaign spokesman", "the newspaper"), resolved to a named entity or kept;
 * - `other pronoun`: "it", "they", "we";
 * - `none`: no speaker.
 * A quote that carries an earlier quote's attribution is counted by that attribution's words.
 *
 * PolNeAR's gold speaker of "…,” he said" is the pronoun itself, which the named-speaker figure leaves out
 * (its referent is not annotated), so those quotes are tallied apart: how many there are, how many precis
 * attributes to that same pronoun, and how many of those it resolves to a person. Whether that person is the
 * right one the gold does not say.
 */
import type { QuoteFact } from '#shared/result.ts';
import { seededRandom } from './bootstrap.ts';
import type { ArticleScore, GoldQuote } from './quote-score.ts';

export const SPEAKER_SOURCES = ['name', 'he/she', 'description', 'other pronoun', 'none'] as const;
export type SpeakerSource = (typeof SPEAKER_SOURCES)[number];

/** Per source: [right, scored] over the pairs whose gold speaker is named. */
export type SourceCounts = Record<SpeakerSource, [number, number]>;

/** Pairs whose gold speaker is "he" or "she". */
export interface GoldPronounCounts {
  quotes: number;
  samePronoun: number;
  resolved: number;
}

const HE_SHE = new Set(['he', 'she']);
const OTHER_PRONOUNS = new Set(['it', 'they', 'we', 'i', 'you']);
const ROUNDS = 1000;

/** How precis found a quote's speaker, read from the words of `text` its `speakerMention` covers. */
export function speakerSource(text: string, quote: QuoteFact): SpeakerSource {
  const mention = quote.speakerMention;
  const words = mention ? text.slice(mention.start, mention.end).trim() : '';
  const lower = words.toLowerCase();
  if (HE_SHE.has(lower)) return 'he/she';
  if (quote.speaker === undefined || mention === undefined) return 'none';
  if (OTHER_PRONOUNS.has(lower)) return 'other pronoun';
  const surname = quote.speaker.split(/\s+/u).at(-1) ?? '';
  const named = quote.speakerType !== undefined && /^\p{Lu}/u.test(surname) && words.includes(surname);
  return named ? 'name' : 'description';
}

export function emptySourceCounts(): SourceCounts {
  return { name: [0, 0], 'he/she': [0, 0], description: [0, 0], 'other pronoun': [0, 0], none: [0, 0] };
}

/** One article's named-speaker pairs by source, and its he/she gold speakers. */
export function countSources(
  text: string,
  score: ArticleScore,
): { sources: SourceCounts; pronouns: GoldPronounCounts } {
  const sources = emptySourceCounts();
  const pronouns = { quotes: 0, samePronoun: 0, resolved: 0 };
  for (const { gold, predicted, speakerRight, mention } of score.pairs) {
    if (speakerRight !== undefined) {
      const tally = sources[speakerSource(text, predicted)];
      tally[1] += 1;
      if (speakerRight) tally[0] += 1;
    } else if (gold.speaker_pronoun && HE_SHE.has(gold.speaker?.toLowerCase() ?? '')) {
      pronouns.quotes += 1;
      if (!isSamePronoun(text, gold, predicted, mention)) continue;
      pronouns.samePronoun += 1;
      if (predicted.speaker !== undefined) pronouns.resolved += 1;
    }
  }
  return { sources, pronouns };
}

/** Precis attributes the quote to the gold's pronoun: its `speakerMention` (mapped onto the gold text) overlaps it. */
function isSamePronoun(
  text: string,
  gold: GoldQuote,
  predicted: QuoteFact,
  mapped: { readonly start: number; readonly end: number } | undefined,
): boolean {
  const own = predicted.speakerMention;
  if (own === undefined || mapped === undefined || gold.speaker_start === null || gold.speaker_end === null)
    return false;
  const said = text.slice(own.start, own.end).toLowerCase();
  return (
    HE_SHE.has(said) && Math.min(mapped.end, gold.speaker_end) > Math.max(mapped.start, gold.speaker_start)
  );
}

/** "8/10 0.800 (0.556-1.000)": right of scored, and a 95% bootstrap interval over the articles. */
export function sourceCell(perArticle: readonly [number, number][]): string {
  const right = perArticle.reduce((sum, [r]) => sum + r, 0);
  const scored = perArticle.reduce((sum, [, s]) => sum + s, 0);
  if (scored === 0) return '0/0';
  const next = seededRandom(12);
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let r = 0;
    let s = 0;
    for (let draw = 0; draw < perArticle.length; draw++) {
      const [a, b] = perArticle[Math.floor(next() * perArticle.length)] as [number, number];
      r += a;
      s += b;
    }
    if (s > 0) rates.push(r / s);
  }
  rates.sort((a, b) => a - b);
  const low = rates[Math.floor(0.025 * rates.length)] ?? 0;
  const high = rates[Math.floor(0.975 * rates.length)] ?? 0;
  return `${right}/${scored} ${(right / scored).toFixed(3)} (${low.toFixed(3)}-${high.toFixed(3)})`;
}
