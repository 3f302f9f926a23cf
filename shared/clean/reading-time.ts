/**
 * How long the article is: its words, and the minutes an adult reader needs for them at 238 words a minute
 * (the average silent reading rate for non-fiction measured by Brysbaert, 2019). Chinese and Japanese are
 * written without spaces: each of their characters counts as a word, which reads at about the same rate
 * (Brysbaert gives 255 characters a minute for Chinese).
 */
const WORDS_PER_MINUTE = 238;
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function readingTime(text: string): { wordCount: number; readingMinutes: number } {
  let wordCount = 0;
  // `test` moves lastIndex on from each word without building a match.
  WORD.lastIndex = 0;
  while (WORD.test(text)) wordCount += 1;
  return { wordCount, readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)) };
}
