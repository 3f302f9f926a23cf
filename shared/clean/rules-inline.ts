import { parseDate } from './parse-date.ts';
import { mapLines, type Paragraphs, record, type TextContext, wordCount } from './text-context.ts';

/** `[ad_1]`, `[ad]`, `[advertisement]`, `[/ad]`: shortcodes that scraper plugins leave in the text. */
const AD_SHORTCODE = /\[\/?(?:ad|ads|advert|advertisement)(?:[_-]?\d{1,3})?\]/gi;
/** A line that is only an advertisement label. */
const AD_LABEL =
  /^(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicidad|publicité|story continues below(?: this)? advertisement|continue reading (?:the main story|below)|externer inhalt|external content)\s*[.:]?$/i;
/** Disclosures about advertising and affiliate links. */
const AD_DISCLOSURE =
  /^(?:note: )?(?:the )?(?:advertising|affiliate|sponsorship) (?:disclosure|disclaimer)\b/i;
const AD_DISCLOSURE_MAX_WORDS = 60;
/** "4 Min Read", "5 minutes de lecture", "Lesezeit: 3 Minuten". */
const READING_TIME =
  /^(?:(?:lesezeit|reading time|temps de lecture)\s*:?\s*)?(?:ca\.\s*)?\d{1,3}\s*(?:min|mins|minutes?|minuten|minutos)\.?(?:\s*(?:read|lesezeit|de lecture|de lectura|lesen))?$/i;
/** A gallery's or a list's page controls: a lone page number or arrow. */
const NAVIGATION =
  /^(?:\d{1,3}|[<>\u00ab\u00bb\u2039\u203a\u2190\u2192]{1,2}|(?:prev|previous|next)(?: page)?)$/i;
const BARE_URL = /^<?(https?:\/\/[^\s<>]{3,2000})>?$/i;
/** "PUBLISHED: 12:08 EST, 24 July 2013 | UPDATED: 12:08 EST, 24 July 2013", "Last updated on June 19, 2023". */
const PUBLISHED_LINE =
  /^(?:(?:first )?published|updated|last (?:updated|modified)|posted|submitted|veröffentlicht|veröffentlichung|aktualisiert|publicado|publié)(?: on| at| am| le| el)?\s*:?\s*\.?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(\S[^\n]{0,160})$/i;
const PUBLISHED_MAX_WORDS = 22;
/** Date stamps: digits, month names, weekdays, times and separators only. */
const DATE_ONLY = /^(?:[\p{L}]{3,10}\.?,?\s+)?[\d\p{L}.,:/\s|-]{4,60}$/u;
const DATE_ONLY_MAX_WORDS = 6;
/** "By Jane Doe", "By Jane Doe and John Roe, CNN", "By . Daily Mail Reporter ." */
const BYLINE =
  /^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or)\s+(?:\.\s+)?([\p{Lu}][\p{L}'’.-]*(?:[ \t]+(?:[\p{Lu}][\p{L}'’.-]*|and|&|de|van|von|der|la|le))+|Reuters|AP|AFP|CNN|dpa|Staff|Associated Press)(?:\s*[,|]\s*([^\n]{0,80}))?\s*\.?$/u;
const BYLINE_MAX_TAIL_WORDS = 8;
const BYLINE_MAX_WORDS = 16;
/** The Daily Mail's inline header: "By . Name . PUBLISHED: . 12:08 EST, 24 July 2013 . | . UPDATED: . ... . " */
const DAILY_MAIL_HEADER =
  /^(?:By \. ([^.\n]{1,80}) \. )?PUBLISHED: \. ([^|\n]{1,60}) \. \| \. UPDATED: \. ([^.\n]{1,60}) \. /;
/** The marker, then the rest of the line (which may open with a glued caption). */
const SCROLL_DOWN_WITH_REST =
  /\b(scroll down for (?:video|more(?: videos?)?|the video|full video)\b\.?)\s*([^\n]*)/gi;
