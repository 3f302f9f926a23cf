/**
 * The HTML libraries as one module: the entry of the functions' second bundle (html.js, with its own V8 code
 * cache), which a function loads on its first HTML page only (html-libraries.ts; infra/bundling.ts's HTML_CHUNK).
 * Elsewhere (the CLI's bundle) it is bundled in, evaluated on that first call.
 */
export { Readability } from '@mozilla/readability';
export { decodeHTML } from 'entities';
export { Parser } from 'htmlparser2';
export { parseHTML } from 'linkedom';
