import { processArticle } from '#shared/process-article.ts';
import { EMPTY_FACTS, PIPELINE_VERSION, type Result } from '#shared/result.ts';
import { FIXED_NOW } from './builders.ts';
import { SEED_BYTES } from './seed.ts';

/** Results for the viewer's tests: the seed's, a FAILED one and one full of markup meant to run. */

export function seedResult(): Result {
  return processArticle(
    {
      id: 'seed',
      bytes: SEED_BYTES,
      source: { key: 'incoming/seed article.txt', bytes: SEED_BYTES.byteLength },
    },
    { now: () => FIXED_NOW },
  );
}

export function aFailedResult(overrides: Partial<Result> = {}): Result {
  return {
    id: 'failed-1',
    status: 'FAILED',
    source: { key: 'incoming/random.bin', bytes: 4096 },
    text: '',
    summary: [],
    facts: EMPTY_FACTS,
    error: { code: 'UNSUPPORTED_CONTENT', message: 'Binary content (NUL bytes) is not an article' },
    pipelineVersion: PIPELINE_VERSION,
    processedAt: FIXED_NOW.toISOString(),
    ...overrides,
  };
}

/** Markup that runs something (sets window.__pwned) if any string reaches the page unescaped. */
export const ATTACKS = [
  '<script>window.__pwned = "script"</script>',
  '"><img src=x onerror="window.__pwned = \'img\'">',
  "'><svg onload=\"window.__pwned = 'svg'\"></svg>",
  '</style><style>body{display:none}</style>',
  '</textarea></title><iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
] as const;

const ATTACK = ATTACKS.join(' ');

/** A DONE Result with an attack in every string the viewer shows, marked by every kind of fact. */
export function aHostileResult(): Result {
  const sentence = `He said “${ATTACK}” on Monday for $5 ${ATTACK}.`;
  const text = `${ATTACK} was here.\n\n${sentence}`;
  const at = (needle: string, from = 0) => {
    const start = text.indexOf(needle, from);
    return { start, end: start + needle.length };
  };
  const sentenceStart = text.indexOf(sentence);
  return {
    id: `hostile ${ATTACK}`,
    status: 'DONE',
    source: { bucket: ATTACK, key: `incoming/${ATTACK}`, contentType: ATTACK, bytes: 1 },
    title: ATTACK,
    byline: `By ${ATTACK}`,
    siteName: ATTACK,
    dateline: ATTACK,
    language: `en"><script>window.__pwned="lang"</script>`,
    sourceUrl: 'javascript:window.__pwned="url"',
    publishedAt: ATTACK,
    modifiedAt: ATTACK,
    section: ATTACK,
    tags: [ATTACK, ATTACK],
    image: 'javascript:window.__pwned="image"',
    wordCount: 12,
    readingMinutes: 1,
    text,
    summary: [sentence, ATTACK],
    headline: ATTACK,
    keyPhrases: [ATTACK],
    facts: {
      entities: [
        {
          type: ATTACK as 'person',
          name: ATTACK,
          aliases: [ATTACK],
          roles: [ATTACK],
          mentions: [at(ATTACK), at(ATTACK, sentenceStart + 20)],
          count: 2,
          salience: 1,
        },
      ],
      dates: [{ ...at('Monday'), text: ATTACK, value: ATTACK, kind: 'absolute' }],
      numbers: [{ ...at('$5'), text: ATTACK, kind: 'money', value: 5, unit: ATTACK }],
      quotes: [
        {
          ...at(ATTACK, sentenceStart),
          text: ATTACK,
          speaker: ATTACK,
          verb: ATTACK,
          speakerMention: at('He'),
        },
      ],
    },
    removed: [{ rule: ATTACK, text: ATTACK }],
    pipelineVersion: ATTACK,
    processedAt: ATTACK,
  };
}
