import { createRequire } from 'node:module';
import type { Readability } from '@mozilla/readability';
import type { decodeHTML } from 'entities';
import type { Parser } from 'htmlparser2';
import type { parseHTML } from 'linkedom';

/** The libraries that read HTML: only HTML articles, and metadata with entities left in it, need them. */
export interface HtmlLibraries {
  readonly parseHTML: typeof parseHTML;
  readonly Readability: typeof Readability;
  readonly Parser: typeof Parser;
  readonly decodeHTML: typeof decodeHTML;
}

/**
 * In esbuild's bundles (the functions, the CLI): each `require('…')` written out is bundled, and the module it
 * names is evaluated on this first call, synchronously, instead of at import.
 */
function bundledLibraries(): HtmlLibraries {
  return {
    parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
    Parser: (require('htmlparser2') as typeof import('htmlparser2')).Parser,
    decodeHTML: (require('entities') as typeof import('entities')).decodeHTML,
  };
}

/** Unbundled, as tsx runs this file: an ES module has no `require`, so Node's is made for it. */
function unbundledLibraries(): HtmlLibraries {
  const load = createRequire(import.meta.url);
  return {
    parseHTML: (load('linkedom') as typeof import('linkedom')).parseHTML,
    Readability: (load('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
    Parser: (load('htmlparser2') as typeof import('htmlparser2')).Parser,
    decodeHTML: (load('entities') as typeof import('entities')).decodeHTML,
  };
}

let loaded: HtmlLibraries | undefined;

/**
 * linkedom, Readability, htmlparser2 and entities' decoder, loaded when first used rather than at import: text,
 * JSON and Markdown articles do not use them, and evaluating them (the parsers, the entity tables) was ~20 ms of
 * the process function's module init.
 */
export function htmlLibraries(): HtmlLibraries {
  loaded ??= typeof require === 'function' ? bundledLibraries() : unbundledLibraries();
  return loaded;
}
