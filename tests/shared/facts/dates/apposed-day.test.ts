import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

const read = (text: string) =>
  findDates(text, { publishedAt: '2025-01-14' }).map((date) => [date.text, date.value ?? null]);

describe('a day word explained by the day written after it', () => {
  it.each([
    ['The message said it had to be tonight – Dec. 30, the papers show.', 'tonight', '2024-12-30'],
    ['"We sign today, Jan. 9," she wrote in the letter.', 'today', '2025-01-09'],
    ['The hearing resumes tomorrow (Jan. 16) in the old courthouse.', 'tomorrow', '2025-01-16'],
  ])('takes that day in %j', (text, word, value) => {
    expect(read(text).find(([found]) => found === word)).toEqual([word, value]);
  });

  it.each([
    ['Today, Monday, the shops open late.', 'Today', '2025-01-14'],
    ['The shop is open today and Dec. 30 was quiet.', 'today', '2025-01-14'],
    ['He left today; Jan. 9 was the last day of talks.', 'today', '2025-01-14'],
  ])('keeps the publication day in %j', (text, word, value) => {
    expect(read(text).find(([found]) => found === word)).toEqual([word, value]);
  });
});
