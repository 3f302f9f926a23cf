import { describe, expect, it } from 'vitest';
import {
  century,
  decade,
  easter,
  formatDay,
  isoWeek,
  nthWeekday,
  quarterFrom,
  shiftYears,
} from '#shared/facts/dates/calendar.ts';

const utc = (value: string) => new Date(`${value}T00:00:00Z`);

describe('calendar arithmetic', () => {
  it.each([
    ['2023-06-19', '2023-W25'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('puts %s in ISO week %s', (day, week) => {
    expect(isoWeek(utc(day))).toBe(week);
  });

  it.each([
    [{ value: '1989-Q3', granularity: 'quarter' as const }, -1, '1989-Q3'.replace('1989', '1988')],
    [{ value: '1989-09-30', granularity: 'day' as const }, -1, '1988-09-30'],
    [{ value: '2024-02-29', granularity: 'day' as const }, -1, '2023-02-28'],
    [{ value: '1998-FA', granularity: 'season' as const }, 1, '1999-FA'],
    [{ value: '1998', granularity: 'year' as const }, -2, '1996'],
  ])('shifts %j by %i years to %s', (resolved, years, value) => {
    expect(shiftYears(resolved, years)?.value).toBe(value);
  });

  it('has no year-shifted counterpart for PRESENT_REF or a decade', () => {
    expect(shiftYears({ value: 'PRESENT_REF', granularity: 'reference' }, -1)).toBeUndefined();
    expect(shiftYears({ value: '199', granularity: 'decade' }, -1)).toBeUndefined();
  });

  it.each([
    [2023, '2023-04-09'],
    [2000, '2000-04-23'],
    [2024, '2024-03-31'],
  ])('finds Easter %i on %s', (year, day) => {
    expect(formatDay(easter(year))).toBe(day);
  });

  it.each([
    [2023, 11, 4, 4, '2023-11-23'],
    [2023, 5, 1, -1, '2023-05-29'],
    [2023, 9, 1, 1, '2023-09-04'],
  ])('finds weekday %i-%i #%i/%i on %s', (year, month, weekday, n, day) => {
    expect(formatDay(nthWeekday(year, month, weekday, n))).toBe(day);
  });

  it('counts quarters across years', () => {
    expect(quarterFrom(utc('2024-01-10'), -1)?.value).toBe('2023-Q4');
    expect(quarterFrom(utc('2023-12-31'), 1)?.value).toBe('2024-Q1');
  });

  it('writes decades and centuries as TIMEX3 does', () => {
    expect(decade(1990)?.value).toBe('199');
    expect(decade(1995)).toBeUndefined();
    expect(century(20)?.value).toBe('19');
    expect(century(1)?.value).toBe('00');
  });
});
