/**
 * A string of `length` characters drawn from `alphabet` by a seeded linear congruential generator, the same on
 * every run: for tests that check a hand-written scanner against the regular expression it replaces.
 */
export function randomText(seed: number, length: number, alphabet: readonly string[]): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += alphabet[(state >>> 16) % alphabet.length];
  }
  return text;
}
