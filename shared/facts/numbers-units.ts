/**
 * What a number measures: currencies (symbols, ISO codes, names), percentages, durations and units of
 * quantity, each mapped to the unit a NumberFact reports.
 */

export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₦': 'NGN',
  '₱': 'PHP',
  '฿': 'THB',
  '₫': 'VND',
  '₴': 'UAH',
};

/** Prefixes glued to "$": US$, A$, C$, HK$, NZ$, S$, R$, NT$, MX$. */
export const DOLLAR_PREFIXES: Readonly<Record<string, string>> = {
  US: 'USD',
  A: 'AUD',
  AU: 'AUD',
  C: 'CAD',
  CA: 'CAD',
  HK: 'HKD',
  NZ: 'NZD',
  S: 'SGD',
  R: 'BRL',
  NT: 'TWD',
  MX: 'MXN',
};

/** ISO 4217 codes of the currencies news writes about, before or after the amount ("USD 20", "20 EUR"). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(
  (
    'USD EUR GBP CNY RMB JPY INR CHF AUD CAD HKD RUB KRW SGD NZD SEK NOK DKK ISK PLN CZK HUF RON BGN TRY BRL ' +
    'MXN ARS CLP COP PEN ZAR NGN EGP KES GHS MAD SAR AED QAR KWD ILS IRR PKR BDT LKR THB MYR IDR PHP VND TWD ' +
    'UAH KZT'
  ).split(' '),
);

export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  yuan: 'CNY',
  renminbi: 'CNY',
  yen: 'JPY',
  rupee: 'INR',
  rupees: 'INR',
  rouble: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  rubles: 'RUB',
  sterling: 'GBP',
  pesos: 'MXN',
  peso: 'MXN',
  francs: 'CHF',
  lira: 'TRY',
  rand: 'ZAR',
  naira: 'NGN',
  shekels: 'ILS',
  shekel: 'ILS',
  hryvnia: 'UAH',
};

/** Coins that are a hundredth of a currency: "15 cents" is 0.15 USD, "50 pence" 0.5 GBP. */
export const HUNDREDTHS: Readonly<Record<string, string>> = {
  cent: 'USD',
  cents: 'USD',
  pence: 'GBP',
};

export const PERCENT_WORDS: ReadonlySet<string> = new Set(['percent', 'pct']);

export const DURATION_UNITS: Readonly<Record<string, string>> = {
  second: 'second',
  seconds: 'second',
  secs: 'second',
  minute: 'minute',
  minutes: 'minute',
  mins: 'minute',
  hour: 'hour',
  hours: 'hour',
  hrs: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decade',
  decades: 'decade',
  century: 'century',
  centuries: 'century',
};

export const QUANTITY_UNITS: Readonly<Record<string, string>> = {
  km: 'km',
  kilometre: 'km',
  kilometres: 'km',
  kilometer: 'km',
  kilometers: 'km',
  mile: 'mi',
  miles: 'mi',
  m: 'm',
  metre: 'm',
  metres: 'm',
  meter: 'm',
  meters: 'm',
  cm: 'cm',
  mm: 'mm',
  kg: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  kilos: 'kg',
  g: 'g',
  gram: 'g',
  grams: 'g',
  mg: 'mg',
  tonne: 't',
  tonnes: 't',
  ton: 't',
  tons: 't',
  lb: 'lb',
  lbs: 'lb',
  pound: 'lb',
  pounds: 'lb',
  oz: 'oz',
  ounce: 'oz',
  ounces: 'oz',
  ft: 'ft',
  foot: 'ft',
  feet: 'ft',
  inch: 'in',
  inches: 'in',
  yards: 'yd',
  litre: 'L',
  litres: 'L',
  liter: 'L',
  liters: 'L',
  gallon: 'gal',
  gallons: 'gal',
  barrel: 'bbl',
  barrels: 'bbl',
  bpd: 'bbl/d',
  mph: 'mph',
  kph: 'km/h',
  knots: 'kn',
  acre: 'acre',
  acres: 'acre',
  hectare: 'ha',
  hectares: 'ha',
  degrees: '°',
  MW: 'MW',
  megawatt: 'MW',
  megawatts: 'MW',
  GW: 'GW',
  gigawatt: 'GW',
  gigawatts: 'GW',
  kW: 'kW',
  kilowatts: 'kW',
  calorie: 'kcal',
  calories: 'kcal',
  kcal: 'kcal',
  tablespoon: 'tbsp',
  tablespoons: 'tbsp',
  tbsp: 'tbsp',
  teaspoon: 'tsp',
  teaspoons: 'tsp',
  tsp: 'tsp',
  kWh: 'kWh',
  MWh: 'MWh',
  GWh: 'GWh',
  TWh: 'TWh',
};

/** "20°C", "68 °F", "30 degrees Celsius": the scale after a degree sign or "degrees". */
export const TEMPERATURE_SCALES: Readonly<Record<string, string>> = {
  C: '°C',
  F: '°F',
  Celsius: '°C',
  celsius: '°C',
  centigrade: '°C',
  Fahrenheit: '°F',
  fahrenheit: '°F',
};

/** "100 km/h", "60 miles per hour", "1.2 million barrels a day": a unit over time. */
export const RATE_UNITS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  km: { h: 'km/h', hour: 'km/h' },
  mi: { h: 'mph', hour: 'mph' },
  bbl: { d: 'bbl/d', day: 'bbl/d' },
};

export function isUnit(word: string): boolean {
  const part = firstPart(word);
  return (
    part.toLowerCase() in DURATION_UNITS || part in QUANTITY_UNITS || part.toLowerCase() in QUANTITY_UNITS
  );
}

/** "year-old" -> "year": the unit of a compound adjective is its first part. */
export function firstPart(word: string): string {
  const hyphen = word.indexOf('-');
  return hyphen < 0 ? word : word.slice(0, hyphen);
}
