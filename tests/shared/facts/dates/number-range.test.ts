import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';
import { isNumberRange } from '#shared/facts/dates/number-range.ts';

/** Tuesday 2 December 2025. */
const PUBLISHED = '2025-12-02';

const years = (text: string) =>
  findDates(text, { publishedAt: PUBLISHED })
    .filter((date) => date.granularity === 'year')
    .map((date) => date.value);

describe('a range of prices or counts', () => {
  it('reads no year in an engine size written with its unit', () => {
    expect(years('The bike has a 1000cc engine and weighs 1200 kg.')).toEqual([]);
  });

  it('reads no year in a weight or a volume of a recipe', () => {
    expect(years('Take one 1400 g duck and 1250 ml of stock.')).toEqual([]);
    expect(years('In 1990 g-force tests began.')).toEqual(['1990']);
  });

  it.each([
    ['A night in the hostel is 1650-2150, breakfast included.', '1650'],
    ['Rooms cost 1800-2400 Kr. a night in summer.', '1800'],
    ['Rooms go for 2600-3900 Kr. a night in summer.', '2600'],
    ['The sauna is open to men only 1450 - 2060 on weekdays.', '1450'],
    ['Bikes can be hired for SEK 1200-1500 a week.', '1200'],
    ['Tickets are 1500-1800 kr at the door.', '1500'],
    ['A guided tour costs 1200-1600 per group.', '1200'],
    ['Prices from 1100-1300 for a double room.', '1100'],
    ['The lodge charges a fee of 1400-1700 in season.', '1400'],
    ['The trail climbs 1200-1800 metres above the fjord.', '1200'],
    ['Between 1100-1900 people queued each morning.', '1100'],
    ['A meal there runs to 1200-1500 rupees.', '1200'],
    ['Budget 1300-1600 € for the week.', '1300'],
    ['The ridge lies at 1700-2300 m.', '1700'],
    ['Call the desk on 1534-6307 for a table.', '1534'],
    ['The carpet sold for 1200-14000 at the auction.', '1200'],
    ['A week on the island costs 1500 to 1800 euros.', '1500'],
    ['The old clock sold for 1300–1700 at the fair.', '1300'],
    ['Each print fetched 1100-1400 in the spring sale.', '1100'],
    ['The plant built between 1500 and 2000 units a month.', '1500'],
    ['A seat costs between 1200 and 1600 in high season.', '1200'],
    ['Engines of 1001 to 1500cc made up a third of the fleet.', '1001'],
  ])('is no year in %j', (text, number) => {
    const start = text.indexOf(number);

    expect(isNumberRange(text, start, start + number.length)).toBe(true);
    expect(years(text)).toEqual([]);
  });

  it.each([
    ['Veterans of the 1939-1945 war gathered in the square.', ['1939', '1945']],
    ['The council adopted its 2014-2019 plan last spring.', ['2014', '2019']],
    ['Funds were set aside for 2015-2018 under the programme.', ['2015', '2018']],
    ['The house was built between 1957 and 1959.', ['1957', '1959']],
    ['The coalition governed from 2014 to 2019.', ['2014', '2019']],
    ['The 2019-20 season ended early.', ['2019', '2020']],
    ['England under the Plantagenets, 1154-1485, grew rich on wool.', ['1154']],
    ['The singer (1947-2016) left a large archive.', ['1947', '2016']],
    ['Sales fell in 2019 to 25,000 cars.', ['2019']],
    ['Output fell from 2019 to 2014 levels.', ['2019', '2014']],
    ['The museum covers 1930-2020 in twelve rooms.', ['1930', '2020']],
    ['Paintings of the years 1800-2000 grow bluer.', ['1800']],
    ['The mill ran between 1912 and 1968 without a strike.', ['1912', '1968']],
    ['The mill was sold in 1968 for a song.', ['1968']],
  ])('stays a year in %j', (text, values) => {
    expect(years(text)).toEqual(values);
  });
});
