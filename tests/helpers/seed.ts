import { readFileSync } from 'node:fs';

/** The seed article (ours to use), as bytes and as text. */
export const SEED_BYTES: Uint8Array = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url));
export const SEED_TEXT: string = new TextDecoder().decode(SEED_BYTES);

/** The key facts the seed must yield (issue 5's golden test). */
export const SEED_PEOPLE = [
  'Antony Blinken',
  'Xi Jinping',
  'Wang Yi',
  'Qin Gang',
  'Joe Biden',
  'Bill Gates',
  'William Burns',
  'Jake Sullivan',
  'Lloyd Austin',
] as const;
export const SEED_PLACES = [
  'Beijing',
  'China',
  'Washington',
  'Vienna',
  'Singapore',
  'Taiwan',
  'Hong Kong',
  'Cuba',
  'Ukraine',
  'Russia',
] as const;
export const SEED_ORGANIZATIONS = ['State Department', 'CIA', 'Microsoft'] as const;
