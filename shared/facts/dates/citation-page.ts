/**
 * A page number in a reference to a journal is no year: "Journal of Things. 23 (7): 1739–1752" (volume 23, issue 7,
 * pages 1739 to 1752), "J Clin Oncol. 2013. 31(8):1039-49", "Lancet. 2004;363:1739-1752". The pages follow the volume
 * and a colon: a volume with its issue in brackets, or a volume alone right after a full stop or a semicolon (the
 * journal's name or the year of the reference). A heading's number ("Part 2: 1939–1945", "Chapter 9: 1945") has a
 * word before it, not a full stop, and keeps its years.
 */

/** The volume and its issue before the pages: "23 (7): ", "31(8):", "12(3-4): ". */
const VOLUME_AND_ISSUE = /(?<![\p{L}\p{N}])\d{1,4}\s?\(\s?\d{1,4}(?:\s?[-–/]\s?\d{1,4})?\s?\)\s?:\s?$/u;
/** A volume alone after a word's or a year's full stop or semicolon: "Research. 9: ", "2004;363:" (not "3.1: "). */
const VOLUME_AFTER_STOP = /(?:\p{L}|(?<!\p{N})\d{4})[.;]\s?\d{1,4}\s?:\s?$/u;
/** The first page before a dash, when the number is the last page: "1739–" before "1752". */
const FIRST_PAGE = /(?<![\p{N}])\d{1,5}\s?[-–—]\s?$/u;
/** How far before the pages to look: a volume, its issue and the first page. */
const REACH = 32;

/** Whether the number at `start` is a page (or the last page of a range of pages) of a journal reference. */
export function isCitationPage(text: string, start: number): boolean {
  let before = text.slice(Math.max(0, start - REACH), start);
  const firstPage = FIRST_PAGE.exec(before);
  if (firstPage) before = before.slice(0, before.length - firstPage[0].length);
  return VOLUME_AND_ISSUE.test(before) || VOLUME_AFTER_STOP.test(before);
}
