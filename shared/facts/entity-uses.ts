/**
 * Types that how the article uses a name gives it, against the tagger's:
 * - a title in quotation marks is a work, not a person, organisation or place: “Roots,” the miniseries; 'Mob
 *   Wives' star; "Danny Boy" (a nickname inside a name, Lee “Faker” Sang-hyeok, is not one);
 * - a name read as a person after "a" or "an", with no noun after it, is a product: "bought a Land Rover for";
 * - a name read as a place that reports is an outlet: "Healthline reported", "according to Healthline".
 * Each fixes every mention of the name; `entity-types.ts` decides in what order they count.
 */
import type { EntityType, Span } from '../result.ts';
import type { Fixed } from './entity-cues.ts';
import type { NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';

/** Opening quotation marks and the closing marks each may pair with (a straight ' may close with ’). */
const CLOSING: Readonly<Record<string, string>> = {
  '“': '”',
  '"': '"',
  '‘': '’',
  "'": "'’",
};
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** A capitalised word right before the opening mark: the quoted word is part of a name ("Lee “Faker” Sang"). */
const NAME_BEFORE_QUOTE = /\p{Lu}[\p{L}.'’-]* $/u;
/** A capitalised word right after the closing mark, with no stop inside: "'Mama' June", "“Bobby” Scott". */
const NAME_AFTER_QUOTE = /^ \p{Lu}/u;
/** Words that introduce a name of any kind, which keeps the tagger's type: "the name “X”", "dubbed “X”". */
const NAMING_BEFORE =
  /\b(?:aka|a\.k\.a\.|named|name|called|calls|call|nicknamed|nickname|nickname of|dubbed|known as|alias)\s+$/iu;
/** What a person does right after their quoted name: "“Perry” told me", "'Rich' who lives in". */
const PERSON_AFTER =
  /^[,.]?\s+(?:who|said|says|told|tells|asked|asks|added|adds|replied|replies|countered|chimed|explained|stood|went|recalled|insisted)\b/u;
/** "a " or "an " right before the name, with no letter before the article ("historian Anthony" is none). */
const INDEFINITE_BEFORE = /(?<!\p{L})(?:a|an) $/u;
/**
 * Words before "a" that compare or identify a person rather than name a thing: "done that to a John McCain",
 * "like a Mitt Romney", "he is a Kennedy", "registered by a Scott Meadows".
 */
const PERSON_ARTICLE_BEFORE =
  /\b(?:to|like|unlike|than|as|of|about|with|from|by|is|was|be|been|being|become|became)\s+(?:a|an) $/iu;
/** A relative clause of a person: "registered by a Scott Meadows, who appears to be". */
const WHO_AFTER = /^,?\s+who\b/u;
/**
 * What may follow a product's name: punctuation, the end, or a word that takes no noun before it ("a Land Rover
 * for $4,000"; not "a Trump rally", where the name qualifies the noun).
 */
const PRODUCT_AFTER =
  /^(?:$|\s*[,.;:!?()[\]"“”'’-]|\s+(?:and|or|as|in|on|at|with|for|from|to|of|by|was|is|which|that|when|he|she|they|it)\b)/u;
/** Words around a name that cite it as a source: "according to X", "an article in X", "X reported". */
const SOURCE_BEFORE = /\b(?:according to|article in|reported|wrote|noted)\s+$/u;
const SOURCE_AFTER = /^,?\s+(?:reported|reports|noted|wrote|writes)\b/u;
const CONTEXT = 40;

/** Every place the article writes `key` as a word of its own, inside a longer name or not. */
function wordOccurrences(text: string, key: string): Span[] {
  const spans: Span[] = [];
  for (let start = text.indexOf(key); start >= 0; start = text.indexOf(key, start + 1)) {
    const end = start + key.length;
    if (!WORD_CHARACTER.test(text[start - 1] ?? '') && !WORD_CHARACTER.test(text[end] ?? '')) {
      spans.push({ start, end });
    }
  }
  return spans;
}

/**
 * Whether the occurrence is a whole quotation: the mark opens right before it and the pairing mark closes right
 * after it (or after a comma or stop inside it), with no letter after ("'Britain's" is no title).
 */
function isQuoted(text: string, span: Span): boolean {
  const open = text[span.start - 1] ?? '';
  const closing = CLOSING[open];
  if (closing === undefined) return false;
  const before = text.slice(Math.max(0, span.start - 1 - CONTEXT), span.start - 1);
  if (NAME_BEFORE_QUOTE.test(before) || NAMING_BEFORE.test(before)) return false;
  // A title with its subtitle, “Roots: The Saga of an American Family”, opens the same way.
  if (text[span.end] === ':' && open !== "'") return true;
  let end = span.end;
  const stop = text[end] === ',' || text[end] === '.' || text[end] === '!' || text[end] === '?';
  if (stop) end += 1;
  // Scraped text may keep a space before the closing mark: "'Roots ' and".
  else if (text[end] === ' ' && closing.includes(text[end + 1] ?? '')) end += 1;
  if (!closing.includes(text[end] ?? '') || WORD_CHARACTER.test(text[end + 1] ?? '')) return false;
  const after = text.slice(end + 1, end + 1 + CONTEXT);
  return stop || !NAME_AFTER_QUOTE.test(after);
}

/**
 * A name the article writes only as a quoted title, never as a person's who acts, and that opens with no first
 * name ("Matthew Davis" quoted in a record, ''Hillary Clinton'' sung): a work.
 */
function isQuotedTitle(text: string, key: string, known: KnownNames): boolean {
  if (known.isFirstName(key.split(' ')[0] as string)) return false;
  const spans = wordOccurrences(text, key);
  return (
    spans.length > 0 &&
    spans.every((span) => isQuoted(text, span)) &&
    !spans.some((span) => PERSON_AFTER.test(text.slice(span.end + 1, span.end + 1 + CONTEXT)))
  );
}

/** Whether one mention stands after "a" or "an" with no noun after it: "bought a Land Rover for". */
function afterIndefinite(text: string, mention: NameMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 16), mention.start);
  return (
    INDEFINITE_BEFORE.test(before) &&
    !PERSON_ARTICLE_BEFORE.test(before) &&
    PRODUCT_AFTER.test(text.slice(mention.end, mention.end + 12)) &&
    !WHO_AFTER.test(text.slice(mention.end, mention.end + 12))
  );
}

/**
 * A name of two words or more read as a person that the article writes only after "a" or "an", and not after a
 * word that compares people: a product ("bought a Land Rover"), not a person ("to a Mitt Romney"), nor "El Faro"
 * in Spanish text that also writes "de El Faro".
 */
function isProduct(text: string, key: string, own: readonly NameMention[]): boolean {
  if (!key.includes(' ')) return false;
  return (
    own.some((mention) => mention.type === 'person') && own.every((mention) => afterIndefinite(text, mention))
  );
}

/** Whether a one-word name read as a place is cited as a source somewhere: "Healthline reported". */
function isSource(text: string, key: string): boolean {
  return wordOccurrences(text, key).some(
    (span) =>
      SOURCE_BEFORE.test(text.slice(Math.max(0, span.start - CONTEXT), span.start)) ||
      SOURCE_AFTER.test(text.slice(span.end, span.end + CONTEXT)),
  );
}

/** Quoted titles, products after "a", and reporting outlets (see the module comment), for every mention. */
export function useTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
): void {
  const byKey = new Map<string, NameMention[]>();
  for (const mention of mentions) {
    const own = byKey.get(mention.key);
    if (own) own.push(mention);
    else byKey.set(mention.key, [mention]);
  }
  const types = new Map<string, EntityType>();
  for (const [key, own] of byKey) {
    if (known.isPlace(key)) continue;
    if (isQuotedTitle(text, key, known) || isProduct(text, key, own)) types.set(key, 'other');
    else if (!key.includes(' ') && own.some((m) => m.type === 'place') && isSource(text, key))
      types.set(key, 'organization');
  }
  for (const mention of mentions) {
    const type = types.get(mention.key);
    if (type && !fixed.has(mention)) fixed.set(mention, type);
  }
}
