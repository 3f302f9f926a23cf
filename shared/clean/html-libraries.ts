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
 * In esbuild's bundles: `require('#shared/clean/html-chunk.ts')` is evaluated on this first call, synchronously,
 * instead of at import. The functions' bundles leave it out (external): it is their second bundle, html.js, which
 * their loader compiles with its own code cache (infra/runtime/with-code-cache.cjs), so a text, JSON or Markdown
 * article never reads the libraries' code nor their compiled bytecode; the CLI's bundle holds it, evaluated lazily.
 */
function bundledLibraries(): HtmlLibraries {
  const { parseHTML, Readability, Parser, decodeHTML } =
    require('#shared/clean/html-chunk.ts') as typeof import('./html-chunk.ts');
  return { parseHTML, Readability, Parser, decodeHTML };
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
