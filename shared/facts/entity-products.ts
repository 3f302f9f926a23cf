/**
 * Things an article names that are no person, organisation or place, read on real pages (session 16):
 * - words of the web and of computing: standards, formats, languages and software ("Wi-Fi", "Bluetooth", "PDF",
 *   "JavaScript", "Android") are others wherever the tagger read a name;
 * - a product by what the article says of it: a model number in a name read as a person ("Galaxy S5",
 *   "Voyager 2": no person's name holds a digit), a container before it ("cans of Pepsi"), a drug's generic name in brackets after its brand ("Tarceva
 *   (erlotinib)") or before it ("erlotinib (Tarceva)"), a noun for a device or a craft right after the name
 *   ("Android phones", "the Mars Pathfinder mission", "the Kepler telescope"); a car maker's name before a name read
 *   as a person ("a stolen Dodge Charger");
 * - a word that opens a line or a numbered item and is written in lower case elsewhere, or reads as a participle,
 *   and never capitalised inside a sentence: "Vase" of a heading, "1) Deviled, 2) Scrambled" (no name at all).
 * Each type holds for every mention of the name; `entity-types.ts` decides in what order they count.
 */
import type { Fixed } from './entity-cues.ts';
import type { NameMention } from './entity-mentions.ts';
import type { KnownNames } from './ner/known-names.ts';

/** Standards, formats, languages and software: never an organisation, a person or a place. */
const TECH_TERMS = new Set(
  (
    'Wi-Fi WiFi Wifi Bluetooth PDF PDFs HTML HTML5 CSS JavaScript Javascript PHP Python SQL MySQL JSON XML HTTP ' +
    'HTTPS USB HDMI GPS LTE Ethernet Android iOS Linux Unix macOS AdWords PowerPoint Excel Photoshop Firefox ' +
    'Chrome Safari WordPress RSS JPEG MP3 MP4 DVD DVDs CGI'
  ).split(' '),
);
/**
 * A drug's generic name, by the endings of the international nonproprietary names: "erlotinib", "trastuzumab",
 * "atorvastatin", "omeprazole"; written in lower case.
 */
const GENERIC_DRUG =
  /^\p{Ll}{3,}(?:inib|onib|mab|vir|pril|sartan|statin|azole|cillin|mycin|cycline|olol|dipine|prazole|parin|lukast|afil|triptan|oxetine|tide|platin|taxel|rubicin|formin|gliptin)$/u;
