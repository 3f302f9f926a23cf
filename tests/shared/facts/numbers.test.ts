import { describe, expect, it } from 'vitest';
import { findNumbers } from '#shared/facts/numbers.ts';

describe('findNumbers', () => {
  it.each([
    ['a loan of $1.5 billion', '$1.5 billion', 'money', 1.5e9, 'USD'],
    ['a fine of €20m', '€20m', 'money', 2e7, 'EUR'],
    ['sales of US$2bn', 'US$2bn', 'money', 2e9, 'USD'],
    ['£300,000 was paid', '£300,000', 'money', 300_000, 'GBP'],
    ['20 million euros in aid', '20 million euros', 'money', 2e7, 'EUR'],
    ['a 5% rise', '5%', 'percent', 5, '%'],
    ['up 3.2 percent', '3.2 percent', 'percent', 3.2, '%'],
    ['12 per cent of voters', '12 per cent', 'percent', 12, '%'],
    ['down 4 percentage points', '4 percentage points', 'percent', 4, 'percentage point'],
    ['a high-stakes two-day visit', 'two-day', 'duration', 2, 'day'],
    ['met for three hours', 'three hours', 'duration', 3, 'hour'],
    ['for about six hours', 'six hours', 'duration', 6, 'hour'],
    ['the trip in five years', 'five years', 'duration', 5, 'year'],
    ['a 10-day trip', '10-day', 'duration', 10, 'day'],
    ['a 30 km march', '30 km', 'quantity', 30, 'km'],
    ['a 30km march', '30km', 'quantity', 30, 'km'],
    ['12 miles away', '12 miles', 'quantity', 12, 'mi'],
    ['between the two countries', 'two countries', 'count', 2, 'countries'],
    ['the planet’s two largest economies', 'two largest economies', 'count', 2, 'economies'],
    ['6,000 troops', '6,000 troops', 'count', 6000, 'troops'],
    ['twenty-five people died', 'twenty-five people', 'count', 25, 'people'],
    ['a million people marched', 'a million people', 'count', 1e6, 'people'],
    ['three million people', 'three million people', 'count', 3e6, 'people'],
    ['three dozen police officers', 'three dozen police', 'count', 36, 'police'],
    ['could grow to 417million people', '417million people', 'count', 417e6, 'people'],
    ['a 28-year-old man', '28-year-old', 'quantity', 28, 'years old'],
    ['a five-year-old girl', 'five-year-old', 'quantity', 5, 'years old'],
    ['five more years in office', 'five more years', 'duration', 5, 'year'],
    ['It was 20°C in Paris', '20°C', 'quantity', 20, '°C'],
    ['and 68 °F in Boston', '68 °F', 'quantity', 68, '°F'],
    ['it fell to -5°C overnight', '-5°C', 'quantity', -5, '°C'],
    ['a high of 30 degrees Celsius', '30 degrees Celsius', 'quantity', 30, '°C'],
    ['or 86 degrees Fahrenheit', '86 degrees Fahrenheit', 'quantity', 86, '°F'],
    ['winds of 60 mph', '60 mph', 'quantity', 60, 'mph'],
    ['gusts of 100 km/h', '100 km/h', 'quantity', 100, 'km/h'],
    ['at 80 kilometres per hour', '80 kilometres per hour', 'quantity', 80, 'km/h'],
    ['a 20 kg bag', '20 kg', 'quantity', 20, 'kg'],
    ['3 tonnes of coal', '3 tonnes', 'quantity', 3, 't'],
    ['1.2 million barrels a day', '1.2 million barrels a day', 'quantity', 1.2e6, 'bbl/d'],
    ['50 barrels of oil', '50 barrels', 'quantity', 50, 'bbl'],
    ['a 500 MW plant', '500 MW', 'quantity', 500, 'MW'],
    ['a 500MW plant', '500MW', 'quantity', 500, 'MW'],
    ['a loan of EUR 5 million', 'EUR 5 million', 'money', 5e6, 'EUR'],
    ['a fee of 20 USD', '20 USD', 'money', 20, 'USD'],
    ['CHF 3bn in assets', 'CHF 3bn', 'money', 3e9, 'CHF'],
    ['SEK 400 million', 'SEK 400 million', 'money', 4e8, 'SEK'],
    ['a price of R$50', 'R$50', 'money', 50, 'BRL'],
    ['paid 300 Mexican pesos', '300 Mexican pesos', 'money', 300, 'MXN'],
  ])('reads %j as %s (%s %d %s)', (text, expectedText, kind, value, unit) => {
    const [number] = findNumbers(text);

    expect(number).toMatchObject({ text: expectedText, kind, value, unit });
    expect(text.slice(number?.start, number?.end)).toBe(expectedText);
  });

  it.each([
    ['COVID-19 spread'],
    ['an F-16 jet'],
    ['at 10:30 local time'],
    ['open 24/7'],
    ['the 19th century'],
    ['in the 1990s'],
    ['in 2023, they met'],
    ['one of the most complex issues'],
    ['the two met'],
    ['The index closed at 1,200.'],
    ['Call 911 now'],
    ['Smith, 55, said'],
    ['the two'],
    ['the 2008 financial crisis'],
    ['In 2016 voters chose a new president'],
    ['As one believes, so one acts'],
    ['a 3-5 loss'],
  ])('reports no number in %j', (text) => {
    expect(findNumbers(text)).toEqual([]);
  });

  it('still counts a figure with a thousands separator that looks like a year', () => {
    expect(findNumbers('2,008 voters signed it')).toMatchObject([
      { kind: 'count', value: 2008, unit: 'voters' },
    ]);
  });

  it('skips numbers inside excluded spans such as dates', () => {
    const text = 'On June 19, 2023, 40 people were hurt.';

    const numbers = findNumbers(text, { exclude: [{ start: 3, end: 16 }] });

    expect(numbers.map((number) => number.text)).toEqual(['40 people']);
  });
});
