import { detectAll } from 'tinyld/light';

/** Below this many characters, trigram detection is a guess; the page's declared language is better. */
const MIN_DETECTION_CHARS = 80;
const SAMPLE_CHARS = 4000;
/** tinyld's accuracy is relative: trust the best guess when it clearly leads the runner-up. */
const MIN_LEAD = 1.5;

/** ISO 639-1 code of the text's language, or the declared one when the text is too short or unclear. */
export function detectLanguage(text: string, declared?: string): string | undefined {
  if (text.length < MIN_DETECTION_CHARS) return declared;
  const [best, second] = detectAll(text.slice(0, SAMPLE_CHARS));
  if (!best || best.accuracy <= 0) return declared;
  if (second && best.accuracy < second.accuracy * MIN_LEAD) return declared ?? best.lang;
  return best.lang;
}
