import { parseDate } from './parse-date.ts';
import {
  foldWhitespace,
  mapLines,
  type Paragraphs,
  record,
  type TextContext,
  wordCount,
} from './text-context.ts';

const AGENCIES =
  'AP|AFP|Reuters|Getty Images|Getty|Pool|EPA|EPA-EFE|dpa|Shutterstock|Alamy|Bloomberg|Xinhua|AAP|PA|PA Images|PA Wire|Sipa|picture alliance|imago|iStock|iStockphoto|Associated Press|NurPhoto|Anadolu|SOPA Images|Zuma|ZUMA Press|TASS|Keystone|ANP|WireImage|FilmMagic|Rex|Rex Features';
/** "Photo: Jane Doe", "Image: Getty", "Credit: AP", "Foto: dpa", "Credit...Jane Doe/Reuters". */
const CREDIT_LABEL =
  /^(?:photos?|images?|pictures?|photograph|photo credit|image credit|credits?|foto|fotos|bild|bildquelle|quelle|crédit photo)\s*(?::|\.{2,}|\u2026)\s*\S/i;
/** The button under a gallery picture that hides or shows its caption: the paragraph before it is that caption. */
const CAPTION_TOGGLE = /^(?:hide|show|close|expand|collapse) caption$/i;
/** "Leah Mellis/Pool’s photo via AP", "Photo by Jane Doe", "Image courtesy of NASA". */
const CREDIT_PHRASE =
  /\b(?:photos?|images?|pictures?|photograph|video|footage)\b[^\n.]{0,40}?\b(?:via|by|courtesy(?: of)?|credit)\b/i;
/** "Jane Doe/AP", "John Roe / Getty Images", "AP Photo/Evan Vucci", "Reuters/Jane Doe". */
const AGENCY_SLASH = new RegExp(
  `(?:\\b[\\p{Lu}][\\p{L}.'’-]*\\s?\\/\\s?(?:${AGENCIES})\\b|\\b(?:${AGENCIES})(?: Photo)?\\s?\\/\\s?[\\p{Lu}])`,
  'u',
);
/** A line that is only an agency name, as under a picture. */
const AGENCY_ONLY = new RegExp(
  `^(?:\\(?(?:${AGENCIES})(?: Photo| via Getty Images)?\\)?[.,;/ ]*){1,3}$`,
  'u',
);
/** Inline credits inside a paragraph: "(AP Photo/Evan Vucci)", "(Photo: Jane Doe)", "(Getty Images)". */
const INLINE_CREDIT =
  /\((?:(?:AP|AFP|Reuters|EPA|Getty)(?: Photo)?\s?\/[^()\n]{1,60}|(?:photos?|images?|pictures?|credit|foto|bild)\s*(?::|by\s)\s*[^()\n]{1,60}|Getty Images|AFP via Getty Images|picture alliance[^()\n]{0,40})\)/gi;
/** BBC-style labels, Daily Mail "Pictured:" and plain "Caption:". */
const CAPTION_LABEL =
  /^(?:(?:image caption|media caption|image copyright|image source)\b|(?:caption|pictured|bildunterschrift)\s*:)/i;
/** Present-tense verbs that captions use ("Blinken shakes hands with Xi"). */
const CAPTION_VERB =
  /\b(?:shakes|speaks|arrives|arrive|looks on|look on|poses|pose|walks|walk|waves|wave|gestures|gesture|attends|attend|holds|hold|stands|stand|sits|sit|listens|listen|delivers|leaves|leave|meets|greets|greet|talks|smiles|smile|reacts|react|visits|celebrates|celebrate|is seen|are seen|is pictured|are pictured|pictured|watches|watch|addresses|embraces|hugs|gather|gathers|marches|march|rally|rallies|plays|play|runs|run|kneels|kneel|cheers|cheer|salutes|testifies|votes|vote|inspects|tours|lays|lay|carries|carry|wait|waits)\b/i;
/** Captions end on the date the picture was taken: ", on Monday, June 19, 2023." or ", June 19, 2023." */
const CAPTION_DATE =
  /,?\s(?:on\s)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s)?((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2},\s\d{4}|\d{1,2}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*,?\s\d{4})\.?$/;
const POSITION_NOTE = /\((?:left|right|centre|center|L|R|C|front|back|top|bottom|pictured)\)/;
const SENTENCE_END = /[.!?]["'’”]?(?:\s|$)/g;
/** A caption that ends on its credit: "... at the rally. Photograph: Jane Doe/Getty Images", "... | © dpa". */
const CREDIT_SUFFIX =
  /(?:[|·]\s*©|©|\b(?:photograph|photo|foto|bild|image|picture|credit|quelle|fotocredit|photo credit)s?\s*:)\s*[^.!?|:]{1,80}\)?$/i;
const CREDITED_CAPTION_MAX_WORDS = 50;
/** Captions that tell the reader to click the picture, or carry its licence. */
const PICTURE_NOTE =
  /\b(?:click (?:on the )?(?:image|picture|photo) to enlarge|click to enlarge|zum vergrößern|bild klicken|cc[- ]by(?:[- ]sa)?(?: \d\.\d)?)\b/i;
