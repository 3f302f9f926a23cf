/**
 * Currencies written as words after an amount ("6.70 guilders", "500 Swiss francs", "20 million zlotys"), read from
 * ISO 4217's English names as countries-list gives them (each country's own currency, and the withdrawn ones whose
 * name no current one has): a name's last word is the currency's word ("guilder"), the words before it say whose
 * ("Netherlands Antillean").
 * - The whole name gives its code: "500 Swiss francs" is CHF, "20 South African rand" ZAR, "9 US dollars" USD.
 * - The word alone gives the code of the only currency it names: "zlotys" PLN, "forints" HUF, "yen" JPY.
 * - A word several currencies share ("francs", "rupees", "guilders") takes the one whose adjective the text uses
 *   ("Indian" for rupees) when exactly one is; else the amount is money of no known code (no `unit`), as it is
 *   after an adjective that names none of them ("Dutch guilders", "French francs").
 * - "dollars" alone stays USD, as a bare "$" does.
 * - A word English uses otherwise (compromise's lexicon: "mark", "pound", "real", "won") counts only in a whole name.
 * tests/shared/facts/numbers-currency-words.test.ts derives the names again from the packages and compares.
 */
import type { NumberFact } from '../result.ts';
import { CURRENCY_CODES, CURRENCY_SYMBOLS, DOLLAR_PREFIXES } from './numbers-units.ts';
import type { Word } from './words.ts';

/** Codes and names, lower-case, without accents or stops ("SHP st helena pound"). */
export const CURRENCY_NAMES =
  'AED united arab emirates dirham, AFN afghan afghani, ALL albanian lek, AMD armenian dram, ' +
  'ANG netherlands antillean guilder, AOA angolan kwanza, ARS argentine peso, AUD australian dollar, ' +
  'AWG aruban florin, AZN azerbaijani manat, BAM bosnia-herzegovina convertible mark, ' +
  'BBD barbadian dollar, BDT bangladeshi taka, BHD bahraini dinar, BIF burundian franc, ' +
  'BMD bermudan dollar, BND brunei dollar, BOB bolivian boliviano, BRL brazilian real, ' +
  'BSD bahamian dollar, BTN bhutanese ngultrum, BWP botswanan pula, BYN belarusian ruble, ' +
  'BZD belize dollar, CAD canadian dollar, CDF congolese franc, CHF swiss franc, CLP chilean peso, ' +
  'CNY chinese yuan, COP colombian peso, CRC costa rican colon, CUP cuban peso, CVE cape verdean escudo, ' +
  'CZK czech koruna, DJF djiboutian franc, DKK danish krone, DOP dominican peso, DZD algerian dinar, ' +
  'EGP egyptian pound, ERN eritrean nakfa, ETB ethiopian birr, EUR euro, FJD fijian dollar, ' +
  'FKP falkland islands pound, GBP british pound, GEL georgian lari, GHS ghanaian cedi, ' +
  'GIP gibraltar pound, GMD gambian dalasi, GNF guinean franc, GTQ guatemalan quetzal, ' +
  'GYD guyanese dollar, HKD hong kong dollar, HNL honduran lempira, HTG haitian gourde, ' +
  'HUF hungarian forint, IDR indonesian rupiah, ILS israeli new shekel, INR indian rupee, ' +
  'IQD iraqi dinar, IRR iranian rial, ISK icelandic krona, JMD jamaican dollar, JOD jordanian dinar, ' +
  'JPY japanese yen, KES kenyan shilling, KGS kyrgyz som, KHR cambodian riel, KMF comorian franc, ' +
  'KPW north korean won, KRW south korean won, KWD kuwaiti dinar, KYD cayman islands dollar, ' +
  'KZT kazakhstani tenge, LAK laotian kip, LBP lebanese pound, LKR sri lankan rupee, ' +
  'LRD liberian dollar, LSL lesotho loti, LYD libyan dinar, MAD moroccan dirham, MDL moldovan leu, ' +
  'MGA malagasy ariary, MKD macedonian denar, MMK myanmar kyat, MNT mongolian tugrik, ' +
  'MOP macanese pataca, MRU mauritanian ouguiya, MUR mauritian rupee, MVR maldivian rufiyaa, ' +
  'MWK malawian kwacha, MXN mexican peso, MYR malaysian ringgit, MZN mozambican metical, ' +
  'NAD namibian dollar, NGN nigerian naira, NIO nicaraguan cordoba, NOK norwegian krone, ' +
  'NPR nepalese rupee, NZD new zealand dollar, OMR omani rial, PAB panamanian balboa, PEN peruvian sol, ' +
  'PGK papua new guinean kina, PHP philippine peso, PKR pakistani rupee, PLN polish zloty, ' +
  'PYG paraguayan guarani, QAR qatari riyal, RON romanian leu, RSD serbian dinar, RUB russian ruble, ' +
  'RWF rwandan franc, SAR saudi riyal, SBD solomon islands dollar, SCR seychellois rupee, ' +
  'SDG sudanese pound, SEK swedish krona, SGD singapore dollar, SHP st helena pound, ' +
  'SLE sierra leonean leone, SOS somali shilling, SRD surinamese dollar, SSP south sudanese pound, ' +
  'STN sao tome & principe dobra, SYP syrian pound, SZL swazi lilangeni, THB thai baht, ' +
  'TJS tajikistani somoni, TMT turkmenistani manat, TND tunisian dinar, TOP tongan paʻanga, ' +
  'TRY turkish lira, TTD trinidad & tobago dollar, TWD new taiwan dollar, TZS tanzanian shilling, ' +
  'UAH ukrainian hryvnia, UGX ugandan shilling, USD us dollar, UYU uruguayan peso, UZS uzbekistani som, ' +
  'VES venezuelan bolivar, VND vietnamese dong, VUV vanuatu vatu, WST samoan tala, ' +
  'XAF central african cfa franc, XCD east caribbean dollar, XCG caribbean guilder, ' +
  'XOF west african cfa franc, XPF cfp franc, YER yemeni rial, ZAR south african rand, ' +
  'ZMW zambian kwacha, ZWG zimbabwean gold';

