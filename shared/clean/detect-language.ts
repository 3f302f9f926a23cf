import { detectAll } from 'tinyld';

/** Below this many characters, trigram detection is a guess; the page's declared language is better. */
const MIN_DETECTION_CHARS = 80;
const SAMPLE_CHARS = 4000;
const MIN_ACCURACY = 0.5;

/** ISO 639-1 code of the text's language, or the declared one when the text is too short or unclear. */
export function detectLanguage(text: string, declared?: string): string | undefined {
  if (text.length < MIN_DETECTION_CHARS) return declared;
  const best = detectAll(text.slice(0, SAMPLE_CHARS))[0];
  if (!best || best.accuracy < MIN_ACCURACY) return declared;
  return best.lang;
}
