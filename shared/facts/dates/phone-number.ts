/**
 * The last group of a telephone number is no year: "please call 0800 138 1016", "0344 556 1400 (Textphone)". A
 * four-digit number right after a group that opens with 0 (a trunk prefix) and a group of three or four digits,
 * spaced, dotted or dashed, is part of a number to call.
 */
const GROUPS_BEFORE = /(?<![\p{N}])0\d{2,4}[\s.-]\d{3,4}[\s.-]$/u;

/** Whether the four-digit number at `start` ends a telephone number. */
export function isPhoneNumber(text: string, start: number): boolean {
  return GROUPS_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}
