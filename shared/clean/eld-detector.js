// eld's detector without a table: the package's exports offer only entries that build one in as 2 MB of
// JavaScript (`eld/medium`) or load one with a dynamic import a bundle cannot follow (`eld`), so precis
// reaches its detector module by path and gives it the table as data (language-ngrams.ts). ngram-detector.ts
// scores as eld does with eld's own pieces: its byte dictionary, its word separators and its result class.

export { avgScore } from '../../node_modules/eld/src/avgScore.js';
export { dictionary } from '../../node_modules/eld/src/dictionary.js';
export { LanguageResult } from '../../node_modules/eld/src/LanguageResult.js';
export { createEld } from '../../node_modules/eld/src/languageDetector.js';
export { separators } from '../../node_modules/eld/src/regexPatterns.js';
