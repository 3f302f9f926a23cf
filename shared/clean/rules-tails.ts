import { foldWhitespace, type Paragraphs, record, type TextContext, wordCount } from './text-context.ts';

/** Headings of related-link, read-more and most-read blocks, in the languages we see most. */
const TAIL_HEADING =
  /^(?:related(?: posts| articles| stories| content| coverage| news| links| topics| reading)?|read more|read also|also read|read next|see also|more on this(?: story| topic)?|more (?:from|stories|news|articles|videos)\b[^.!?\n]{0,40}|recommended(?: for you| stories| articles)?|you may also like|you might also like|you may be interested in|most (?:popular|read|viewed|shared)|trending(?: now| stories)?|more to explore|further reading|top stories|latest news|lesen sie auch|lesen sie mehr|mehr zum thema|mehr dazu|das könnte sie auch interessieren|das könnte dich auch interessieren|das thema könnte (?:sie|dich) auch interessieren|verwandte themen|verwandte artikel|ähnliche artikel|weiterführende links|noch mehr infos für dich|veja também|leia mais|weitere artikel|weitere themen|meistgelesen|lea también|lea más|leer más|noticias relacionadas|te puede interesar|lire aussi|à lire aussi|sur le même sujet|leia também|czytaj też|czytaj także|les også)\s*[:.!]?\s*(?:none)?$/i;
/** "Read more: <headline>", "RELATED: <headline>", "Lesen Sie auch: <headline>". */
const READ_MORE_PREFIX =
  /^(?:read more|read also|also read|related|more|also|see|see also|see more|watch|listen|video|photos|gallery|podcast|click here|lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|lea también|lea más|lea|leer más|ver también|lire aussi|à lire aussi|leia também|czytaj też|czytaj także)\s*(?::|»|>>|\u2192)\s*\S/i;
const READ_MORE_MAX_WORDS = 30;
const SHARE_WORDS =
  /^(?:(?:share|share this(?: article| story| post)?|share on|share via|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|messenger|flipboard|pocket|copy link|copy|link|mail|drucken|teilen|compartir|partager|imprimer|follow us(?: on)?|follow)\s*[:|,/·•]?\s*){1,12}$/i;
const SHARE_MAX_WORDS = 15;
const FOLLOW_PROMPT = /^follow (?:us|@\w+|\w+ on (?:twitter|facebook|instagram|x))\b/i;
const SIGNUP =
  /\b(?:sign up|signup|subscribe|subscription|newsletter|in your inbox|to your inbox|register now|abonnieren|newsletter bestellen|suscr[ií]bete|inscrivez-vous)\b/i;
