/**
 * Stands in for cssomnom's CSS parser (`cssomnom/parse`) in the function bundles (infra/bundling.ts). linkedom
 * imports it for one thing, the `sheet` of a `<style>` element, which neither precis nor Readability reads.
 * The parser is 205 KB of the process bundle's 1.68 MB, which every cold start compiled and ran (its module
 * builds CSS property tables and an `Intl.NumberFormat` as it loads) for nothing.
 */
export function parse(): never {
  throw new Error('The function bundles leave out CSS parsing (infra/bundle-stubs/cssomnom-parse.ts)');
}