const SPACE_RUN = / {2,}/g;
const SPACE_BEFORE_PUNCTUATION = / +([.,;:])/g;
const CREDIT_MAX_WORDS = 14;
/** Credits are labels, not sentences: no sentence inside, and a closing full stop only on a short one. */
const INNER_SENTENCE_END = /\p{Ll}{2}[.!?]\s+\p{Lu}/u;
const SENTENCE_CLOSE = /[.!?]["'’”)]?$/;
const CREDIT_SENTENCE_MAX_WORDS = 6;
const CAPTION_MAX_WORDS = 60;
const CAPTION_MAX_SENTENCES = 2;

function sentenceCount(text: string): number {
  return Math.max(1, text.trim().match(SENTENCE_END)?.length ?? 0);
}

export function isCreditLine(line: string): boolean {
  const text = line.trim();
  const words = wordCount(text, CREDIT_MAX_WORDS);
  if (text === '' || words > CREDIT_MAX_WORDS) return false;
  if (INNER_SENTENCE_END.test(text) || (SENTENCE_CLOSE.test(text) && words > CREDIT_SENTENCE_MAX_WORDS))
    return false;
  return (
    CREDIT_LABEL.test(text) || CREDIT_PHRASE.test(text) || AGENCY_SLASH.test(text) || AGENCY_ONLY.test(text)
  );
}

/** Beside a credit line: one sentence in caption tense, or a note of who stands where, or the picture's date. */
function looksLikeCaption(paragraph: string): boolean {
  const text = paragraph.replace(/\n/g, ' ').trim();
  if (wordCount(text, CAPTION_MAX_WORDS) > CAPTION_MAX_WORDS || sentenceCount(text) > CAPTION_MAX_SENTENCES)
    return false;
  if (CAPTION_DATE.test(text) || POSITION_NOTE.test(text)) return true;
  return sentenceCount(text) === 1 && CAPTION_VERB.test(text);
}

/** A one-sentence paragraph in caption tense that ends on the picture's date needs no credit beside it. */
function isDatedCaption(paragraph: string): boolean {
  const text = paragraph.trim();
  return (
    sentenceCount(text) === 1 &&
    wordCount(text, CAPTION_MAX_WORDS) <= CAPTION_MAX_WORDS &&
    CAPTION_VERB.test(text) &&
    CAPTION_DATE.test(text)
  );
}

function endsOnCredit(paragraph: string): boolean {
  const text = paragraph.trim();
  return (
    wordCount(text, CREDITED_CAPTION_MAX_WORDS) <= CREDITED_CAPTION_MAX_WORDS &&
    (CREDIT_SUFFIX.test(text) || PICTURE_NOTE.test(text))
  );
}

function noteCaptionDate(context: TextContext, caption: string): void {
  const date = caption.trim().match(CAPTION_DATE)?.[1];
  context.captionDate ??= parseDate(date);
}

/** A caption the page marked up as one (no page of plain text has any: nothing to fold then). */
function isKnownCaption(context: TextContext, paragraph: string): boolean {
  const known = context.knownCaptions;
  return known !== undefined && known.size > 0 && known.has(foldWhitespace(paragraph));
}

/**
 * Credit lines and inline credits ("(AP Photo/Jane Doe)"); a caption next to a credit, or above a "Hide
 * Caption" button, goes with it.
 */
export function removeCaptionsAndCredits(paragraphs: Paragraphs, context: TextContext): string[] {
  const isCredit = paragraphs.map((paragraph) => paragraph.split('\n').every(isCreditLine));
  const isToggle = paragraphs.map((paragraph) => CAPTION_TOGGLE.test(paragraph.trim()));
  const kept = paragraphs.filter((paragraph, index) => {
    if (isCredit[index]) {
      record(context, 'photo-credit', paragraph);
      return false;
    }
    if (isToggle[index]) {
      record(context, 'caption-toggle', paragraph);
      return false;
    }
    const besideCredit = isCredit[index - 1] === true || isCredit[index + 1] === true;
    const aboveToggle =
      isToggle[index + 1] === true && wordCount(paragraph, CAPTION_MAX_WORDS) <= CAPTION_MAX_WORDS;
    if (
      aboveToggle ||
      (besideCredit && looksLikeCaption(paragraph)) ||
      isDatedCaption(paragraph) ||
      CAPTION_LABEL.test(paragraph) ||
      endsOnCredit(paragraph) ||
      isKnownCaption(context, paragraph)
    ) {
      record(context, 'photo-caption', paragraph);
      noteCaptionDate(context, paragraph);
      return false;
    }
    return true;
  });
  return mapLines(kept, (line) => {
    if (isCreditLine(line)) {
      record(context, 'photo-credit', line);
      return '';
    }
    const without = line.replace(INLINE_CREDIT, (match) => {
      record(context, 'photo-credit', match);
      return '';
    });
    return without === line
      ? line
      : without.replace(SPACE_BEFORE_PUNCTUATION, '$1').replace(SPACE_RUN, ' ').trim();
  });
}