/** Currency words that are other English words too (compromise's lexicon): read only in a whole name. */
export const OTHER_WORDS: ReadonlySet<string> = new Set(
  'cordoba gold kip mark pound real riel tala won'.split(' '),
);

/** Other names of a currency: "sterling", "renminbi". */
const NAME_ALIASES: Readonly<Record<string, string>> = {
  sterling: 'british pound',
  renminbi: 'chinese yuan',
};
/** Other spellings of a currency's word: British "roubles", Swedish "kronor", Danish "kroner". */
const WORD_ALIASES: Readonly<Record<string, string>> = { rouble: 'ruble', kronor: 'krona', kroner: 'krone' };
const LONGEST_NAME = 5;
const LOWER = /^\p{Ll}+$/u;
const ASCII = /^[\x20-\x7e]*$/u;
const CAPITALISED = /^\p{Lu}/u;

interface Tables {
  /** Whole names to their code. */
  readonly names: ReadonlyMap<string, string>;
  /** A currency's word to the names that end in it. */
  readonly words: ReadonlyMap<string, readonly string[]>;
  /** Each word's forms, lower-case ("francs", "franc", "roubles"), to the word. */
  readonly forms: ReadonlyMap<string, string>;
}
let tables: Tables | undefined;

function tablesOf(): Tables {
  if (tables) return tables;
  const names = new Map<string, string>();
  const words = new Map<string, string[]>();
  const forms = new Map<string, string>();
  for (const entry of CURRENCY_NAMES.split(', ')) {
    const name = entry.slice(4);
    names.set(name, entry.slice(0, 3));
    const word = name.slice(name.lastIndexOf(' ') + 1);
    words.set(word, [...(words.get(word) ?? []), name]);
    forms.set(word, word).set(`${word}s`, word);
  }
  for (const [alias, word] of Object.entries(WORD_ALIASES)) forms.set(alias, word).set(`${alias}s`, word);
  tables = { names, words, forms };
  return tables;
}

/** "francs" -> "franc", "kronor" -> "krona", "rand" -> "rand": the currency's word, if `text` is one. */
function currencyWordOf(text: string): string | undefined {
  const { forms } = tablesOf();
  const lower = text.toLowerCase();
  return forms.get(lower) ?? (ASCII.test(lower) ? undefined : forms.get(fold(lower)));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('.', '').toLowerCase();
}