const GLUED_CAPTION_MAX_CHARS = 600;
const GLUED_CAPTION_MIN_WORDS = 6;
const SENTENCE_BOUNDARY = /[.!?]["'’”]?\s/;
/** A sentence opener straight after a word, with no punctuation between: where a glued caption stops. */
const GLUED_SENTENCE_START =
  /(?<=[\p{Ll}\p{N})'’"”])(?<!\b(?:in|of|on|at|to|for|by|from|with|and|or|the|a|an|as|than|that))\s(?=(?:The|He|She|It|They|But|And|A|An|In|His|Her|This|That|Mr|Mrs|Ms|Police|Officials|We|I|According|After|When|Now|However|Meanwhile|Last|Their|There|Its|Earlier|Speaking)\s)/u;
/** A removed line or shortcode may leave doubled spaces behind. */
const SPACE_RUN = /[ \t]{2,}/g;

function setPublished(context: TextContext, text: string | undefined): void {
  if (context.publishedAt) return;
  const date = parseDate(text);
  if (!date) return;
  context.publishedAt = date;
  context.publishedAtSource = 'byline';
}

export function removeAdShortcodes(paragraphs: Paragraphs, context: TextContext): string[] {
  return mapLines(paragraphs, (line) => {
    const trimmed = line.trim();
    if (
      AD_LABEL.test(trimmed) ||
      (AD_DISCLOSURE.test(trimmed) && wordCount(trimmed, AD_DISCLOSURE_MAX_WORDS) <= AD_DISCLOSURE_MAX_WORDS)
    ) {
      record(context, 'advertisement', line);
      return '';
    }
    if (READING_TIME.test(trimmed)) {
      record(context, 'reading-time', line);
      return '';
    }
    if (NAVIGATION.test(trimmed)) {
      record(context, 'navigation', line);
      return '';
    }
    const without = line.replace(AD_SHORTCODE, (match) => {
      record(context, 'ad-shortcode', match);
      return ' ';
    });
    return without === line ? line : without.replace(SPACE_RUN, ' ').trim();
  });
}

/** Lines that are only a URL; the first becomes sourceUrl when none is known. */
export function removeBareUrls(paragraphs: Paragraphs, context: TextContext): string[] {
  return mapLines(paragraphs, (line) => {
    const url = line.trim().match(BARE_URL)?.[1];
    if (!url) return line;
    record(context, 'bare-url', line);
    context.sourceUrl ??= url;
    return '';
  });
}

/** A line that is only a date ("7. Oktober 2020", "June 19, 2023"): the page's date stamp. */
function isDateOnly(line: string): boolean {
  return (
    wordCount(line, DATE_ONLY_MAX_WORDS) <= DATE_ONLY_MAX_WORDS &&
    DATE_ONLY.test(line) &&
    parseDate(line) !== undefined
  );
}

export function removePublishedLines(paragraphs: Paragraphs, context: TextContext): string[] {
  const rewritten = paragraphs.map((paragraph, index) => {
    if (index > 2) return paragraph;
    const header = paragraph.match(DAILY_MAIL_HEADER);
    if (!header) return paragraph;
    record(context, 'published-line', header[0]);
    if (header[1]) context.byline ??= header[1].trim();
    setPublished(context, header[2]);
    return paragraph.slice(header[0].length);
  });
  return mapLines(rewritten, (line) => {
    const trimmed = line.trim();
    if (isDateOnly(trimmed)) {
      record(context, 'published-line', line);
      setPublished(context, trimmed);
      return '';
    }
    const match = trimmed.match(PUBLISHED_LINE);
    if (!match || wordCount(trimmed, PUBLISHED_MAX_WORDS) > PUBLISHED_MAX_WORDS || !parseDate(match[1]))
      return line;
    record(context, 'published-line', line);
    setPublished(context, match[1]);
    return '';
  });
}

export function removeBylines(paragraphs: Paragraphs, context: TextContext): string[] {
  return mapLines(paragraphs, (line) => {
    const trimmed = line.trim();
    if (wordCount(trimmed, BYLINE_MAX_WORDS) > BYLINE_MAX_WORDS) return line;
    const match = trimmed.match(BYLINE);
    if (!match?.[1] || wordCount(match[2] ?? '', BYLINE_MAX_TAIL_WORDS) > BYLINE_MAX_TAIL_WORDS) return line;
    record(context, 'byline', line);
    context.byline ??= match[1].replace(/\s*\.$/, '').trim();
    setPublished(context, match[2]);
    return '';
  });
}

/**
 * Where a Daily Mail caption glued after "Scroll down for video" ends: the first place before the sentence's
 * end where a new sentence starts without punctuation ("... to vote Labour And he warned ...").
 */
function gluedCaptionEnd(text: string): number | undefined {
  const window = text.slice(0, GLUED_CAPTION_MAX_CHARS);
  const sentenceEnd = window.search(SENTENCE_BOUNDARY);
  const span = sentenceEnd < 0 ? window : window.slice(0, sentenceEnd);
  const boundary = span.search(GLUED_SENTENCE_START);
  if (boundary < 0 || wordCount(span.slice(0, boundary), GLUED_CAPTION_MIN_WORDS) < GLUED_CAPTION_MIN_WORDS)
    return undefined;
  return boundary;
}

/** "Scroll down for video" markers, and the picture caption a scraper glued straight after one. */
export function removeScrollDown(paragraphs: Paragraphs, context: TextContext): string[] {
  return mapLines(paragraphs, (line) =>
    line.replace(SCROLL_DOWN_WITH_REST, (_match, marker: string, rest: string) => {
      record(context, 'scroll-down', marker);
      const end = gluedCaptionEnd(rest);
      if (end === undefined) return rest;
      record(context, 'photo-caption', rest.slice(0, end));
      return rest.slice(end).trimStart();
    }),
  );
}
