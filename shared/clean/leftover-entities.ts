import { htmlLibraries } from './html-libraries.ts';

/** An entity the HTML parser left in place: the page escaped it twice ("Markets &amp;amp; Finance"). */
const ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/iu;

/**
 * Metadata with entities decoded once more: pages that escape their meta tags twice show "&amp;" and "&#039;"
 * to readers after one decoding ("Sean Penn &#039;proposes to Charlize Theron&#039;").
 */
export function decodeLeftoverEntities(value: string): string {
  return ENTITY.test(value) ? htmlLibraries().decodeHTML(value) : value;
}
