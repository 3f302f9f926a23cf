import { describe, expect, it } from 'vitest';
import { findNumbers } from '#shared/facts/numbers.ts';

/** Number facts an editor would call wrong, seen on real pages (session 22); every sentence is our own. */
describe('findNumbers on errors seen on real pages', () => {
  it.each([
    ['The dog, now 11 years old, sleeps a lot.', '11 years old', 11, 'years old'],
    ['A 9 year old boy found it.', '9 year old', 9, 'years old'],
    ['when she was six months old', 'six months old', 6, 'months old'],
    ['a 12-year old mare', '12-year old', 12, 'years old'],
  ])('reads %j as an age, not a span of time', (text, expectedText, value, unit) => {
    expect(findNumbers(text)).toMatchObject([{ text: expectedText, kind: 'quantity', value, unit }]);
  });

  it('still reads a span of years that is no age', () => {
    expect(findNumbers('It took 11 years to build.')).toMatchObject([
      { text: '11 years', kind: 'duration', value: 11, unit: 'year' },
    ]);
  });

  it.each([
    ['The hall seats 40 and offers a small menu.'],
    ['She won all three of tennis’s biggest prizes.'],
    ['He scored six in Leeds’s win.'],
  ])('counts nothing across a function word or a possessive in %j', (text) => {
    expect(findNumbers(text)).toEqual([]);
  });

  it('still counts across an adjective', () => {
    expect(findNumbers('They hired 40 new teachers.')).toMatchObject([
      { text: '40 new teachers', kind: 'count', value: 40, unit: 'teachers' },
    ]);
  });

  it.each([
    ['The fate of Flight 4417 remains unclear.'],
    ['Most Windows 11 users agreed.'],
    ['The airline flies Boeing 777 jets to Lima.'],
  ])('counts nothing with a figure that is part of a name in %j', (text) => {
    expect(findNumbers(text)).toEqual([]);
  });

  it.each([
    ['About 30 ships joined the search.', '30 ships'],
    ['Peru’s 33 million people voted.', '33 million people'],
    ['Ohio 4.1 percent, Utah 2 percent.', '4.1 percent'],
    ['Why am I 30 points behind?', '30 points'],
    ['ahead 3 points in one poll, Gallup 2.5 points', '3 points'],
  ])('still reads a figure after a capitalised word that names nothing in %j', (text, expectedText) => {
    expect(findNumbers(text)[0]).toMatchObject({ text: expectedText });
  });

  it.each([
    ['Ruritania owes $410-billion to its lenders.', '$410-billion', 410e9, 'USD'],
    ['The fund sold €95-million in bonds.', '€95-million', 95e6, 'EUR'],
    ['It raised $12-billion Canadian last year.', '$12-billion Canadian', 12e9, 'CAD'],
    ['a grant of $300 Australian', '$300 Australian', 300, 'AUD'],
  ])('reads %j with its scale and its dollar', (text, expectedText, value, unit) => {
    expect(findNumbers(text)).toMatchObject([{ text: expectedText, kind: 'money', value, unit }]);
  });

  it.each([
    ['over the last several hundred thousand years'],
    ['She sold tens of thousand of copies.'],
    ['The boat can carry several dozen passengers.'],
    ['He finished three tenths of a second behind.'],
    ['Two thirds of voters agreed.'],
    ['Three quarters of the seats were empty.'],
    ['About a half million homes lost power.'],
  ])('reads no value where %j gives none', (text) => {
    expect(findNumbers(text)).toEqual([]);
  });

  it.each([
    ['losses in the past two quarters', 'two quarters', 2, 'quarters'],
    ['perhaps another million children', 'million children', 1e6, 'children'],
  ])('still counts %j', (text, expectedText, value, unit) => {
    expect(findNumbers(text)).toMatchObject([{ text: expectedText, kind: 'count', value, unit }]);
  });

  it.each([
    ['ringed by hundred-foot cliffs', 'hundred-foot', 'quantity', 100, 'ft'],
    ['Prep Time 15 mins', '15 mins', 'duration', 15, 'minute'],
  ])('reads %j', (text, expectedText, kind, value, unit) => {
    expect(findNumbers(text)).toMatchObject([{ text: expectedText, kind, value, unit }]);
  });

  it('reads "the dozen" as twelve', () => {
    expect(findNumbers('the dozen pupils hurt in the fall')).toMatchObject([
      { text: 'dozen pupils', value: 12, unit: 'pupils' },
    ]);
  });

  it.each([
    ['Lake Ulm covers 2,100 square miles of land.', '2,100 square miles', 2100, 'mi²'],
    ['a zone of 40 sq km', '40 sq km', 40, 'km²'],
  ])('reads %j as an area', (text, expectedText, value, unit) => {
    expect(findNumbers(text)).toMatchObject([{ text: expectedText, kind: 'quantity', value, unit }]);
  });

  it.each([
    ['Temperatures will peak at 31C on Sunday.', '31C', 31, '°C'],
    ['It reached 18C (64F) by noon.', '18C', 18, '°C'],
  ])('reads %j as a temperature', (text, expectedText, value, unit) => {
    expect(findNumbers(text)[0]).toMatchObject({ text: expectedText, kind: 'quantity', value, unit });
  });

  it('reads no temperature in a seat number', () => {
    expect(findNumbers('She sat in 14C beside the aisle.')).toEqual([]);
  });
});
