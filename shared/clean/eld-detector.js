// eld's detector without a table: the package's exports offer only entries that build one in as 2 MB of
// JavaScript (`eld/medium`) or load one with a dynamic import a bundle cannot follow (`eld`), so precis
// reaches its detector module by path and gives it the table as data (language-ngrams.ts).
export { createEld } from '../../node_modules/eld/src/languageDetector.js';
