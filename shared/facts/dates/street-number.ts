/**
 * A house number is no year: "the bank at 2015 Washtenaw Avenue", "the centre at 1225 N. Rampart St.", "a car in the
 * 2100 block of Washtenaw". A four-digit number is a house number when a street's name and its kind follow it, or
 * "block of"; a year before a street's name ("In 1996 Main Street was closed", "the 2015 Ocean Drive parade") has a
 * preposition of time or "the" before it.
 */

/** A street's name (up to three capitalised words, perhaps after a compass point) and its kind. */
const STREET_AFTER =
  /^\s(?:[NSEW]\.?\s)?(?:\p{Lu}[\p{L}'’-]*\.?\s){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Place|Pl|Court|Ct|Parkway|Pkwy|Highway|Hwy|Terrace|Circle|Way)(?![\p{L}])/u;
/** "2100 block of": a block of a street, as police reports name a place. */
const BLOCK_AFTER = /^\sblock\sof\s/u;
/**
 * A preposition of time or "the" before the number, which a house number does not have: "In 1996 Main Street …",
 * "since 2015 Elm Road …", "the 2015 Ocean Drive parade".
 */
const YEAR_BEFORE = /(?<![\p{L}])(?:in|since|by|until|till|from|before|after|during|of|the)\s$/iu;

/** Whether the four-digit number at `start`..`end` is a house number in a street address. */
export function isStreetNumber(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60);
  if (BLOCK_AFTER.test(after)) return true;
  return STREET_AFTER.test(after) && !YEAR_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}
