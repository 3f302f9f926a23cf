'use strict';
/**
 * Rewrites a function bundle (index.js, html.js when there is one, and their source maps) as pure ASCII, run by the build after
 * esbuild and before the code cache is written (infra/lambda-function.ts, bench/cold-start.ts):
 *
 *   node escape-non-ascii.cjs <bundle directory>
 *
 * Why: esbuild escapes non-ASCII characters in strings and identifiers, but not in regular-expression literals
 * (nor in template literals). One such character (a curly quote in a pattern) makes the whole 1.5 MB source a
 * two-byte string in V8, 3 MB, where an ASCII one is a one-byte string the loader (with-code-cache.cjs) reads
 * as Latin-1: fewer pages touched at a cold start, where each costs a page fault (README Performance).
 *
 * Each non-ASCII UTF-16 code unit becomes `\uXXXX`, which stands for the same character in a regular-expression
 * literal (with or without the `u` flag: under `u`, a surrogate pair written as two escapes is one code point),
 * a string, an untagged template literal, an identifier or a comment. It would not in a tagged template's raw
 * text (String.raw`’` is one character, String.raw`\u2019` six), so a non-ASCII character in a `String.raw`
 * template stops the build; write the escape in the source there (it means the same in a RegExp's pattern).
 * The source map follows: each generated column after an escape on its line moves right by the escapes' width.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const NON_ASCII = /[\u0080-\uffff]/g;
/** `\uXXXX` is six characters where the code unit was one. */
const ESCAPE_WIDTH = 6;
const escapeUnit = (unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Throws when a `String.raw` template holds a non-ASCII character (see above). */
function refuseRawTemplates(code) {
  const raw = /String\.raw`([^`]*)`/g;
  for (const match of code.matchAll(raw)) {
    if (/[\u0080-\uffff]/.test(match[1])) {
      throw new Error(
        `A String.raw template holds a non-ASCII character, which escaping would change: ${match[0].slice(0, 120)}`,
      );
    }
  }
}

/**
 * Throws when a non-ASCII character follows an unescaped backslash (an identity escape such as `/\’/`):
 * escaping it would write `\\u2019`, a backslash and the letters "u2019", which means something else.
 */
function refuseEscapedNonAscii(code) {
  for (const match of code.matchAll(/(\\+)[\u0080-\uffff]/g)) {
    if (match[1].length % 2 === 1) {
      throw new Error(
        `A backslash escapes a non-ASCII character, which escaping would change: ${code.slice(Math.max(0, match.index - 40), match.index + 40)}`,
      );
    }
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, value) => [char, value]));

/** The first base64 VLQ of `segment`: its value and its length in characters. */
function decodeFirstVlq(segment) {
  let value = 0;
  let shift = 0;
  for (let at = 0; at < segment.length; at += 1) {
    const digit = BASE64_VALUE.get(segment[at]);
    if (digit === undefined) throw new Error(`Not a source map segment: ${segment}`);
    value += (digit & 31) << shift;
    if ((digit & 32) === 0) return { value: value & 1 ? -(value >>> 1) : value >>> 1, length: at + 1 };
    shift += 5;
  }
  throw new Error(`Unterminated VLQ in source map segment: ${segment}`);
}

function encodeVlq(value) {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

/**
 * The mappings with each generated column moved by `shiftOf(line, column)` (the escapes before it on its
 * line). Only a segment's first field, its generated column (relative to the previous segment of the line), is
 * rewritten; the other fields are relative to the previous segment's and stay as they are.
 */
function shiftMappings(mappings, shiftOf) {
  return mappings
    .split(';')
    .map((line, lineIndex) => {
      let column = 0;
      let shiftedColumn = 0;
      return line
        .split(',')
        .map((segment) => {
          if (segment === '') return segment;
          const { value, length } = decodeFirstVlq(segment);
          column += value;
          const shifted = column + shiftOf(lineIndex, column);
          const encoded = encodeVlq(shifted - shiftedColumn);
          shiftedColumn = shifted;
          return encoded + segment.slice(length);
        })
        .join(',');
    })
    .join(';');
}

/** The code with every non-ASCII code unit escaped, and per line the columns of the units it escaped. */
function escapeCode(code) {
  const escapedColumns = new Map();
  const lines = code.split('\n').map((line, lineIndex) => {
    const columns = [];
    const escaped = line.replace(NON_ASCII, (unit, column) => {
      columns.push(column);
      return escapeUnit(unit);
    });
    if (columns.length > 0) escapedColumns.set(lineIndex, columns);
    return escaped;
  });
  return { code: lines.join('\n'), escapedColumns };
}

/** The bundle files of a function's directory: index.js and its second bundle html.js (infra/bundling.ts). */
const BUNDLE_FILES = ['index.js', 'html.js'];

/** Escapes each bundle file in `directory` and moves its source map (when there is one) to match. */
function escapeBundle(directory) {
  for (const file of BUNDLE_FILES) {
    const codeFile = join(directory, file);
    if (existsSync(codeFile)) escapeFile(codeFile);
  }
}

/** Escapes one bundle file and moves its source map (when there is one) to match. */
function escapeFile(codeFile) {
  const code = readFileSync(codeFile, 'utf8');
  refuseRawTemplates(code);
  refuseEscapedNonAscii(code);
  const escaped = escapeCode(code);
  if (escaped.escapedColumns.size === 0) return;
  const mapFile = `${codeFile}.map`;
  let map;
  try {
    map = JSON.parse(readFileSync(mapFile, 'utf8'));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  if (map !== undefined) {
    const shiftOf = (line, column) => {
      const columns = escaped.escapedColumns.get(line);
      if (columns === undefined) return 0;
      let before = 0;
      while (before < columns.length && columns[before] < column) before += 1;
      return before * (ESCAPE_WIDTH - 1);
    };
    map.mappings = shiftMappings(map.mappings, shiftOf);
    writeFileSync(mapFile, JSON.stringify(map));
  }
  writeFileSync(codeFile, escaped.code);
}

if (require.main === module) {
  const [directory] = process.argv.slice(2);
  if (directory === undefined) throw new Error('Usage: escape-non-ascii.cjs <bundle directory>');
  escapeBundle(directory);
}

module.exports = { escapeBundle, escapeCode, shiftMappings };