/** A currency named at `index` (after an amount), its code if one is known, and where it ends. */
export interface CurrencyWord {
  readonly code?: string;
  /** The currency's word, when its code is left for the text to decide (`resolveCurrencyWords`). */
  readonly word?: string;
  readonly end: number;
  readonly next: number;
}

/** The currency named by the words from `index`: a whole name, an adjective and a word, or a word alone. */
export function currencyWordAt(
  text: string,
  words: readonly Word[],
  index: number,
): CurrencyWord | undefined {
  const first = words[index];
  if (first === undefined) return undefined;
  const { names } = tablesOf();
  for (let count = Math.min(LONGEST_NAME, words.length - index); count >= 1; count--) {
    const last = words[index + count - 1] as Word;
    const word = currencyWordOf(last.text);
    // A name runs on one line with its amount: not "12.08" and a table's next row, "Canadian dollar 639.55".
    if (word === undefined || text.slice(words[index - 1]?.end ?? first.start, last.start).includes('\n'))
      continue;
    const before = count === 1 ? '' : `${fold(text.slice(first.start, last.start)).replace(/\s+/gu, ' ')}`;
    const code = names.get(`${before}${word}`);
    if (code) return { code, end: last.end, next: index + count };
    // "235 million Dutch guilders": an adjective that names none of the word's currencies.
    if (count === 2 && CAPITALISED.test(first.text) && isBareWord(last.text, word)) {
      return { end: last.end, next: index + 2 };
    }
  }
  const alias = NAME_ALIASES[first.text];
  if (alias) return { code: names.get(alias) as string, end: first.end, next: index + 1 };
  if (!isBareWord(first.text, currencyWordOf(first.text))) return undefined;
  const word = currencyWordOf(first.text) as string;
  if (word === 'dollar') return { code: 'USD', end: first.end, next: index + 1 };
  const named = tablesOf().words.get(word) ?? [];
  const only = named.length === 1 ? names.get(named[0] as string) : undefined;
  return only ? { code: only, end: first.end, next: index + 1 } : { word, end: first.end, next: index + 1 };
}

function isBareWord(text: string, word: string | undefined): word is string {
  return word !== undefined && LOWER.test(text) && !OTHER_WORDS.has(word);
}

/** The currency written before the figure at `index`: "$", "€", "US$", "C$", "USD 40" (a code set apart). */
export function currencyBefore(
  words: readonly Word[],
  index: number,
): { start: number; code: string } | undefined {
  const word = words[index] as Word;
  const symbol = words[index - 1];
  if (symbol && symbol.end === word.start && symbol.text in CURRENCY_SYMBOLS) {
    const prefix = words[index - 2];
    if (symbol.text === '$' && prefix && prefix.end === symbol.start && prefix.text in DOLLAR_PREFIXES) {
      return { start: prefix.start, code: DOLLAR_PREFIXES[prefix.text] as string };
    }
    return { start: symbol.start, code: CURRENCY_SYMBOLS[symbol.text] as string };
  }
  if (symbol && CURRENCY_CODES.has(symbol.text) && symbol.end < word.start) {
    return { start: symbol.start, code: symbol.text };
  }
  return undefined;
}

/**
 * The amounts in a currency's word that several currencies share (`shared`: "francs", "rupees") with the code of the
 * one whose adjective the text uses ("Indian" anywhere for rupees), when exactly one is; the others keep no `unit`.
 * Each word is looked for once.
 */
export function withCodesFromText(
  text: string,
  numbers: readonly NumberFact[],
  shared: ReadonlyMap<NumberFact, string>,
): NumberFact[] {
  if (shared.size === 0) return [...numbers];
  const codes = new Map<string, string | undefined>();
  return numbers.map((number) => {
    const word = shared.get(number);
    if (word === undefined) return number;
    if (!codes.has(word)) codes.set(word, codeFromText(text, word));
    const code = codes.get(word);
    return code === undefined ? number : { ...number, unit: code };
  });
}

function codeFromText(text: string, word: string): string | undefined {
  const { names, words } = tablesOf();
  const found = (words.get(word) ?? []).filter((name) => {
    const adjective = name.slice(0, name.lastIndexOf(' '));
    return adjective !== '' && new RegExp(`(?<!\\p{L})${escapeRegExp(adjective)}(?!\\p{L})`, 'iu').test(text);
  });
  return found.length === 1 ? names.get(found[0] as string) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
