import { describe, expect, it } from 'vitest';
import { tenseAt } from '#shared/facts/dates/tense.ts';

const tenseOf = (text: string, date: string) => {
  const start = text.indexOf(date);
  return tenseAt(text, start, start + date.length);
};

describe('tenseAt', () => {
  it.each([
    ['He will meet them on Friday.', 'Friday', 'future'],
    ["They'll meet on Friday.", 'Friday', 'future'],
    ['The team planned to leave on Thursday.', 'Thursday', 'future'],
    ['The vote is scheduled for Wednesday.', 'Wednesday', 'future'],
    ['The dividend is payable Dec. 7.', 'Dec. 7', 'future'],
    ['On Friday, they will vote.', 'Friday', 'future'],
    ['He said on Friday that it was over.', 'Friday', 'past'],
    ['It was expected to close on Friday.', 'Friday', 'future'],
    ['Officials said they expected it to close on Friday.', 'Friday', 'future'],
    ['They met on Friday.', 'Friday', 'unknown'],
    ['He will go. They met on Friday.', 'Friday', 'unknown'],
  ])('%j (%s): %s', (text, date, tense) => {
    expect(tenseOf(text, date)).toBe(tense);
  });
});
