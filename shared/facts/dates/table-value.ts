/**
 * A number that is a table's value beside its label is no year: "Calories 3017 Calories from Fat 1782" and
 * "Calories 1950" in a nutrition list of "Total Fat 16g", "Sodium 310mg 13%". The four-digit number ends its line
 * after a label (capitalised words, no digits), perhaps after other labels and their values ("Calories 3017 …"), or
 * stands alone on its line under its label ("Calories" / "1950", a table's cells one to a line). And a line near it
 * holds a measured amount: a number with a unit or a percent written onto it ("16g", "310mg", "13%"), perhaps
 * after its label. That is a table of amounts, as a list of products ("Windows 8" / "Windows Server 2019") or a
 * headline ("Top 10 Movies 2015") is not. A label that says when ("Released 2019", "Founded 1998", "Born 1950",
 * "Season 2019") or ends in a preposition ("He won in 2015") keeps its year whatever the lines near it hold.
 */

/** A label: capitalised words, or words after a capitalised one, with no digits ("Calories from Fat"). */
const LABEL = String.raw`\p{Lu}[\p{L}'\u2019.-]*(?:[ \t]+[\p{L}][\p{L}'\u2019.-]*){0,5}`;
/** A value of a label-value pair before the number: a number, perhaps with its unit or percent written onto it. */
const VALUE = String.raw`\d[\d,.]*\p{L}{0,4}%?`;
/** What stands before the number on its line: labels and their values, then the number's own label. */
const PAIRS_BEFORE = new RegExp(String.raw`^[ \t]*(?:${LABEL}[ \t]+${VALUE}[ \t]+)*(${LABEL})[ \t]+$`, 'u');
/** A label alone on its line, for a number alone on the next one. */
const LABEL_LINE = new RegExp(String.raw`^[ \t]*(${LABEL})[ \t]*$`, 'u');
/** Units of a table of amounts: weight, energy, volume, and the percent of a daily value. */
const UNIT = String.raw`(?:mcg|\u00b5g|mg|g|kg|kcal|kJ|IU|ml|oz|lbs?)`;
/** A measured amount, perhaps after its label and before a percent: "16g", "Sodium 310mg 13%", "Fat 198g305%", "24%". */
const AMOUNT_LINE = new RegExp(
  String.raw`^[ \t]*(?:${LABEL}[ \t]*)?(?:\d[\d,.]*[ \t]?${UNIT}(?:[ \t]*\d[\d,.]*[ \t]?%)?|\d[\d,.]*[ \t]?%)[ \t]*$`,
  'u',
);
/**
 * A label's last word that says when, the number after it being the year it names ("Released 2019", "Born 1950"),
 * or a preposition, the number after it being a time ("He won in 2015").
 */
const WHEN_WORD =
  /(?:ed|Born|Built|Made|Since|Year|Years|Date|Season|Vintage|Model|Class|Copyright|Est\.?|Begun|(?<![\p{L}])(?:in|of|by|from|until|till|to|for|after|before|during|at|on|around|about|circa|c\.))$/iu;
/** How many lines with text, before and after the number's line, may hold the measured amount. */
const NEAR_LINES = 2;

/** Nothing but spaces after the number on its line. */
const LINE_ENDS = /^[ \t\r]*(?:\n|$)/u;

/** Whether the four-digit number at `start`..`end` is a table's value beside its label. */
export function isTableValue(text: string, start: number, end: number): boolean {
  if (!LINE_ENDS.test(text.slice(end, end + 40))) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const linesBefore = filledLines(text, lineStart - 1, -1);
  const label =
    before.trim() === '' ? LABEL_LINE.exec(linesBefore[0] ?? '')?.[1] : PAIRS_BEFORE.exec(before)?.[1];
  if (label === undefined || WHEN_WORD.test(label)) return false;
  const linesAfter = filledLines(text, text.indexOf('\n', end), 1);
  return [...linesBefore, ...linesAfter].some((line) => AMOUNT_LINE.test(line));
}

/** Lines this long are prose, not a table's cells: not read. */
const MAX_LINE = 120;

/**
 * The NEAR_LINES lines with text next to the newline at `newline`, nearest first: before it (`-1`) or after it
 * (`1`). A line too long to be a cell ends the search.
 */
function filledLines(text: string, newline: number, direction: -1 | 1): string[] {
  const lines: string[] = [];
  let at = newline;
  while (lines.length < NEAR_LINES && (direction === -1 ? at > 0 : at >= 0 && at < text.length)) {
    const from = direction === -1 ? text.lastIndexOf('\n', at - 1) + 1 : at + 1;
    const next = text.indexOf('\n', from);
    const to = direction === -1 ? at : next === -1 ? text.length : next;
    if (to - from > MAX_LINE) break;
    const line = text.slice(from, to);
    if (line.trim() !== '') lines.push(line);
    at = direction === -1 ? from - 1 : to;
  }
  return lines;
}