const BRACKETED_AFTER = /^\s*\((\p{Ll}+)\)/u;
const BRACKETED_BEFORE = /(\p{Ll}+)\s*\($/u;
/** A container of what the name is: "cans of Pepsi", "a bottle of Gatorade", "a glass of Bordeaux". */
const CONTAINER_BEFORE =
  /\b(?:cans?|bottles?|glass|glasses|cups?|mugs?|packs?|packets?|box|boxes|jars?|cartons?|tubs?|tubes?|pints?|sips?|swigs?) of\s+$/u;
/** Nouns for devices that a product's name qualifies: "Android phones", "the Xenon app". */
const DEVICE_AFTER =
  /^\s+(?:phones?|smartphones?|handsets?|tablets?|laptops?|app|apps|software|browser|consoles?|operating system)\b/u;
/**
 * Nouns for crafts and programmes that their name qualifies, "the Mars Pathfinder mission", "the Kepler space
 * telescope": only for names read as people, since a place qualifies a mission too ("the Kosovo mission").
 */
const CRAFT_AFTER =
  /^\s+(?:spacecraft|space probe|probe|rover|lander|orbiter|satellite|space telescope|telescope|mission|capsule|rocket|program|programme)\b/u;
/**
 * Car makers, whose name before a model's is a car, not a person ("a stolen Dodge Charger", "the Honda Civic");
 * not Lincoln, Mercury or Saturn, which name more than cars, nor makers that are first names (checked by the caller).
 */
const CAR_MAKERS = new Set(
  (
    'Acura Audi BMW Buick Cadillac Chevrolet Chevy Chrysler Citroen Citroën Dodge Ferrari Fiat Ford GMC Honda ' +
    'Hyundai Infiniti Jeep Kia Lamborghini Lexus Maserati Mazda Mercedes Mercedes-Benz Mitsubishi Nissan Peugeot ' +
    'Pontiac Porsche Renault Subaru Suzuki Tesla Toyota Volkswagen VW Volvo'
  ).split(' '),
);
/** A model number or a craft's number after a name: "Galaxy S5", "Voyager 2" (not "2Pac" or "50 Cent"). */
const MODEL_NUMBER = /^[^\d\s]+(?:\s[^\d\s]+)*\s\S*\d\S*$/u;
/** What may stand between a line's start and its first word: spaces, bullets, a list number. */
const LINE_OPENING = /(?:^|\n)[ \t]*(?:[•*·–—-][ \t]*|\(?\d{1,2}[.)][ \t]*)?$/u;
/** A numbered item inside a line: "1) Deviled, 2) Scotch". */
const NUMBERED_ITEM = /(?:^|[\s,;])\(?\d{1,2}\)[ \t]*$/u;
const PARTICIPLE = /^\p{Lu}\p{Ll}{3,}(?:ed|ing)$/u;
const PLAIN_WORD = /^\p{Lu}\p{Ll}+$/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** Characters after which a capital opens a sentence or a line, so says nothing of a name. */
const LINE_BREAK_BEFORE = /\n[ \t]*$/u;
const SENTENCE_OPENERS = /[.!?:;\n"“‘'([—–•*)-]$/u;

/** Every place the article writes `key` as a word of its own. */
function* wordOccurrences(text: string, key: string): Generator<number> {
  for (let start = text.indexOf(key); start >= 0; start = text.indexOf(key, start + 1)) {
    if (!WORD_CHARACTER.test(text[start - 1] ?? '') && !WORD_CHARACTER.test(text[start + key.length] ?? ''))
      yield start;
  }
}

/** "of" and white space after it end the words: what CONTAINER_BEFORE needs (`trimEnd` trims what `\s` matches). */
function endsWithOf(before: string): boolean {
  const trimmed = before.trimEnd();
  return trimmed.length < before.length && trimmed.endsWith('of');
}

/** "Dodge Charger" read as a person: a maker's name, then the model's. */
function isCarModel(mention: NameMention, known: KnownNames): boolean {
  const space = mention.key.indexOf(' ');
  if (mention.type !== 'person' || space < 0) return false;
  const maker = mention.key.slice(0, space);
  return CAR_MAKERS.has(maker) && !known.isFirstName(maker);
}

function productType(text: string, mention: NameMention, known: KnownNames): boolean {
  if (TECH_TERMS.has(mention.key)) return true;
  if (isCarModel(mention, known)) return true;
  // "Gentoo Linux", "Android Studio" read as people: no person's name holds such a word.
  if (mention.type !== 'organization' && mention.key.split(' ').some((word) => TECH_TERMS.has(word)))
    return true;
  if (mention.type === 'person' && MODEL_NUMBER.test(mention.key)) return true;
  if (mention.type === 'organization') return false;
  for (const start of wordOccurrences(text, mention.key)) {
    const after = text.slice(start + mention.key.length, start + mention.key.length + 40);
    // The expressions before the name end at it: "(" right before it, white space after "of" (searched only then).
    const generic =
      BRACKETED_AFTER.exec(after)?.[1] ??
      (text[start - 1] === '('
        ? BRACKETED_BEFORE.exec(text.slice(Math.max(0, start - 30), start))?.[1]
        : undefined);
    if (generic !== undefined && GENERIC_DRUG.test(generic)) return true;
    const containerBefore = text.slice(Math.max(0, start - 20), start);
    if (endsWithOf(containerBefore) && CONTAINER_BEFORE.test(containerBefore)) return true;
    if (DEVICE_AFTER.test(after) || (mention.type === 'person' && CRAFT_AFTER.test(after))) return true;
  }
  return false;
}

/** Products, crafts and the words of computing are others, in every mention (see the module comment). */
export function productTypes(
  text: string,
  mentions: readonly NameMention[],
  fixed: Fixed,
  known: KnownNames,
): void {
  // By type and key: a name is a product by one mention's type ("Voyager 2" read as a person) and not another's.
  const products = new Map<string, boolean>();
  for (const mention of mentions) {
    if (mention.type === 'other') continue;
    const id = `${mention.type}|${mention.key}`;
    let product = products.get(id);
    if (product === undefined) {
      product = productType(text, mention, known);
      products.set(id, product);
    }
    if (product && !fixed.has(mention)) fixed.set(mention, 'other');
  }
}

/** The word written, capitalised, after another word of its sentence somewhere in the text. */
function capitalisedInside(text: string, word: string): boolean {
  for (const start of wordOccurrences(text, word)) {
    const before = text.slice(Math.max(0, start - 3), start);
    if (LINE_BREAK_BEFORE.test(before)) continue;
    const precedingText = before.trimEnd();
    if (precedingText !== '' && !SENTENCE_OPENERS.test(precedingText)) return true;
  }
  return false;
}

/**
 * Whether a one-word mention is a common word that is capitalised only because it opens a line or a numbered
 * item: the article writes it in lower case elsewhere, or it reads as a participle ("Scrambled"), and never
 * capitalised inside a sentence; names the gazetteers know (places, first names) are kept.
 */
export function opensLineAsWord(text: string, mention: NameMention, known: KnownNames): boolean {
  const word = mention.text;
  if (!PLAIN_WORD.test(word)) return false;
  const before = text.slice(Math.max(0, mention.start - 12), mention.start);
  if (!LINE_OPENING.test(before) && !NUMBERED_ITEM.test(before)) return false;
  if (known.isPlace(word) || known.isFirstName(word)) return false;
  const lower = word.toLowerCase();
  const common =
    PARTICIPLE.test(word) || known.isCommonWord(word) || wordOccurrences(text, lower).next().done === false;
  return common && !capitalisedInside(text, word);
}