const SIGNUP_START =
  /^(?:sign up|subscribe|get (?:our|the)|join|want|don't miss|do not miss|never miss|enter your e-?mail|stay (?:informed|up to date)|like this|enjoy|support|become a|jetzt|melden sie sich)\b/i;
const SIGNUP_MAX_WORDS = 40;
/** Prompts that speak to the reader about subscribing, apps, following, logging in or writing in. */
const READER_PROMPT =
  /\b(?:share your (?:videos?|photos?|pictures?|stories|story|experiences?|tips?|views)|please subscribe|subscribe to|already a subscriber|subscribers? (?:also )?receive|sign up|log in|download (?:the|our) [^.!?\n]{0,60}apps?|with the [^.!?\n]{0,40} app\b|follow (?:us|the \w+|\w+) on (?:twitter|facebook|instagram)|submit a letter|letter to the editor|write to us|support (?:our|independent) journalism|eingeloggt|registriert|abonnieren sie|jetzt abonnieren|newsletter)\b/i;
/** Prompts clear enough without a "you": app downloads, follow-us lines, subscriber notes. */
const STRONG_READER_PROMPT =
  /\b(?:download (?:the|our) [^.!?\n]{0,60}apps? for|apps? for ios and android|follow (?:us|the \w+|\w+) on (?:twitter|facebook|instagram)|already a subscriber|subscribers? (?:also )?receive|straight to your (?:phone|inbox)|click here|hier klicken|klicken sie hier|haga clic aquí|cliquez ici)\b/i;
/** "Tags: ...", "Category : Press Releases", "Filed under ...", "Schlagworte: ...". */
const TAXONOMY_LINE =
  /(?:^|\s)(?:tags?|schlagw(?:ö|o)rte?r?|kategorien?|categories|category|filed under|posted in|etiquetas|topics|themen)\s*:/i;
const TAXONOMY_MAX_WORDS = 15;
/** "Informationsschreiben PDF | 38 KB" */
const FILE_LINK = /\b(?:PDF|DOCX?|XLSX?|PPTX?|ZIP)\s*\|\s*\d+(?:[.,]\d+)?\s*[KkMm]B\b/;
const ADDRESSES_READER = /\b(?:you|your|us|please|sie|ihr|ihre|du|dich|dein|usted|vous|votre)\b/i;
/** "Was this article helpful?", "War der Artikel nützlich?" */
const FEEDBACK_PROMPT =
  /^(?:was this (?:article|page|story|post) (?:helpful|useful)|did you (?:like|enjoy) this (?:article|story)|war (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)|artikel gefallen)\b[^\n]{0,60}$/i;
/** Short lines offering to share, print or pin: "Möchten Sie den Artikel teilen?", "Rezept drucken". */
const SHARE_VERB =
  /\b(?:share|teilen|drucken|print|pinnen|pin it|pinterest|speichern|tweet|partager|compartir)\b/i;
const SHARE_PROMPT_MAX_WORDS = 8;
const COOKIE = /\bcookies?\b/i;
const COOKIE_CONTEXT =
  /\b(?:use|uses|accept|consent|privacy|policy|browsing|experience|settings|verwendet|akzeptieren|datenschutz)\b/i;
const COOKIE_MAX_WORDS = 80;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b|all rights reserved\b|alle rechte vorbehalten\b)/i;
const COPYRIGHT_MAX_WORDS = 60;
/** House rules for readers' comments: "Comments are moderated", "Read our community guidelines". */
const COMMENT_POLICY =
  /^(?:comments? (?:are|is) (?:moderated|closed|reviewed|pre-moderated|turned off|disabled)|(?:our |read our |see our )?(?:comment(?:ing)?|community) (?:policy|guidelines|standards|rules)\b|we (?:welcome|encourage|value) (?:your |reader |readers' )?comments|please (?:keep|be) (?:your )?comments?\b)/i;
const COMMENT_POLICY_MAX_WORDS = 80;
/** Affiliate disclosures: "We may earn a commission when you buy through links on our site." */
const AFFILIATE_DISCLOSURE =
  /\b(?:we (?:may )?(?:earn|receive|get) (?:a |an )?(?:small |affiliate )?(?:commission|compensation|share of (?:the )?(?:sales|revenue)|fee)|(?:contains|may contain|includes?) affiliate links|as an amazon associate|affiliate (?:links?|partnerships?|commissions?)\b[^.!?\n]{0,80}\b(?:earn|commission|compensat))/i;
const AFFILIATE_MAX_WORDS = 70;
/** A newsletter's own blurb: "FA Insights is a daily newsletter from Business Insider that delivers …". */
const NEWSLETTER_BLURB =
  /\b(?:is|are) (?:a|an|our) (?:free |new )?(?:(?:daily|weekly|monthly|morning|evening|twice-weekly) )?(?:e-?mail )?newsletter\b/i;
const NEWSLETTER_BLURB_MAX_WORDS = 40;
/** A list of the story's highlights above its text: CNN's "STORY HIGHLIGHTS". */
const HIGHLIGHTS_HEADING = /^(?:story highlights|highlights)\s*:?$/i;
const HIGHLIGHT_MAX_WORDS = 30;
const COMMENTS_PROMPT =
  /^(?:pingback|trackback)\b|^(?:comments?(?: \(\d+\))?|\d+ comments?|leave a (?:comment|reply)|add a comment|post a comment|join the (?:conversation|discussion)|show comments|view comments|kommentare?(?: \(\d+\))?|kommentieren|comentarios)\s*:?$/i;
/** A tail heading this far (as a share of paragraphs) into the text takes the short link lines after it too. */
const TAIL_START_SHARE = 0.5;
const LINK_LINE_MAX_WORDS = 20;
const SENTENCE_END = /[.!?]["'’”]?$/;
const SENTENCE_END_PERIOD = /\.["'’”]?$/;

/** The most words any prompt below may have: a longer paragraph is counted no further. */
const PROMPT_MAX_WORDS = Math.max(
  SHARE_MAX_WORDS,
  COMMENT_POLICY_MAX_WORDS,
  AFFILIATE_MAX_WORDS,
  NEWSLETTER_BLURB_MAX_WORDS,
  SHARE_PROMPT_MAX_WORDS,
  TAXONOMY_MAX_WORDS,
  SIGNUP_MAX_WORDS,
  READ_MORE_MAX_WORDS,
  COOKIE_MAX_WORDS,
  COPYRIGHT_MAX_WORDS,
);

type Classifier = (paragraph: string) => string | undefined;

const classifyPrompt: Classifier = (paragraph) => {
  const words = wordCount(paragraph, PROMPT_MAX_WORDS);
  if ((words <= SHARE_MAX_WORDS && SHARE_WORDS.test(paragraph)) || FOLLOW_PROMPT.test(paragraph)) {
    return 'share-prompt';
  }
  if (COMMENTS_PROMPT.test(paragraph)) return 'comments-prompt';
  if (words <= COMMENT_POLICY_MAX_WORDS && COMMENT_POLICY.test(paragraph)) return 'comment-policy';
  if (words <= AFFILIATE_MAX_WORDS && AFFILIATE_DISCLOSURE.test(paragraph)) return 'affiliate-disclosure';
  if (words <= NEWSLETTER_BLURB_MAX_WORDS && NEWSLETTER_BLURB.test(paragraph)) return 'newsletter-blurb';
  if (FEEDBACK_PROMPT.test(paragraph)) return 'feedback-prompt';
  if (words <= SHARE_PROMPT_MAX_WORDS && SHARE_VERB.test(paragraph) && !SENTENCE_END_PERIOD.test(paragraph)) {
    return 'share-prompt';
  }
  if (words <= TAXONOMY_MAX_WORDS && TAXONOMY_LINE.test(paragraph)) return 'taxonomy-line';
  if (words <= TAXONOMY_MAX_WORDS && FILE_LINK.test(paragraph)) return 'download-link';
  if (words <= SIGNUP_MAX_WORDS && STRONG_READER_PROMPT.test(paragraph)) return 'signup-prompt';
  if (words <= SIGNUP_MAX_WORDS && READER_PROMPT.test(paragraph) && ADDRESSES_READER.test(paragraph)) {
    return 'signup-prompt';
  }
  if (words <= READ_MORE_MAX_WORDS && READ_MORE_PREFIX.test(paragraph)) return 'read-more';
  if (words <= SIGNUP_MAX_WORDS && SIGNUP.test(paragraph) && SIGNUP_START.test(paragraph))
    return 'signup-prompt';
  if (words <= COOKIE_MAX_WORDS && COOKIE.test(paragraph) && COOKIE_CONTEXT.test(paragraph))
    return 'cookie-notice';
  if (words <= COPYRIGHT_MAX_WORDS && COPYRIGHT.test(paragraph)) return 'copyright-notice';
  return undefined;
};

function isLinkLine(paragraph: string): boolean {
  return (
    wordCount(paragraph, LINK_LINE_MAX_WORDS) <= LINK_LINE_MAX_WORDS && !SENTENCE_END.test(paragraph.trim())
  );
}

/** An item of a highlights list: short, and not closed like a sentence of the story. */
function isHighlight(paragraph: string): boolean {
  return (
    wordCount(paragraph, HIGHLIGHT_MAX_WORDS) <= HIGHLIGHT_MAX_WORDS && !SENTENCE_END.test(paragraph.trim())
  );
}

/**
 * Related-posts / read-more / share / sign-up / cookie / comments blocks. A related heading in the second half
 * of the text also takes the run of short link lines that follows it; a highlights heading takes the list of
 * short unpunctuated lines under it.
 */
export function removeTails(paragraphs: Paragraphs, context: TextContext): string[] {
  const kept: string[] = [];
  let inTail = false;
  let inHighlights = false;
  paragraphs.forEach((paragraph, index) => {
    const text = paragraph.replace(/\n/g, ' ').trim();
    if (inTail && isLinkLine(text)) {
      record(context, 'related-tail', paragraph);
      return;
    }
    inTail = false;
    if (inHighlights && isHighlight(text)) {
      record(context, 'story-highlights', paragraph);
      return;
    }
    inHighlights = HIGHLIGHTS_HEADING.test(text);
    if (inHighlights) {
      record(context, 'story-highlights', paragraph);
      return;
    }
    if (TAIL_HEADING.test(text)) {
      record(context, 'related-tail', paragraph);
      inTail =
        index >= paragraphs.length * TAIL_START_SHARE ||
        paragraphs.slice(index + 1).every((next) => isLinkLine(next.replace(/\n/g, ' ').trim()));
      return;
    }
    const rule = classifyPrompt(text);
    if (rule) {
      record(context, rule, paragraph);
      return;
    }
    kept.push(paragraph);
  });
  return kept;
}

/** HTML paragraphs that are nothing but a link: teasers of other articles inside or after the text. */
export function removeLinkBlocks(paragraphs: Paragraphs, context: TextContext): string[] {
  if (!context.linkBlocks || context.linkBlocks.size === 0) return [...paragraphs];
  return paragraphs.filter((paragraph) => {
    if (!context.linkBlocks?.has(foldWhitespace(paragraph))) return true;
    record(context, 'link-block', paragraph);
    return false;
  });
}
