import { InputError } from '../errors.ts';
import { htmlLibraries } from './html-libraries.ts';

/**
 * How deeply a page may nest elements. Real pages stay within a few hundred; the parser under linkedom keeps
 * its open elements in an array it grows at the front, so each element opened at depth d costs d, and a
 * few megabytes of "<table><tr><td>" (or any unclosed tags) would take minutes: past any Lambda timeout.
 */
export const MAX_HTML_DEPTH = 2_000;

/**
 * Throws UNSUPPORTED_CONTENT when the HTML nests elements deeper than maxDepth, before the page is built.
 * It runs the very parser linkedom uses (same implied closes and void elements) and stops at the limit, so
 * the check itself costs at most maxDepth per tag.
 */
export function refuseDeepHtml(html: string, maxDepth = MAX_HTML_DEPTH): void {
  let depth = 0;
  const { Parser } = htmlLibraries();
  const parser = new Parser({
    onopentagname() {
      depth += 1;
      if (depth > maxDepth) {
        throw new InputError(
          'UNSUPPORTED_CONTENT',
          `HTML nests elements more than ${maxDepth} deep; no article page does`,
        );
      }
    },
    onclosetag() {
      depth -= 1;
    },
  });
  parser.end(html);
}
